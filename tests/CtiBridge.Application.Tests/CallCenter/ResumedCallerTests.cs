using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// A caller a previous CtiBridge process left waiting (the adapter finds them after a restart and reports them with the
/// call id and enqueue time kept on the leg) goes back to its place in the queue, as the same call, without being
/// answered or bridged again.
/// </summary>
public sealed class ResumedCallerTests
{
    private static (ManualTimeProvider Clock, SimulatedPbx Sim, SimulatorProxy Pbx, CallCenterService Service, TenantCallCenter Center) Start()
    {
        var s = SimulatorProxy.Start();
        s.Center.Login(Harness.Ann, ready: false); // nobody Ready: callers wait
        return (s.Clock, s.Sim, s.Pbx, s.Service, s.Center);
    }

    private static IncomingLeg Resumed(string legId, Guid callId, DateTimeOffset enqueuedAt, string tenant = "acme", Guid? group = null) =>
        new(legId, tenant, "queue", (group ?? Harness.Sales).ToString(), "5557777", "Earlier Caller",
            new Dictionary<string, string> { ["account"] = "A-1" }, Resumed: new ResumedLeg(callId, enqueuedAt));

    [Fact]
    public void A_caller_taken_back_keeps_its_call_id_and_its_place_before_later_callers_and_is_not_answered_again()
    {
        var (clock, sim, pbx, service, center) = Start();
        sim.PlaceCall("acme", "Sales", "5551111"); // queued now
        var callId = Guid.NewGuid();
        var since = clock.GetUtcNow() - TimeSpan.FromMinutes(3);

        service.OnIncomingLeg(Resumed("leg-earlier", callId, since));

        var waiting = center.WaitingCalls(Harness.Sales);
        Assert.Equal(["5557777", "5551111"], waiting.Select(w => w.CustomerNumber));
        Assert.Equal(callId, waiting[0].CallId);
        Assert.Equal(since, waiting[0].EnqueuedAt);
        Assert.Equal(180, waiting[0].WaitSeconds, precision: 0);
        Assert.Contains(waiting[0].AttachedData, d => d.Key == "account" && d.Value == "A-1");
        Assert.DoesNotContain(pbx.Calls, c => c.Method is nameof(IPbx.AcceptCallAsync) or nameof(IPbx.StartCallMusicAsync) && c.Args[0] is Guid id && id == callId);
    }

    [Fact]
    public void A_caller_taken_back_is_offered_first_when_an_agent_becomes_ready()
    {
        var (clock, sim, pbx, service, center) = Start();
        sim.PlaceCall("acme", "Sales", "5551111");
        var callId = Guid.NewGuid();
        service.OnIncomingLeg(Resumed("leg-earlier", callId, clock.GetUtcNow() - TimeSpan.FromMinutes(1)));

        center.SetReady(Harness.Ann);

        var dial = Assert.Single(pbx.Calls, c => c.Method == nameof(IPbx.DialAsync));
        Assert.Equal(callId, dial.Args[0]);
    }

    [Fact]
    public void A_caller_taken_back_whose_tenant_or_group_is_unknown_is_left_alone_not_hung_up()
    {
        var (clock, _, pbx, service, center) = Start();

        service.OnIncomingLeg(Resumed("leg-x", Guid.NewGuid(), clock.GetUtcNow(), tenant: "no-such-tenant"));
        service.OnIncomingLeg(Resumed("leg-y", Guid.NewGuid(), clock.GetUtcNow(), group: Guid.NewGuid()));

        Assert.Empty(center.ListCalls());
        Assert.DoesNotContain(pbx.Calls, c => c.Method is nameof(IPbx.HangupAsync) or nameof(IPbx.RedirectAsync) or nameof(IPbx.AcceptCallAsync));
    }
}
