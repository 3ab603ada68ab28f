using System.Diagnostics;
using System.Text.Json;

namespace CtiBridge.Benchmarks.Api;

/// <summary>
/// REST call-control throughput over real Kestrel: the Api in a child process (sandbox, demo tenant);
/// agent1, agent2 and agent3 each answer one sandbox call; then per agent one worker toggles
/// hold ↔ resume and one toggles mute ↔ unmute on that agent's connected call (6 concurrent HTTP
/// clients, each request waiting for the previous one: closed loop), for <c>seconds</c>. Every request
/// is a full call-control command: JWT auth, validation, the engine's state change, the PBX command on
/// the Simulator, the event dispatched. Reports requests/s and p50/p99 latency.
/// <c>dotnet run -c Release --project bench/CtiBridge.Benchmarks -- load rest [seconds=20] [workersPerAgent=2]</c>
/// </summary>
public sealed class RestHarness : ILoadHarness
{
    public string Name => "rest";

    public async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0]) : 20;
        var perAgent = args.Length > 1 ? Math.Clamp(int.Parse(args[1]), 1, 2) : 2;
        Console.WriteLine($"rest: {seconds} s, {3 * perAgent} workers; load average {ApiServerProcess.LoadAverage()}");
        var total = Stopwatch.StartNew();
        await using var server = await ApiServerProcess.StartAsync();

        // One connected call per agent: log in one agent at a time and call its group.
        var calls = new List<(HttpClient Client, Guid CallId)>();
        foreach (var (login, group) in new[] { ("agent1", "Sales"), ("agent3", "Support"), ("agent2", "Sales") })
        {
            var (token, _) = await BenchApi.LoginAsync(server.BaseUri, login);
            var client = BenchApi.Client(server.BaseUri, token);
            await BenchApi.SendAsync(client, HttpMethod.Post, "/api/v1/agent/login", new { ready = true });
            await BenchApi.SendAsync(client, HttpMethod.Post, "/api/v1/sandbox/calls", new { skillGroup = group, callerNumber = "+4930555" + calls.Count });
            Guid callId = default;
            for (var i = 0; i < 200 && callId == default; i++)
            {
                var mine = await BenchApi.SendAsync(client, HttpMethod.Get, "/api/v1/agent/calls");
                if (mine.GetArrayLength() > 0) callId = mine[0].GetProperty("callId").GetGuid();
                else await Task.Delay(20);
            }
            if (callId == default) throw new InvalidOperationException($"{login}: no call offered");
            await BenchApi.SendAsync(client, HttpMethod.Post, $"/api/v1/calls/{callId}/answer");
            calls.Add((client, callId));
        }

        var latencies = new List<double>[3 * perAgent];
        var errors = 0;
        async Task WorkerAsync(int w, (HttpClient Client, Guid CallId) call, string on, string off, TimeSpan duration, bool record)
        {
            var list = latencies[w] ??= new List<double>();
            var clock = Stopwatch.StartNew();
            var toggle = true;
            while (clock.Elapsed < duration)
            {
                var t0 = Stopwatch.GetTimestamp();
                try { await BenchApi.SendAsync(call.Client, HttpMethod.Post, $"/api/v1/calls/{call.CallId}/{(toggle ? on : off)}"); }
                catch (InvalidOperationException e) { if (Interlocked.Increment(ref errors) <= 3) Console.WriteLine(e.Message); }
                if (record) list.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                toggle = !toggle;
            }
        }
        Task Run(TimeSpan d, bool record) => Task.WhenAll(Enumerable.Range(0, 3 * perAgent).Select(w =>
            WorkerAsync(w, calls[w % 3], w < 3 ? "hold" : "mute", w < 3 ? "resume" : "unmute", d, record)));

        await Run(TimeSpan.FromSeconds(3), record: false); // warm-up
        foreach (var l in latencies) l.Clear();
        errors = 0;
        var cpu = new CpuWindow(server.Pid);
        var window = Stopwatch.StartNew();
        await Run(TimeSpan.FromSeconds(seconds), record: true);
        var elapsed = window.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine();
        Console.WriteLine($"== rest: {all.Count} call-control requests in {elapsed:F1} s = {all.Count / elapsed:F0} req/s ({3 * perAgent} closed-loop workers), errors {errors} ==");
        Console.WriteLine($"latency p50 {BenchApi.Percentile(all, 50):F2} ms p90 {BenchApi.Percentile(all, 90):F2} ms p99 {BenchApi.Percentile(all, 99):F2} ms max {all[^1]:F2} ms");
        Console.WriteLine(cpu.Summary());
        Console.WriteLine($"server: {await server.CommandAsync("stats")}");
        Console.WriteLine($"load average {ApiServerProcess.LoadAverage()}; total {total.Elapsed.TotalSeconds:F1} s");
        foreach (var (c, _) in calls) c.Dispose();
    }
}
