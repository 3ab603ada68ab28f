using CtiBridge.Application.Pbx;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// Found on a real Asterisk (docs/benchmarks.md): an originate that competes with the customer's answer and bridge
/// requests rings the agent's phone later. The dials of one decision go to the PBX first and the call's other commands
/// of that decision wait until the PBX has taken them — for a bounded time only.
/// </summary>
public sealed class DialsFirstTests
{
    /// <summary>The simulator, except that each dial is held until the test lets it through.</summary>
    private static (ManualTimeProvider Clock, SimulatedPbx Sim, SimulatorProxy Pbx, TaskCompletionSource Release) Start()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SimulatorProxy? proxy = null;
        var started = SimulatorProxy.Start((method, args) => method.Name == nameof(IPbx.DialAsync)
            ? release.Task.ContinueWith(_ => (Task)method.Invoke(proxy!.Inner, args)!, TaskScheduler.Default).Unwrap()
            : null);
        proxy = started.Pbx;
        started.Center.Login(Harness.Ann, ready: true);
        return (started.Clock, started.Sim, started.Pbx, release);
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
        var (_, sim, pbx, release) = Start();

        sim.PlaceCall("acme", "Sales", "5551234");
        await Until(() => pbx.Methods.Contains(nameof(IPbx.DialAsync)), "the agent's dial");
        await Task.Delay(100);
        Assert.DoesNotContain(nameof(IPbx.AcceptCallAsync), pbx.Methods); // held behind the dial the PBX has not taken yet

        release.SetResult();
        await Until(() => pbx.Methods.Contains(nameof(IPbx.AcceptCallAsync)), "the customer's answer after the dial");
        var order = pbx.Methods.ToList();
        Assert.True(order.IndexOf(nameof(IPbx.DialAsync)) < order.IndexOf(nameof(IPbx.AcceptCallAsync)), string.Join(", ", order));
    }

    [Fact]
    public async Task A_dial_the_PBX_does_not_take_holds_the_customers_answer_for_a_quarter_second_only()
    {
        var (clock, sim, pbx, release) = Start();

        sim.PlaceCall("acme", "Sales", "5551234");
        await Until(() => pbx.Methods.Contains(nameof(IPbx.DialAsync)), "the agent's dial");
        clock.Advance(TimeSpan.FromMilliseconds(249));
        await Task.Delay(100);
        Assert.DoesNotContain(nameof(IPbx.AcceptCallAsync), pbx.Methods);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Until(() => pbx.Methods.Contains(nameof(IPbx.AcceptCallAsync)), "the customer's answer once the wait is over");
        release.SetResult();
    }
}
