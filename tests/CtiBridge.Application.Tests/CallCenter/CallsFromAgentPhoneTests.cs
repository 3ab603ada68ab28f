using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// Calls an agent dials from her own phone or softphone (the dialplan hands a colleague's extension to the app as
/// <c>direct</c>, an outside number as <c>outbound</c>, the leg coming from her endpoint): she is On call for the whole
/// call, a party as herself, offered no queue call meanwhile, and busy in the group figures.
/// </summary>
public class CallsFromAgentPhoneTests
{
    [Fact]
    public void Agent_dialling_a_colleague_from_her_phone_is_on_call_as_herself_and_offered_no_queue_call_until_it_ends()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Center.Login(Bob, ready: true);

        var annLeg = h.Pbx.PlaceCall("acme", "102", "101", purpose: "direct", callerName: "Ann's phone", fromEndpoint: Endpoint("101"));

        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        var ringing = h.RingingFor("102");
        Assert.Equal(("101", "Ann"), (ringing.CallerIdNumber, ringing.CallerIdName));   // Bob's phone shows Ann, not his own number
        var callId = h.OnlyCallOf(Ann);
        Assert.Equal(callId, h.OnlyCallOf(Bob));
        h.Pbx.Answer(ringing.Id);

        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Bob));
        Assert.Equal(new HashSet<string> { annLeg, ringing.Id }, h.Pbx.Bridges.Single().Members);
        foreach (var viewer in new[] { Ann, Bob })
        {
            var call = h.Center.GetCall(viewer, callId);
            Assert.Equal((CallKind.Internal, CallDirection.Internal, CallState.Connected), (call.Kind, call.Direction, call.State));
            Assert.DoesNotContain(call.Parties, p => p.Role == PartyRole.Customer);
            var ann = Assert.Single(call.Parties, p => p.AgentId == Ann);
            Assert.Equal((PartyRole.Agent, "Ann", "101", PartyState.Connected), (ann.Role, ann.Name, ann.Number, ann.State));
            Assert.Equal(PartyRole.Agent, Assert.Single(call.Parties, p => p.AgentId == Bob).Role);
        }

        // A customer for Sales (Ann and Bob) waits: neither is offered it while they talk, and neither counts as free.
        var customer = h.CustomerCalls("Sales");
        Assert.Null(h.Pbx.RingingAt(Endpoint("101")));
        Assert.Null(h.Pbx.RingingAt(Endpoint("102")));
        var sales = h.Center.ListGroupStats().Single(g => g.SkillGroupId == Sales);
        Assert.Equal((1, 2, 0, 0), (sales.Waiting, sales.AgentsLoggedIn, sales.AgentsReady, sales.AgentsFree));

        h.Pbx.HangupFromDevice(annLeg);

        Assert.NotEqual(AgentStatus.WrapUp, h.StatusOf(Bob));   // no wrap-up after an internal call
        var record = h.Sink.CallRecords.Single().Call;
        Assert.Equal((CallDirection.Internal, CallEndReason.AgentHungUp), (record.Direction, record.EndReason));
        Assert.Contains(record.Parties, p => p.AgentId == Ann && p.Role == PartyRole.Agent);
        Assert.DoesNotContain(record.Parties, p => p.Role == PartyRole.Customer);
        // Free again, one of them is offered the waiting customer at once.
        Assert.Contains(AgentStatus.Ringing, new[] { h.StatusOf(Ann), h.StatusOf(Bob) });
        h.Pbx.HangupFromDevice(customer);
    }

    [Fact]
    public void Agent_dialling_a_busy_colleague_from_her_phone_hears_busy_and_stays_ready()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Center.Login(Bob, ready: true);
        h.Center.Login(Cat, ready: true);
        h.Pbx.PlaceCall("acme", "102", "103", purpose: "direct", fromEndpoint: Endpoint("103"));   // Cat calls Bob first

        h.Pbx.PlaceCall("acme", "102", "101", purpose: "direct", fromEndpoint: Endpoint("101"));

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
        Assert.Equal(CallEndReason.Busy, h.Sink.CallRecords.Single().Call.EndReason);
        Assert.Empty(h.Center.CallsOf(Ann));
    }

    [Fact]
    public void Phone_of_a_logged_out_agent_dialling_a_colleague_stays_a_direct_call_to_her()
    {
        var h = new Harness();
        h.Center.Login(Bob, ready: true);

        h.Pbx.PlaceCall("acme", "102", "101", purpose: "direct", fromEndpoint: Endpoint("101"));

        Assert.Equal(AgentStatus.LoggedOut, h.StatusOf(Ann));
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        Assert.Equal(CallKind.Direct, h.Center.CallsOf(Bob).Single().Kind);
    }
}
