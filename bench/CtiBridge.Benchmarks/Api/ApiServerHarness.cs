extern alias api;

using System.Diagnostics;
using System.Net;
using api::CtiBridge.Api.CallCenter;
using api::CtiBridge.Api.Events;
using CtiBridge.Application.Auth;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Tenants;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Benchmarks.Api;

/// <summary>
/// The server side of <c>load fanout</c> / <c>load rest</c>, run as a child process by
/// <see cref="ApiServerProcess"/> (so its CPU is measured apart from the clients'): the real Api
/// (Program) on Kestrel at 127.0.0.1:&lt;free port&gt;, sandbox mode, a temp SQLite file, fast password
/// hashing, logging at Warning. Prints <c>READY &lt;url&gt;</c>; then reads commands on stdin:
/// <c>reset</c> (clears the dispatch histogram), <c>stats</c> (prints one <c>STATS …</c> line),
/// <c>users &lt;n&gt;</c> (creates n agents in the demo tenant, see <see cref="CreateUsersAsync"/>; prints one
/// <c>USER &lt;userId&gt; &lt;accessToken&gt;</c> line each, then <c>OK</c>, or <c>ERROR …</c>),
/// <c>quit</c> or end of input (stops, deletes the temp directory).
/// </summary>
public sealed class ApiServerHarness : ILoadHarness
{
    public const string BootstrapKey = "bench-bootstrap-key-0123456789";

    public string Name => "api-server";

