using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using Npgsql;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// The several-node soak (a bench, opt-in: <c>CTI_SOAK_MINUTES=N</c>; docs/benchmarks.md): two CtiBridge node processes
/// over PostgreSQL with the Redis backplane, in front of one real Asterisk; 200 agents with SIP extensions in Sales, all
/// Ready (signed in through both nodes), their phones one sipp that registers all 200 endpoints and answers every call;
/// customers on the trunk at 2 calls/s for N minutes, each talking 30 s and hanging up itself; every
/// <c>CTI_SOAK_KILL_MINUTES</c> (default 5, at most half the run) the lease holder is killed (SIGKILL), the standby takes
/// over and the killed one is started again as the standby. At the end: no call lost (sipp saw every call answered and
/// ended by its own BYE; each is stored once, answered by an agent), no agent offered two calls at once, no call answered
/// by two agents; the takeover times and each node process's memory (VmRSS every 15 s) are printed, not asserted.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class NodeSoakOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : ProductSuite(asterisk), IAsyncLifetime
{
    private const int AgentCount = 200;
    private const int CallsPerSecond = 2;
    private const int WrapUpSeconds = 3;
    private static readonly TimeSpan MemoryInterval = TimeSpan.FromSeconds(15);
    /// <summary>Memory samples before this much of a process's life are its warm-up (JIT, caches, the tenant loaded).</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(60);

    private readonly PostgresInstance _postgres = new();
    private string _connectionString = "";

    protected override Dictionary<string, string?>? HostSettings()
    {
        _connectionString = _postgres.CreateDatabaseAsync().GetAwaiter().GetResult();
        return new() { ["Database:Provider"] = "PostgreSql", ["Database:ConnectionString"] = _connectionString };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _postgres.DisposeAsync();
    }

    /// <summary>One process life of a node (a node killed and started again is a new life), with its memory samples.</summary>
    private sealed class NodeLife(string name, int life, CtiBridgeProcess process)
    {
        public string Name { get; } = $"{name} #{life}";
        public CtiBridgeProcess Process { get; } = process;
        public Stopwatch Age { get; } = Stopwatch.StartNew();
        public ConcurrentQueue<(double Seconds, long Kb)> Rss { get; } = new();
        /// <summary>The managed heap after the last garbage collection (the runtime's metric, scraped from /metrics).</summary>
        public ConcurrentQueue<(double Seconds, long Kb)> Heap { get; } = new();
        public string Url { get; init; } = "";
        public bool Killed { get; set; }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(string NodeId, long Epoch)> LeaseAsync()
    {
        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT \"NodeId\", \"Epoch\" FROM \"TenantLeases\"", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetString(0), r.GetInt64(1)) : ("", 0);
    }

    [NodeSoakFact]
    public async Task Two_nodes_at_two_calls_a_second_with_the_lease_holder_killed_lose_no_call_and_offer_no_agent_two_calls()
    {
        var minutes = NodeSoakFactAttribute.Minutes;
        var killEvery = TimeSpan.FromMinutes(NodeSoakFactAttribute.KillMinutes);
        var run = TimeSpan.FromMinutes(minutes);
        output.WriteLine($"soak: {minutes} min, {AgentCount} agents, {CallsPerSecond} calls/s, the lease holder killed every {killEvery.TotalMinutes:0.##} min");

        // The tenant on the in-process host: 200 agents imported (CSV), all in Sales, a short automatic wrap-up.
        var csv = "username,displayName,password,extension,extensionKind\n" + string.Concat(Enumerable.Range(0, AgentCount)
            .Select(i => $"soak{i:000},Soak {i:000},{ProductTenant.AgentPassword},{Extension(i)},Sip\n"));
        var imported = await Tenant.Admin.PostJsonAsync("/api/v1/admin/users/import", new { csv }, HttpStatusCode.Created);
        var userIds = imported.GetProperty("users").EnumerateArray().Select(u => u.Str("id")).ToList();
        Assert.Equal(AgentCount, userIds.Count);
        await Tenant.Admin.PutJsonAsync($"/api/v1/admin/skill-groups/{Tenant.SalesId}/members",
            new { members = userIds.Select(id => new { userId = id, priority = 1 }) });
        var tenant = await Tenant.Admin.GetJsonAsync("/api/v1/admin/tenant");
        var tenantSettings = JsonNode.Parse(tenant.GetProperty("settings").GetRawText())!;
        tenantSettings["wrapUpDefaultSeconds"] = WrapUpSeconds;
        await Tenant.Admin.PutJsonAsync("/api/v1/admin/tenant", new { name = tenant.Str("name"), settings = tenantSettings });

        // The 200 phones: one sipp registers them all and answers their calls.
        var credentials = new List<(string, string)>();
        for (var i = 0; i < AgentCount; i++)
        {
            var c = await Tenant.CredentialsAsync($"demo-{Extension(i)}");
            credentials.Add((c.Username, c.Password));
        }
        var phones = Track(SippParties.ManyPhones(AsteriskServer, credentials));
        await Wait.UntilAsync(async () => await PhonesOnlineAsync() == AgentCount, $"the {AgentCount} phones registered on Asterisk", 120,
            () => $"{PhonesOnlineAsync().GetAwaiter().GetResult()} online; {phones.EndDiagnostics()}");

        // Hand over to two node processes (PostgreSQL leases, Redis backplane).
        var settings = Host.Settings;
        var data = Host.DataDirectory;
        Host.KeepDataOnDispose = true;
        await Host.DisposeAsync();
        await ProductHost.WaitAppUnregisteredAsync(AsteriskServer);
        await using var redis = await RedisInstance.StartAsync();

        string[] names = ["node-a", "node-b"];
        string[] urls = [CtiBridgeProcess.ReserveUrl(), CtiBridgeProcess.ReserveUrl()];
        var lives = new List<NodeLife>();
        var slots = new NodeLife[2];
        NodeLife StartNode(int slot)
        {
            var life = new NodeLife(names[slot], lives.Count(l => l.Name.StartsWith(names[slot], StringComparison.Ordinal)) + 1,
                CtiBridgeProcess.Start(Node(settings, names[slot], urls[slot], redis.ConnectionString, run), urls[slot])) { Url = urls[slot] };
            lock (lives) lives.Add(life);
            return slots[slot] = life;
        }

        using var stopSampling = new CancellationTokenSource();
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var sampling = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                NodeLife[] alive; lock (lives) alive = lives.Where(l => !l.Killed).ToArray();
                foreach (var l in alive)
                {
                    if (l.Process.ResidentKilobytes() is { } kb) l.Rss.Enqueue((l.Age.Elapsed.TotalSeconds, kb));
                    if (await ManagedHeapKilobytesAsync(scraper, l.Url) is { } heap) l.Heap.Enqueue((l.Age.Elapsed.TotalSeconds, heap));
                }
                try { await Task.Delay(MemoryInterval, stopSampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var takeoverToLease = new List<double>();
        var takeoverToServed = new List<double>();
        try
        {
            var first = StartNode(0);
            await Wait.UntilAsync(async () => await first.Process.ReadyAsync() && (await LeaseAsync()).NodeId == names[0],
                "node A ready and holding the tenant's lease", 90, () => first.Process.OutputTail());
            var second = StartNode(1);
            await Wait.UntilAsync(second.Process.ReadyAsync, "node B ready, standing by", 90, () => second.Process.OutputTail());

            // The agents sign in through both nodes in turn (B forwards its half to A) and log in Ready.
            var agents = new HttpClient[AgentCount];
            await Parallel.ForEachAsync(Enumerable.Range(0, AgentCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                agents[i] = await slots[i % 2].Process.SignInAsync(ProductTenant.Domain, $"soak{i:000}", ProductTenant.AgentPassword);
                await agents[i].PostJsonAsync("/api/v1/agent/login", new { ready = true });
            });
            await Wait.UntilAsync(async () => (await StatusesAsync(agents)).GetValueOrDefault("Ready") == AgentCount,
                $"the {AgentCount} agents Ready with their phones available", 60,
                () => string.Join(", ", StatusesAsync(agents).GetAwaiter().GetResult().Select(s => $"{s.Key} {s.Value}")));

            var total = (int)(run.TotalSeconds * CallsPerSecond);
            var customers = Track(SippParties.CustomersHangingUp(AsteriskServer, CallsPerSecond, total));
            var clock = Stopwatch.StartNew();
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss} UTC: {AgentCount} agents Ready, {total} customers start (load average {File.ReadAllText("/proc/loadavg")[..14]})");
            for (var kill = 1; killEvery * kill < run; kill++)
            {
                var due = killEvery * kill - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due);
                Assert.True(customers.Running, "the customers' sipp ended before the kill: " + customers.EndDiagnostics());
                var (holderName, epoch) = await LeaseAsync();
                int h = Array.IndexOf(names, holderName), s = 1 - h;
                Assert.True(h >= 0, $"the lease held by '{holderName}'");
                var holder = slots[h];
                var standby = slots[s];
                var probe = agents[s]; // signed in on the standby's address
                Assert.True(standby.Process.ExitCode is null, $"{standby.Name} exited ({standby.Process.ExitCode}) before kill {kill}:\n{standby.Process.OutputTail(60)}");
                Assert.True(await standby.Process.ReadyAsync(), $"{standby.Name} not ready before kill {kill}:\n{standby.Process.OutputTail(60)}");

                var killedAtUtc = DateTime.UtcNow;
                var killedAt = Stopwatch.StartNew();
                await holder.Process.KillAsync();
                holder.Killed = true;
                double? leaseTaken = null;
                string last = "";
                await Wait.UntilAsync(async () =>
                {
                    if (leaseTaken is null && await LeaseAsync() is var (node, e) && node == names[s] && e > epoch) leaseTaken = killedAt.Elapsed.TotalSeconds;
                    if (leaseTaken is null) return false;
                    using var r = await probe.GetAsync("/api/v1/agent/state");
                    last = $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}";
                    return r.IsSuccessStatusCode && r.Headers.GetValues("X-CtiBridge-Node").Single() == names[s];
                }, $"{standby.Name} holding the lease and serving the tenant after {holder.Name} was killed", 60,
                    () => last + "\n" + standby.Process.OutputTail(40));
                takeoverToLease.Add(leaseTaken!.Value);
                takeoverToServed.Add(killedAt.Elapsed.TotalSeconds);
                output.WriteLine($"{killedAtUtc:HH:mm:ss.f} UTC kill {kill}: {holder.Name} killed; {standby.Name} took the lease after {leaseTaken:0.00} s and served the tenant after {killedAt.Elapsed.TotalSeconds:0.00} s");

                var restarted = StartNode(h);
                await Wait.UntilAsync(restarted.Process.ReadyAsync, $"{restarted.Name} ready, standing by", 90, () => restarted.Process.OutputTail());
            }

            // The customers' last calls end by themselves (30 s of talk after the last one is answered).
            var exit = await customers.ExitAsync((int)(run - clock.Elapsed).TotalSeconds + 180);
            var stats = customers.Statistics();
            long Stat(string column) => long.Parse(stats[column], System.Globalization.CultureInfo.InvariantCulture);
            long placed = Stat("TotalCallCreated"), succeeded = Stat("SuccessfulCall(C)"), failed = Stat("FailedCall(C)");
            // A call's record is complete when it ends (a live call's is provisional, without an end): give the last ones
            // time (the figures below say what is missing).
            var recordsDue = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (await ScalarAsync<long>("SELECT count(*) FROM \"CallRecords\" WHERE \"EndedAt\" IS NOT NULL") < placed && DateTime.UtcNow < recordsDue)
                await Task.Delay(500);

            // From what CtiBridge stored (docs/reports.md): each customer (a number of its own) once, ended, answered by an agent.
            var records = await ScalarAsync<long>("SELECT count(*) FROM \"CallRecords\" WHERE \"EndedAt\" IS NOT NULL");
            var open = await ScalarAsync<long>("SELECT count(*) FROM \"CallRecords\" WHERE \"EndedAt\" IS NULL");
            var storedTwice = await ScalarAsync<long>(
                "SELECT count(*) FROM (SELECT \"CustomerNumber\" FROM \"CallRecords\" GROUP BY \"CustomerNumber\" HAVING count(*) > 1) t");
            var answeredByAgent = await ScalarAsync<long>("""
                SELECT count(*) FROM "CallRecords" r WHERE EXISTS (SELECT 1 FROM "CallLegs" l
                    WHERE l."CallId" = r."Id" AND l."Role" = 'Agent' AND l."UserId" IS NOT NULL AND l."AnsweredAt" IS NOT NULL)
                """);
            var unanswered = await ScalarAsync<long>("SELECT count(*) FROM \"CallRecords\" WHERE \"AnsweredAt\" IS NULL OR \"AnsweredByUserId\" IS NULL");
            // Double offers: one agent's legs of two different calls overlapping in time; one call answered by two agents.
            var overlapping = await ScalarAsync<long>("""
                SELECT count(*) FROM "CallLegs" a JOIN "CallLegs" b ON a."UserId" = b."UserId" AND a."CallId" <> b."CallId" AND a."Id" < b."Id"
                WHERE a."Role" = 'Agent' AND b."Role" = 'Agent'
                  AND a."StartedAt" < COALESCE(b."EndedAt", 'infinity') AND b."StartedAt" < COALESCE(a."EndedAt", 'infinity')
                """);
            var answeredTwice = await ScalarAsync<long>("""
                SELECT count(*) FROM (SELECT "CallId" FROM "CallLegs" WHERE "Role" = 'Agent' AND "AnsweredAt" IS NOT NULL
                    GROUP BY "CallId" HAVING count(DISTINCT "UserId") > 1) t
                """);
            var agentLegs = await ScalarAsync<long>("SELECT count(*) FROM \"CallLegs\" WHERE \"Role\" = 'Agent'");
            var endings = await ScalarAsync<string>(
                "SELECT COALESCE(string_agg(e || ' ' || n, ', ' ORDER BY e), '') FROM (SELECT COALESCE(\"EndReason\", 'none') AS e, count(*) AS n FROM \"CallRecords\" GROUP BY 1) t");
            var statuses = await StatusesAsync(agents);
            // The customers (9 + sipp's call number) without a record, with the time of their call, for the report.
            var stored = (await ScalarAsync<string>("SELECT COALESCE(string_agg(\"CustomerNumber\", ','), '') FROM \"CallRecords\"")).Split(',')
                .Select(c => new string(c.Where(char.IsAsciiDigit).ToArray())).ToHashSet();
            var missing = Enumerable.Range(1, (int)placed).Where(n => !stored.Contains($"9{n}"))
                .Select(n => $"9{n} (placed at ~{n / (double)CallsPerSecond:0} s)").ToList();

            var (leaseP50, leaseMax) = ApiAgainstAsterisk.Summary(takeoverToLease);
            var (servedP50, servedMax) = ApiAgainstAsterisk.Summary(takeoverToServed);
            output.WriteLine($"calls: placed {placed}, succeeded {succeeded}, failed {failed} (unexpected message {stats["FailedUnexpectedMessage(C)"]}, " +
                             $"recv timeout {stats["FailedTimeoutOnRecv(C)"]}); sipp exit {exit}");
            output.WriteLine($"records: {records} stored ended ({open} still without an end), {answeredByAgent} answered by an agent, {unanswered} without an answer, {storedTwice} numbers stored twice; " +
                             $"end reasons: {endings}; agent legs {agentLegs}");
            // Lost: for the customer (sipp: no answer, Asterisk's BYE) or for the records (not stored answered by an agent).
            output.WriteLine($"lost: {failed} for the customers, {placed - answeredByAgent} without an answered record; " +
                             $"double offers: {overlapping} overlapping agent legs, {answeredTwice} calls answered by two agents");
            output.WriteLine($"takeover ({takeoverToLease.Count} kills): lease taken p50 {leaseP50:0.00} / max {leaseMax:0.00} s; " +
                             $"serving the tenant p50 {servedP50:0.00} / max {servedMax:0.00} s");
            output.WriteLine($"agents at the end: {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}; load average {File.ReadAllText("/proc/loadavg")[..14]}");
            if (missing.Count > 0) output.WriteLine($"customers without a record: {string.Join(", ", missing.Take(50))}; stored e.g. {string.Join(", ", stored.Take(3))}");
            await stopSampling.CancelAsync();
            await sampling;
            foreach (var line in MemoryFigures(lives)) output.WriteLine(line);

            Assert.Equal(0, failed);
            Assert.Equal(placed, succeeded);
            Assert.Equal(placed, records);
            Assert.Equal(0, open);
            Assert.Equal(placed, answeredByAgent);
            Assert.Equal(0, storedTwice);
            Assert.Equal(0, overlapping);
            Assert.Equal(0, answeredTwice);
            Assert.Equal(0, exit);
            Assert.True(phones.Running, "the phones' sipp ended during the run");
        }
        finally
        {
            await stopSampling.CancelAsync();
            await sampling;
            // Every node life's whole output, kept for a look afterwards (a soak is read after it ran).
            var logs = Path.Combine(Path.GetTempPath(), $"cti-soak-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(logs);
            foreach (var l in lives)
            {
                var file = Path.Combine(logs, l.Name.Replace(' ', '_').Replace("#", ""));
                await File.WriteAllLinesAsync(file + ".log", l.Process.OutputLines(_ => true).Prepend($"exit code: {l.Process.ExitCode?.ToString() ?? "running"}"));
                await File.WriteAllLinesAsync(file + ".memory.csv", l.Rss.Select(r => $"rss,{r.Seconds:0},{r.Kb}")
                    .Concat(l.Heap.Select(h => $"heap,{h.Seconds:0},{h.Kb}")).Prepend("what,seconds,kib"));
            }
            output.WriteLine($"node outputs: {logs}");
            foreach (var l in lives) await l.Process.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static int Extension(int agent) => 2000 + agent;

    private static Dictionary<string, string?> Node(IReadOnlyDictionary<string, string?> settings, string id, string url, string redis, TimeSpan run) =>
        new(settings)
        {
            ["Cluster:NodeId"] = id, ["Cluster:Address"] = url, ["Cluster:LeaseSeconds"] = "3", ["Cluster:RenewSeconds"] = "0.5",
            ["CallCenter:ReloadIntervalSeconds"] = "0",
            ["Redis:ConnectionString"] = redis, ["Redis:Prefix"] = "soak", ["Scheduling:InstanceId"] = id,
            // The agents' tokens outlive the run (the test signs them in once; a browser would refresh them).
            ["Auth:AccessTokenMinutes"] = ((int)run.TotalMinutes + 30).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Observability:Prometheus:Enabled"] = "true", // the managed heap's size, for the memory figures
        };

    /// <summary>
    /// The node's managed heap after its last garbage collection (the sum over generations of the runtime's
    /// <c>dotnet.gc.last_collection.heap.size</c>), in KiB; null when it cannot be read (not started yet, killed).
    /// </summary>
    private static async Task<long?> ManagedHeapKilobytesAsync(HttpClient scraper, string url)
    {
        try
        {
            var text = await scraper.GetStringAsync(url + "/metrics");
            double bytes = 0;
            var found = false;
            foreach (var line in text.Split('\n'))
            {
                if (!line.StartsWith("dotnet_gc_last_collection_heap_size_bytes{", StringComparison.Ordinal)) continue;
                bytes += double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                found = true;
            }
            return found ? (long)(bytes / 1024) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or FormatException) { return null; }
    }

    private async Task<int> PhonesOnlineAsync() =>
        (await AsteriskServer.GetJsonAsync("endpoints/PJSIP")).EnumerateArray()
            .Count(e => e.Str("resource").StartsWith("demo-2", StringComparison.Ordinal) && e.Str("state") == "online");

    private static async Task<Dictionary<string, int>> StatusesAsync(HttpClient[] agents)
    {
        var statuses = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(agents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (a, _) =>
        {
            var state = await a.GetJsonAsync("/api/v1/agent/state");
            var reason = state.TryGetProperty("reason", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.String ? $" ({r.GetString()})" : "";
            statuses.AddOrUpdate(state.Str("status") + reason, 1, (_, n) => n + 1);
        });
        return statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Value);
    }

    /// <summary>
    /// Per process life: the first sample after the warm-up, the highest, the last, and the trend (least squares over the
    /// samples after the warm-up, in MiB per 10 minutes) — flat means no steady growth.
    /// </summary>
    private static IEnumerable<string> MemoryFigures(IEnumerable<NodeLife> lives)
    {
        foreach (var l in lives)
            foreach (var (what, samples) in new[] { ("VmRSS", l.Rss), ("managed heap after GC", l.Heap) })
            {
                var all = samples.ToList();
                var steady = all.Where(s => s.Seconds >= WarmUp.TotalSeconds).ToList();
                if (steady.Count < 2) { yield return $"memory {l.Name} ({what}): {all.Count} samples, too short a life for a trend"; continue; }
                double mx = steady.Average(s => s.Seconds), my = steady.Average(s => (double)s.Kb);
                var slope = steady.Sum(s => (s.Seconds - mx) * (s.Kb - my)) / steady.Sum(s => (s.Seconds - mx) * (s.Seconds - mx)); // KiB/s
                yield return $"memory {l.Name} ({what}, {steady.Count} samples over {steady[^1].Seconds - steady[0].Seconds:0} s after {WarmUp.TotalSeconds:0} s of warm-up): " +
                             $"first {steady[0].Kb / 1024.0:0} MiB, max {steady.Max(s => s.Kb) / 1024.0:0} MiB, last {steady[^1].Kb / 1024.0:0} MiB, " +
                             $"trend {slope * 600 / 1024:+0.0;-0.0} MiB per 10 min";
            }
    }
}

/// <summary>
/// The soak runs only when asked for (<c>CTI_SOAK_MINUTES=N</c>): a bench, not CI; otherwise it is skipped with that
/// reason. It needs Asterisk, sipp and redis-server too.
/// </summary>
public sealed class NodeSoakFactAttribute : FactAttribute
{
    /// <summary>Skip reasons beginning with this mark an opt-in bench (.ci/real-asterisk-summary.py does not count them).</summary>
    public const string OptIn = "Opt-in bench:";

    public static int Minutes => int.TryParse(Environment.GetEnvironmentVariable("CTI_SOAK_MINUTES"), out var m) && m > 0 ? m : 0;

    /// <summary><c>CTI_SOAK_KILL_MINUTES</c>, default 5 and at most half the run (a 5-minute soak kills once, at 2.5 min).</summary>
    public static double KillMinutes =>
        double.TryParse(Environment.GetEnvironmentVariable("CTI_SOAK_KILL_MINUTES"), System.Globalization.CultureInfo.InvariantCulture, out var k) && k > 0
            ? k : Math.Min(5, Minutes / 2.0);

    public NodeSoakFactAttribute()
    {
        if (Minutes == 0) Skip = $"{OptIn} set CTI_SOAK_MINUTES=N (30 for the figures) to run the several-node soak (docs/benchmarks.md).";
        else if (new AsteriskAndSippFactAttribute().Skip is { } missing) Skip = missing;
        else if (RedisInstance.Binary is null) Skip = RedisInstance.MissingReason;
    }
}
