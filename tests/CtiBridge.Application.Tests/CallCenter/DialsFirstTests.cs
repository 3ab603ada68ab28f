using System.Collections.Concurrent;
using System.Reflection;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// Found on a real Asterisk (docs/benchmarks.md): an originate that competes with the customer's answer and bridge
/// requests rings the agent's phone later. The dials of one decision go to the PBX first and the call's other commands
/// of that decision wait until the PBX has taken them — for a bounded time only.
/// </summary>
public sealed class DialsFirstTests
{
    /// <summary>The simulator, except that each dial is held until the test lets it through; records the order of commands.</summary>
    public class HeldDials : DispatchProxy
    {
        public IPbx Inner { get; set; } = null!;
        public ConcurrentQueue<string> Calls { get; } = new();
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            Calls.Enqueue(method!.Name);
            if (method.Name == nameof(IPbx.DialAsync))
                return Release.Task.ContinueWith(_ => (Task)method.Invoke(Inner, args)!, TaskScheduler.Default).Unwrap();
            try { return method.Invoke(Inner, args); }
            catch (TargetInvocationException ex) { throw ex.InnerException!; }
        }
    }

    private static (ManualTimeProvider Clock, SimulatedPbx Sim, HeldDials Pbx) Start()
    {
        var clock = new ManualTimeProvider();
        var sim = new SimulatedPbx(clock, new SimulatorOptions());
        var pbx = DispatchProxy.Create<IPbx, HeldDials>();
        var held = (HeldDials)(object)pbx;
        held.Inner = sim;
        var sink = new RecordingSink();
        var service = new CallCenterService(pbx, sink, sink, clock, NullLogger<CallCenterService>.Instance);
        service.Configure(Harness.DefaultConfig()).Login(Harness.Ann, ready: true);
        return (clock, sim, held);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task A_queue_call_offered_at_once_dials_the_agent_before_answering_and_bridging_the_customer()
    {
        var (_, sim, pbx) = Start();

        sim.PlaceCall("acme", "Sales", "5551234");
        await Until(() => pbx.Calls.Contains(nameof(IPbx.DialAsync)), "the agent's dial");
        await Task.Delay(100);
        Assert.DoesNotContain(nameof(IPbx.AcceptCallAsync), pbx.Calls); // held behind the dial the PBX has not taken yet

        pbx.Release.SetResult();
        await Until(() => pbx.Calls.Contains(nameof(IPbx.AcceptCallAsync)), "the customer's answer after the dial");
        var order = pbx.Calls.ToList();
        Assert.True(order.IndexOf(nameof(IPbx.DialAsync)) < order.IndexOf(nameof(IPbx.AcceptCallAsync)), string.Join(", ", order));
    }

    [Fact]
    public async Task A_dial_the_PBX_does_not_take_holds_the_customers_answer_for_a_quarter_second_only()
    {
        var (clock, sim, pbx) = Start();

        sim.PlaceCall("acme", "Sales", "5551234");
        await Until(() => pbx.Calls.Contains(nameof(IPbx.DialAsync)), "the agent's dial");
        clock.Advance(TimeSpan.FromMilliseconds(249));
        await Task.Delay(100);
        Assert.DoesNotContain(nameof(IPbx.AcceptCallAsync), pbx.Calls);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Until(() => pbx.Calls.Contains(nameof(IPbx.AcceptCallAsync)), "the customer's answer once the wait is over");
        pbx.Release.SetResult();
    }
}