    public async Task RunAsync(string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "ctibridge-bench-api-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        // WebApplicationFactory looks for the Api's content root next to the solution file: point it there.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CtiBridge.sln"))) root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CTIBRIDGE_API",
            root is null ? AppContext.BaseDirectory : Path.Combine(root.FullName, "src", "CtiBridge.Api"));
        try
        {
            await using var factory = new BenchApiFactory(dir);
            factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var url = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

            var streams = factory.Services.GetRequiredService<AgentEventStreams>();
            var dispatch = new Histogram();
            var statsDispatch = new Histogram(); // skill-group statistics alone: publish → the group send returned
            // (AgentEventStreams.Backlog throws NotSupportedException: its single-reader unbounded channel has no Count;
            // and a throwing Dispatched handler would end the dispatcher loop: keep this one trivial.)
            streams.Dispatched += (e, elapsed) =>
            {
                dispatch.Add(elapsed.TotalMilliseconds);
                if (e is CtiBridge.Application.Events.SkillGroupStatsChangedEvent) statsDispatch.Add(elapsed.TotalMilliseconds);
            };
            // Statistics of skill group Sales dispatched: every Sales-only member must receive exactly this many.
            long salesStats = 0;
            streams.Dispatched += (e, _) =>
            {
                if (e is CtiBridge.Application.Events.SkillGroupStatsChangedEvent { Stats.Name: "Sales" }) Interlocked.Increment(ref salesStats);
            };

            Console.WriteLine($"READY {url}");
            Console.Out.Flush();
            var gcPause0 = GC.GetTotalPauseDuration();
            var (jitMethods0, jitTime0) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
            string? line;
            while ((line = await Console.In.ReadLineAsync()) is not null && line != "quit")
            {
                switch (line)
                {
                    case "reset":
                        dispatch.Reset();
                        statsDispatch.Reset();
                        Interlocked.Exchange(ref salesStats, 0);
                        gcPause0 = GC.GetTotalPauseDuration();
                        (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                        (jitMethods0, jitTime0) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
                        Console.WriteLine("OK");
                        break;
                    case "stats":
                        Console.WriteLine(FormattableString.Invariant(
                            $"STATS dispatched={dispatch.Count} salesStats={Interlocked.Read(ref salesStats)} p50={dispatch.Percentile(50):F2} p99={dispatch.Percentile(99):F2} max={dispatch.Max:F2} statsP50={statsDispatch.Percentile(50):F2} statsP99={statsDispatch.Percentile(99):F2} gcPauseMs={(GC.GetTotalPauseDuration() - gcPause0).TotalMilliseconds:F0} gc0={GC.CollectionCount(0) - g0} gc1={GC.CollectionCount(1) - g1} gc2={GC.CollectionCount(2) - g2} serverGc={System.Runtime.GCSettings.IsServerGC} heapMb={GC.GetTotalMemory(false) / 1048576} jitMethods={System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods0} jitMs={(System.Runtime.JitInfo.GetCompilationTime() - jitTime0).TotalMilliseconds:F0}"));
                        break;
                    case var _ when line.StartsWith("supervisors ", StringComparison.Ordinal):
                        try
                        {
                            var created = await CreateSupervisorsAsync(factory.Services, int.Parse(line["supervisors ".Length..].Trim()));
                            var text = new System.Text.StringBuilder();
                            foreach (var (id, token) in created) text.Append("USER ").Append(id.ToString("D")).Append(' ').Append(token).Append('\n');
                            Console.Write(text.ToString());
                            Console.WriteLine("OK");
                        }
                        catch (Exception e) { Console.WriteLine("ERROR " + e.ToString().ReplaceLineEndings(" | ")); }
                        break;
                    case var _ when line.StartsWith("users ", StringComparison.Ordinal):
                        try
                        {
                            var created = await CreateUsersAsync(factory.Services, int.Parse(line["users ".Length..].Trim()));
                            var text = new System.Text.StringBuilder();
                            foreach (var (id, token) in created) text.Append("USER ").Append(id.ToString("D")).Append(' ').Append(token).Append('\n');
                            Console.Write(text.ToString());
                            Console.WriteLine("OK");
                        }
                        catch (Exception e) { Console.WriteLine("ERROR " + e.ToString().ReplaceLineEndings(" | ")); }
                        break;
                }
                Console.Out.Flush();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// <c>load fanout --users --supervisors=N</c>: N supervisors <c>fansup001</c>… of the demo tenant, each leading
    /// "Team A" (agent1..3 and the created agents), written straight to the database, the tenant reloaded once, a token
    /// minted for each. Returns (userId, token) in creation order.
    /// </summary>
    private static async Task<List<(Guid Id, string Token)>> CreateSupervisorsAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CtiDbContext>();
        db.ScopeToSystem();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Domain == "demo");
        db.ScopeToTenant(tenant.Id);
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Name == "Team A");
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var hash = sp.GetRequiredService<PasswordHasher>().Hash(BenchApi.Password);
        var users = new List<User>(count);
        for (var i = 1; i <= count; i++)
        {
            var u = new User
            {
                TenantId = tenant.Id, Username = $"fansup{i:D3}", DisplayName = $"Fan-out Supervisor {i}", Roles = UserRoles.Supervisor,
                PasswordHash = hash, PasswordChangedAt = now, CreatedAt = now,
            };
            users.Add(u);
            db.TeamSupervisors.Add(new TeamSupervisor { TenantId = tenant.Id, TeamId = team.Id, UserId = u.Id });
        }
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        await sp.GetRequiredService<TenantReloader>().ReloadAsync(tenant.Id);
        var issuer = sp.GetRequiredService<IAccessTokenIssuer>();
        return users.Select(u => (u.Id, issuer.Issue(new SessionPrincipal(tenant.Id, tenant.Domain, u.Id, u.Username, u.DisplayName, u.Roles, false)).Token)).ToList();
    }

    /// <summary>
    /// <c>load fanout --users</c>: <paramref name="count"/> agents <c>fan00001</c>… of the demo tenant (web extensions
    /// 300001…, password <see cref="BenchApi.Password"/>), written straight to the database like the sandbox seeder
    /// does (one SaveChanges: the admin API would reload the whole tenant after every single user), all members of
    /// the skill group Sales (agent3 is added too, so every toggle of agent1..3 changes Sales) and of super's
    /// "Team A"; then the tenant is reloaded into the call center once, and an access token is minted for each
    /// (what a login returns, without 1,000 password checks). Returns (userId, token) in creation order.
    /// </summary>
    private static async Task<List<(Guid Id, string Token)>> CreateUsersAsync(IServiceProvider services, int count)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CtiDbContext>();
        db.ScopeToSystem();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Domain == "demo");
        db.ScopeToTenant(tenant.Id);
        var sales = await db.SkillGroups.AsNoTracking().SingleAsync(g => g.Name == "Sales");
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Name == "Team A");
        var agent3 = await db.Users.AsNoTracking().SingleAsync(u => u.Username == "agent3");
        if (!await db.SkillGroupMemberships.AnyAsync(m => m.SkillGroupId == sales.Id && m.UserId == agent3.Id))
            db.SkillGroupMemberships.Add(new SkillGroupMembership { TenantId = tenant.Id, SkillGroupId = sales.Id, UserId = agent3.Id, Priority = 1 });
        var existing = await db.Users.CountAsync(u => u.Username.StartsWith("fan"));
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var hash = sp.GetRequiredService<PasswordHasher>().Hash(BenchApi.Password);
        var users = new List<User>(count);
        for (var i = existing + 1; i <= existing + count; i++)
        {
            var u = new User
            {
                TenantId = tenant.Id, Username = $"fan{i:D5}", DisplayName = $"Fan-out Agent {i}", Roles = UserRoles.Agent,
                PasswordHash = hash, PasswordChangedAt = now, CreatedAt = now,
            };
            u.AgentProfile = new AgentProfile { UserId = u.Id, TenantId = tenant.Id, Extension = $"3{i:D5}", ExtensionKind = ExtensionKind.Web };
            users.Add(u);
            db.SkillGroupMemberships.Add(new SkillGroupMembership { TenantId = tenant.Id, SkillGroupId = sales.Id, UserId = u.Id, Priority = 1 });
            db.TeamMembers.Add(new TeamMember { TenantId = tenant.Id, TeamId = team.Id, UserId = u.Id });
        }
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        await sp.GetRequiredService<TenantReloader>().ReloadAsync(tenant.Id);

        var issuer = sp.GetRequiredService<IAccessTokenIssuer>();
        return users.Select(u => (u.Id, issuer.Issue(new SessionPrincipal(tenant.Id, tenant.Domain, u.Id, u.Username, u.DisplayName, u.Roles, false)).Token)).ToList();
    }

    private sealed class BenchApiFactory(string dir) : WebApplicationFactory<api::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            var settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "bench.db")}",
                ["Sandbox:Enabled"] = "true",
                ["Auth:PasswordIterations"] = "1000",
                ["Auth:Jwt:SigningKey"] = "bench-signing-key-that-is-long-enough-0123456789",
                ["Admin:BootstrapKey"] = BootstrapKey,
                ["RateLimiting:Login:PermitLimit"] = "100000",
                ["RateLimiting:Login:PerIpPermitLimit"] = "100000",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (k, v) in settings) builder.UseSetting(k, v);
        }
    }
}

