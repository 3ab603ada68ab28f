using System.Diagnostics;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using CtiBridge.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Benchmarks.Routing;

/// <summary>
/// Routing decision latency on the Simulator: from a customer leg handed to the call center to
/// the agent leg's dial being issued, with 1,000 logged-in agents and a steady call rate
/// (default 100 calls/s for 30 s). Agents answer at once and talk 2 s; wrap-up 0.
/// <c>dotnet run -c Release --project bench/CtiBridge.Benchmarks -- load routing [agents] [callsPerSecond] [seconds]</c>
/// </summary>
public sealed class RoutingLatencyHarness : ILoadHarness
{
    public string Name => "routing";

    public async Task RunAsync(string[] args)
    {
        var agentCount = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var rate = args.Length > 1 ? int.Parse(args[1]) : 100;
        var seconds = args.Length > 2 ? int.Parse(args[2]) : 30;
        var time = TimeProvider.System;
        var pbx = new SimulatedPbx(time, new SimulatorOptions { HonourAutoAnswer = false });
        var sink = new NullSink();
        var service = new CallCenterService(pbx, sink, sink, time, NullLogger<CallCenterService>.Instance);
        var tenant = Guid.NewGuid();
        var agents = Enumerable.Range(0, agentCount).Select(i => new AgentDefinition(Guid.NewGuid(), $"A{i}", null,
            new AgentSettings($"{10000 + i}", ExtensionKind.Web, AcwMode.Disabled, 0))).ToList();
        var groups = Enumerable.Range(0, 10).Select(g => new SkillGroupDefinition(Guid.NewGuid(), $"G{g}",
            agents.Where((_, i) => i % 10 == g || i % 7 == 0).Select((a, i) => new SkillGroupMember(a.Id, 1 + i % 3)).ToList())).ToList();
        var center = service.Configure(new TenantConfiguration(tenant, "bench", new TenantCallSettings(), agents, groups,
            [new PauseReasonDefinition("1", "Break")], new HashSet<string>()));
        foreach (var a in agents) center.Login(a.Id, ready: true);

        var latencies = new List<double>();
        long placingStart = 0;
        var placingThread = -1;
        pbx.LegDialled += leg =>
        {
            // A free agent is dialled on the very thread that handed the customer leg over, before
            // PlaceCall returns: that span is the routing decision. Dials made later (a waiting call
            // meeting an agent who just became free) happen on timer threads and are not counted.
            var now = Stopwatch.GetTimestamp();
            if (Environment.CurrentManagedThreadId == Volatile.Read(ref placingThread))
                lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(Volatile.Read(ref placingStart), now).TotalMilliseconds);
            time.CreateTimer(_ => pbx.Answer(leg.Id), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        };
        var total = rate * seconds;
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            Volatile.Write(ref placingStart, Stopwatch.GetTimestamp());
            Volatile.Write(ref placingThread, Environment.CurrentManagedThreadId);
            var customer = pbx.PlaceCall("bench", $"G{i % 10}", $"555{i:D6}");
            Volatile.Write(ref placingThread, -1);
            time.CreateTimer(_ => pbx.HangupFromDevice(customer), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Console.WriteLine($"routing: {agentCount} agents, {rate} calls/s for {seconds} s, {latencies.Count} offers measured (of {total} calls)");
        Console.WriteLine($"  enqueue → agent dial issued: p50 {P(0.50) * 1000:F1} µs, p99 {P(0.99) * 1000:F1} µs, max {latencies.LastOrDefault() * 1000:F1} µs");
        Console.WriteLine($"  process CPU {cpu.TotalSeconds:F2} s over {clock.Elapsed.TotalSeconds:F1} s ({cpu.TotalMilliseconds / total:F3} ms per call)");
        Console.WriteLine($"  calls ended {sink.Ended}");
    }

    /// <summary>Counts ended calls; publishes nowhere (the fan-out has its own benchmark).</summary>
    private sealed class NullSink : ICallCenterEventSink, ICallCenterJournal
    {
        public int Ended;

        public void Publish(CallCenterEvent e) { }

        public void AgentStateChanged(AgentStateChange change) { }
        public void CallEnded(CallRecordReady record) => Interlocked.Increment(ref Ended);
        public void RecordingStarted(RecordingStarted recording) { }
    }
}
