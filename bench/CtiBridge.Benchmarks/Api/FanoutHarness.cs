using System.Diagnostics;

namespace CtiBridge.Benchmarks.Api;

/// <summary>
/// Event fan-out latency, domain event raised → SignalR client receives, over real Kestrel + WebSockets.
/// The Api runs in a child process (<see cref="ApiServerHarness"/>: sandbox, temp SQLite, demo tenant);
/// this process holds <c>clients</c> WebSocket connections to <c>/hubs/agent</c>, split evenly over
/// agent1, agent2, agent3 and super (super leads the three agents, so their events reach super's
/// connections too), and raises events by toggling agent1..3 Ready ↔ Not Ready (Break) through
/// <c>PUT /api/v1/agent/state</c> at <c>raisesPerSecond</c>. Each state change is one agentStateChanged
/// to the agent's and super's connections (half of all clients) plus, at most every 250 ms per skill
/// group, skillGroupStatsChanged to the group's members and super.
/// Latency: agentStateChanged receive time − <c>data.agent.stateSince</c> (the engine's clock at the state
/// change, just before the event is published) = raise → receive; for every event also receive − envelope
/// <c>at</c> (dispatcher dequeue → receive). Server-side: the <c>Dispatched</c> hook (publish → last group
/// send returned). Both processes read the same clock. CPU of server, clients and machine from /proc.
/// <c>dotnet run -c Release --project bench/CtiBridge.Benchmarks -- load fanout [clients=1000] [raisesPerSecond=10] [seconds=20] [active=clients] [--users] [--supervisors=N] [--raw] [--warmup=S]</c>
/// (clients: SignalR's .NET client, <see cref="SignalRClient"/>; <c>--raw</c>: the minimal WebSocket client <see cref="HubSocket"/>.)
/// (active &lt; clients: the other connections are a second tenant's admin: connected, receiving nothing.)
/// (5,000 clients need <c>ulimit -n</c> ≥ 12000: both ends of each socket live on this machine.)
/// <para>
/// <c>--users</c>: the shape of a real contact center, one connection per user (active users × 1 connection).
/// Before connecting, the server child creates active − 4 more agents in the demo tenant (<c>users</c> command
/// of <see cref="ApiServerHarness"/>: straight into the database, one tenant reload, access tokens minted and
/// handed back over stdout), all members of skill group Sales (with agent1..3) and of super's team; each is
/// CTI-logged in Not Ready through <c>POST /api/v1/agent/login</c>. The connections are agent1, agent2, agent3,
/// super and the new agents, one each. Raising is unchanged, so each toggle is one agentStateChanged to two
/// connections (the agent and super: narrow) and, at most every 250 ms per group, skillGroupStatsChanged of
/// Sales to all active users (broadcast: one message to the group's SignalR group, serialized once).
/// </para>
/// </summary>
public sealed class FanoutHarness : ILoadHarness
{
    public string Name => "fanout";