/// <summary>Latencies in milliseconds at 10 µs resolution up to 5 s (above: clamped, max kept); thread-safe.</summary>
public sealed class Histogram
{
    private const double Resolution = 0.01;
    private readonly long[] _buckets = new long[500_001];
    private long _count;
    private long _negative;
    private double _max;

    public long Count => Interlocked.Read(ref _count);
    /// <summary>Samples below zero (clock or attribution error): counted in bucket 0, reported apart.</summary>
    public long Negative => Interlocked.Read(ref _negative);
    public double Max => Volatile.Read(ref _max);

    public void Add(double ms)
    {
        if (ms < 0) { Interlocked.Increment(ref _negative); ms = 0; }
        var i = (int)Math.Min(ms / Resolution, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[i]);
        Interlocked.Increment(ref _count);
        double seen;
        while (ms > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, ms, seen) != seen) { }
    }

    public void Reset()
    {
        Array.Clear(_buckets);
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _negative, 0);
        Interlocked.Exchange(ref _max, 0);
    }

    public double Percentile(double p)
    {
        var total = Count;
        if (total == 0) return double.NaN;
        var rank = (long)Math.Ceiling(total * p / 100.0);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= rank) return (i + 1) * Resolution;
        }
        return Max;
    }

    public string Summary() => FormattableString.Invariant(
        $"n={Count} p50={Percentile(50):F2} ms p90={Percentile(90):F2} ms p99={Percentile(99):F2} ms max={Max:F2} ms")
        + (Negative > 0 ? $" (negative: {Negative})" : "");
}

/// <summary>The child process running <see cref="ApiServerHarness"/>, and CPU accounting from /proc.</summary>
public sealed class ApiServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    public Uri BaseUri { get; }
    public int Pid => _process.Id;

    private ApiServerProcess(Process process, Uri baseUri) { _process = process; BaseUri = baseUri; }

    public static async Task<ApiServerProcess> StartAsync()
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(ApiServerProcess).Assembly.Location);
        foreach (var a in new[] { "load", "api-server" }) info.ArgumentList.Add(a);
        // The Api's own runtimeconfig (Web SDK) runs Server GC; this child runs from the bench's: ask for it
        // (CTI_BENCH_SERVER_GC=0 compares Workstation GC).
        info.Environment["DOTNET_gcServer"] = Environment.GetEnvironmentVariable("CTI_BENCH_SERVER_GC") ?? "1";
        var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("api-server exited before READY");
            if (line.StartsWith("READY ", StringComparison.Ordinal))
                return new ApiServerProcess(process, new Uri(line["READY ".Length..].Trim().Replace("[::1]", "127.0.0.1")));
        }
    }

    public async Task<string> CommandAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("api-server exited");
            if (line.StartsWith("OK", StringComparison.Ordinal) || line.StartsWith("STATS", StringComparison.Ordinal)) return line;
        }
    }

    /// <summary>Sends a command and returns the lines starting with <paramref name="prefix"/> it printed before <c>OK</c> (throws on <c>ERROR</c>).</summary>
    public async Task<List<string>> CommandLinesAsync(string command, string prefix, CancellationToken ct = default)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync(ct);
        var lines = new List<string>();
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(ct) ?? throw new InvalidOperationException("api-server exited");
            if (line.StartsWith(prefix, StringComparison.Ordinal)) lines.Add(line[prefix.Length..]);
            else if (line.StartsWith("OK", StringComparison.Ordinal)) return lines;
            else if (line.StartsWith("ERROR", StringComparison.Ordinal)) throw new InvalidOperationException($"api-server {command}: {line}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _process.StandardInput.WriteLineAsync("quit"); await _process.StandardInput.FlushAsync(); } catch (IOException) { }
        if (!_process.WaitForExit(15_000)) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    /// <summary>user+system CPU seconds of a process (Linux /proc, 100 Hz ticks).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(f[11]) + long.Parse(f[12])) / 100.0; // fields 14 and 15 (utime, stime)
    }

    /// <summary>Machine-wide (busy, total) jiffies from /proc/stat.</summary>
    public static (long Busy, long Total) MachineTicks()
    {
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = f[3] + f[4];
        var total = f.Take(8).Sum();
        return (total - idle, total);
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}

/// <summary>CPU used by the server, the clients (this process) and the whole machine over a window.</summary>
public sealed class CpuWindow
{
    private readonly int _serverPid;
    private readonly double _server0, _client0;
    private readonly (long Busy, long Total) _machine0;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public CpuWindow(int serverPid)
    {
        _serverPid = serverPid;
        _server0 = ApiServerProcess.CpuSeconds(serverPid);
        _client0 = ApiServerProcess.CpuSeconds(Environment.ProcessId);
        _machine0 = ApiServerProcess.MachineTicks();
    }

    public string Summary()
    {
        var s = _clock.Elapsed.TotalSeconds;
        var server = (ApiServerProcess.CpuSeconds(_serverPid) - _server0) / s;
        var client = (ApiServerProcess.CpuSeconds(Environment.ProcessId) - _client0) / s;
        var m = ApiServerProcess.MachineTicks();
        var busy = (double)(m.Busy - _machine0.Busy) / (m.Total - _machine0.Total) * Environment.ProcessorCount;
        return FormattableString.Invariant(
            $"CPU (cores of {Environment.ProcessorCount}): server {server:F2}, clients {client:F2}, whole machine {busy:F2} (others {Math.Max(0, busy - server - client):F2})");
    }
}