    public async Task RunAsync(string[] args)
    {
        var perUser = args.Contains("--users");
        // --supervisors=N (with --users): N more supervisors of super's team, each with one more connection; their
        // agentStateChanged latency is reported apart (the supervisor desk's event → supervisor figure).
        var supervisorCount = args.Where(a => a.StartsWith("--supervisors=", StringComparison.Ordinal)).Select(a => int.Parse(a["--supervisors=".Length..])).FirstOrDefault();
        var raw = args.Contains("--raw");
        // --warmup=S: seconds of raising before the measured window (default 15). Both processes JIT and tier up their hot
        // paths during it: with a 3 s warm-up the server still spent a third of its CPU in the JIT inside the window.
        var warmup = args.Where(a => a.StartsWith("--warmup=", StringComparison.Ordinal)).Select(a => double.Parse(a["--warmup=".Length..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(15).First();
        args = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var clients = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var rate = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var seconds = args.Length > 2 ? int.Parse(args[2]) : 20;
        // active < clients: only `active` connections belong to the demo tenant's users; the rest are the
        // admin of a second tenant, connected (pinged) but receiving nothing (fan-out per event = active / 2).
        var active = args.Length > 3 ? Math.Min(int.Parse(args[3]), clients) : clients;
        if (perUser && active < 4) throw new ArgumentException("--users needs at least 4 receiving clients (agent1..3 and super).");
        var shape = perUser ? $"{active} users × 1 connection" : $"4 users × {active / 4}";
        Console.WriteLine($"fanout: {clients} clients ({active} receiving: {shape}; {(raw ? "raw WebSocket clients" : "SignalR .NET clients")}), {rate} raises/s, {seconds} s measured; load average {ApiServerProcess.LoadAverage()}");

        // Users mode also creates and CTI-logs in the users (a few seconds for 1,000 on an idle machine, minutes for 5,000
        // on a busy one): allow a minute more, and a tenth of a second per user.
        using var runTimeout = new CancellationTokenSource(TimeSpan.FromSeconds((perUser ? 170 + active / 10.0 : 110) + warmup));
        var total = Stopwatch.StartNew();
        await using var server = await ApiServerProcess.StartAsync();
        Console.WriteLine($"server pid {server.Pid} at {server.BaseUri} ({total.Elapsed.TotalSeconds:F1} s)");

        string[] logins = ["agent1", "agent2", "agent3", "super"];
        var sessions = new List<(string Token, Guid UserId)>();
        foreach (var l in logins) sessions.Add(await BenchApi.LoginAsync(server.BaseUri, l));
        var agentClients = sessions.Take(3).Select(s => BenchApi.Client(server.BaseUri, s.Token)).ToArray();
        foreach (var c in agentClients) await BenchApi.SendAsync(c, HttpMethod.Post, "/api/v1/agent/login", new { ready = true });
        // One token per receiving connection: users mode, agent1..3, super, then one new agent each; else the 4 users round robin.
        var tokens = sessions.Select(s => s.Token).ToList();
        if (perUser)
        {
            var setup = Stopwatch.StartNew();
            var created = await server.CommandLinesAsync($"users {active - 4}", "USER ", runTimeout.Token);
            var createdIn = setup.Elapsed.TotalSeconds;
            var extra = created.Select(l => l[(l.IndexOf(' ') + 1)..]).ToList();
            using var http = BenchApi.Client(server.BaseUri);
            using var loginGate = new SemaphoreSlim(16);
            await Task.WhenAll(extra.Select(async token =>
            {
                await loginGate.WaitAsync(runTimeout.Token);
                try { await BenchApi.SendAsync(http, HttpMethod.Post, "/api/v1/agent/login", new { ready = false }, token); }
                finally { loginGate.Release(); }
            }));
            tokens.AddRange(extra);
            Console.WriteLine($"{extra.Count} agents created with tokens in {createdIn:F1} s, CTI-logged in (Not Ready) in {setup.Elapsed.TotalSeconds - createdIn:F1} s");
        }
        var supervisorTokens = new List<string>();
        if (supervisorCount > 0)
        {
            var created = await server.CommandLinesAsync($"supervisors {supervisorCount}", "USER ", runTimeout.Token);
            supervisorTokens.AddRange(created.Select(l => l[(l.LastIndexOf(' ') + 1)..]));
            Console.WriteLine($"{supervisorTokens.Count} supervisors of the team created");
        }
        string? idleToken = null;
        if (active < clients)
        {
            using var bootstrap = BenchApi.Client(server.BaseUri);
            bootstrap.DefaultRequestHeaders.Add("X-Bootstrap-Key", ApiServerHarness.BootstrapKey);
            await BenchApi.SendAsync(bootstrap, HttpMethod.Post, "/api/v1/admin/tenants",
                new { domain = "idle", name = "Idle", adminUsername = "boss", adminPassword = "Lantern-Fjord-2026" });
            idleToken = (await BenchApi.LoginAsync(server.BaseUri, "boss", "idle", "Lantern-Fjord-2026")).Token;
        }

        // Connect: 32 at a time.
        var hubUri = new Uri(new Uri(server.BaseUri.ToString().Replace("http://", "ws://")), "/hubs/agent");
        var recorder = new FanoutRecorder();
        var sockets = new IFanoutClient[clients];
        var loops = new Task[clients];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(runTimeout.Token);
        var connectClock = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
            {
                await gate.WaitAsync(runTimeout.Token);
                try
                {
                    var token = i < active ? tokens[perUser ? i : i % sessions.Count] : idleToken!;
                    sockets[i] = raw ? await HubSocket.ConnectAsync(hubUri, token, runTimeout.Token) : await SignalRClient.ConnectAsync(hubUri, token, runTimeout.Token);
                    loops[i] = Task.Run(() => sockets[i].ReceiveLoopAsync(recorder, stop.Token));
                }
                finally { gate.Release(); }
            }));
        }
        // The supervisors: their own recorder, so the event → supervisor latency is measured apart.
        var supervisorRecorder = new FanoutRecorder();
        var supervisorSockets = new IFanoutClient[supervisorTokens.Count];
        var supervisorLoops = new Task[supervisorTokens.Count];
        for (var i = 0; i < supervisorTokens.Count; i++)
        {
            supervisorSockets[i] = raw ? await HubSocket.ConnectAsync(hubUri, supervisorTokens[i], runTimeout.Token)
                : await SignalRClient.ConnectAsync(hubUri, supervisorTokens[i], runTimeout.Token);
            var s = supervisorSockets[i];
            supervisorLoops[i] = Task.Run(() => s.ReceiveLoopAsync(supervisorRecorder, stop.Token));
        }
        sockets = sockets.Concat(supervisorSockets).ToArray();
        loops = loops.Concat(supervisorLoops).ToArray();
        Console.WriteLine($"{clients + supervisorTokens.Count} connected in {connectClock.Elapsed.TotalSeconds:F1} s");

        // SignalR's server drops a client silent for 30 s: ping every 10 s.
        var pinger = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                    foreach (var s in sockets) { try { await s.PingAsync(stop.Token); } catch (Exception) when (!stop.IsCancellationRequested) { } }
            }
            catch (OperationCanceledException) { }
        });

        // Raise: agent1..3 each toggle Ready ↔ NotReady on their own absolute schedule (a third of the rate each), three
        // loops at once: one agent's request waits for its previous one (its toggles stay in order), not for the others'.
        // A single loop over the three could not keep 100/s once REST latency passed 10 ms.
        var ready = new bool[3] { true, true, true };
        var rest = new System.Collections.Concurrent.ConcurrentBag<double>();
        var raised = 0;
        async Task RaiseAsync(double forSeconds, bool record)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 3).Select(async a =>
            {
                var n = 0;
                while (clock.Elapsed.TotalSeconds < forSeconds && !runTimeout.IsCancellationRequested)
                {
                    var due = TimeSpan.FromSeconds((n * 3 + a) / rate);
                    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
                    if (clock.Elapsed.TotalSeconds >= forSeconds) break;
                    var body = ready[a] ? (object)new { state = "NotReady", reason = "Break" } : new { state = "Ready" };
                    var t0 = Stopwatch.GetTimestamp();
                    await BenchApi.SendAsync(agentClients[a], HttpMethod.Put, "/api/v1/agent/state", body);
                    if (record) { rest.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds); Interlocked.Increment(ref raised); }
                    ready[a] = !ready[a];
                    n++;
                }
            }));
        }

        await RaiseAsync(warmup, record: false); // warm-up: JIT, tiering, buffers
        await Task.Delay(500);
        await server.CommandAsync("reset");
        recorder.Recording = true;
        supervisorRecorder.Recording = true;
        var cpu = new CpuWindow(server.Pid);
        var (clientJitMethods0, clientJitTime0) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var window = Stopwatch.StartNew();
        await RaiseAsync(seconds, record: true);
        await Task.Delay(1000); // let the last deliveries land
        recorder.Recording = false;
        supervisorRecorder.Recording = false;
        var elapsed = window.Elapsed.TotalSeconds;
        var cpuSummary = cpu.Summary();
        var serverStats = await server.CommandAsync("stats");

        var restSorted = rest.ToList();
        restSorted.Sort();
        var delivered = recorder.DispatchToReceive.Count;
        Console.WriteLine();
        Console.WriteLine($"== fanout {clients} clients ({active} receiving: {shape}), {raised} raises in {seconds} s = {raised / (double)seconds:F1}/s ==");
        Console.WriteLine($"raise → receive (agentStateChanged, stateSince → client): {recorder.RaiseToReceive.Summary()}");
        Console.WriteLine($"dispatch → receive (all events, envelope at → client):    {recorder.DispatchToReceive.Summary()}");
        Console.WriteLine($"  of which agentStateChanged:                              {recorder.AgentDispatchToReceive.Summary()}");
        Console.WriteLine($"  of which skillGroupStatsChanged:                         {recorder.StatsDispatchToReceive.Summary()}");
        Console.WriteLine($"delivered: {delivered} messages = {delivered / elapsed:F0}/s (agentStateChanged {recorder.ByKind[0]}, skillGroupStatsChanged {recorder.ByKind[1]}, other {recorder.ByKind[2]}); expected agentStateChanged {(perUser ? raised * 2 : raised * (active / 4) * 2)}"
            + (perUser ? FormattableString.Invariant($"; skillGroupStatsChanged per receiving connection {recorder.ByKind[1] / (double)active:F1}") : ""));
        Console.WriteLine($"server dispatch (publish → last group send returned): {serverStats}");
        if (perUser && active > 4)
        {
            // The created agents are members of Sales only: each must have every Sales statistics message.
            var salesStats = long.Parse(serverStats.Split(' ').First(f => f.StartsWith("salesStats=", StringComparison.Ordinal))["salesStats=".Length..]);
            var perMember = sockets.Skip(4).Take(active - 4).Select(s => s.StatsReceived).ToList();
            Console.WriteLine($"Sales statistics: {salesStats} dispatched = {salesStats / elapsed:F1}/s; each of {perMember.Count} Sales-only members received min {perMember.Min()} max {perMember.Max()}"
                // More than dispatched: a message dispatched just before the measured window and received inside it.
                + (perMember.All(n => n >= salesStats) ? " (none missing)" : " (MISSING)"));
        }
        if (supervisorTokens.Count > 0)
            Console.WriteLine($"event → supervisor ({supervisorTokens.Count} supervisors, agentStateChanged stateSince → client): {supervisorRecorder.RaiseToReceive.Summary()}; "
                + $"received {supervisorRecorder.ByKind[0]}, expected {raised * supervisorTokens.Count}");
        Console.WriteLine($"REST PUT /agent/state while fanning out: p50 {BenchApi.Percentile(restSorted, 50):F2} ms p99 {BenchApi.Percentile(restSorted, 99):F2} ms");
        Console.WriteLine(cpuSummary);
        Console.WriteLine(FormattableString.Invariant($"clients' JIT in the window: {System.Runtime.JitInfo.GetCompiledMethodCount() - clientJitMethods0} methods, {(System.Runtime.JitInfo.GetCompilationTime() - clientJitTime0).TotalMilliseconds:F0} ms; warm-up {warmup:F0} s"));
        Console.WriteLine($"connections closed during run: {Interlocked.Read(ref recorder.Closed)}; load average {ApiServerProcess.LoadAverage()}");

        stop.Cancel();
        await pinger;
        await Task.WhenAll(sockets.Select(s => s.CloseAsync()));
        await Task.WhenAny(Task.WhenAll(loops), Task.Delay(5000));
        foreach (var c in agentClients) c.Dispose();
        Console.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
    }
}
