using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// The PBX itself restarts (on Asterisk: the adapter finds its start time changed when it connects again) and every leg
/// it had is reported ended with <see cref="CallEndReason.PbxRestarted"/>: every call ends as the PBX's doing, whatever
/// state it was in, and nobody stays on a call, ringing or waiting, or is blamed for it.
/// </summary>
public class PbxRestartTests
{
    [Fact]
    public async Task Every_call_ends_as_the_pbxs_doing_and_nobody_is_left_on_a_call_ringing_or_waiting()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Center.Login(Bob, ready: true);
        // Ann talks to a first customer and holds him; Bob's phone rings with a second; a third waits (Cat is logged out).
        h.CustomerCalls("Sales", from: "5550001");
        var first = h.Pbx.RingingAt(Endpoint("101")) ?? h.RingingFor("102");
        var annAnswers = first.Endpoint == Endpoint("101");
        h.Pbx.Answer(first.Id);
        var talker = annAnswers ? Ann : Bob;
        var ringer = annAnswers ? Bob : Ann;
        var held = h.Center.CallsOf(talker).Single();
        await h.Center.HoldAsync(talker, held.CallId);
        h.CustomerCalls("Sales", from: "5550002");
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(ringer));
        h.CustomerCalls("Sales", from: "5550003");
        Assert.Single(h.Center.WaitingCalls(Sales));
        var records = h.Sink.CallRecords.Count;

        var ended = h.Pbx.Restart();

        Assert.True(ended >= 4, $"{ended} legs ended"); // three customers and the talker's phone (and the ringing phone)
        Assert.Empty(h.Center.ListCalls());
        Assert.Empty(h.Center.WaitingCalls(Sales));
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(talker));     // her answered queue call ended: wrap-up as after any
        Assert.Equal(AgentStatus.Ready, h.StatusOf(ringer));      // the offer withdrawn, not missed: no Not Ready for RONA
        var recorded = h.Sink.CallRecords.Skip(records).Select(r => r.Call).ToList();
        Assert.Equal(3, recorded.Count);
        Assert.All(recorded, c => Assert.Equal(CallEndReason.PbxRestarted, c.EndReason));
        Assert.All(recorded, c => Assert.Equal(CallEndReason.PbxRestarted, c.Customer!.EndReason));
        Assert.Equal(3, h.Sink.Of<CallEndedEvent>().Count(e => e.Reason == CallEndReason.PbxRestarted));
        Assert.DoesNotContain(h.Sink.StateChanges, c => c.AgentId == ringer && c.To == AgentStatus.NotReady);

        // The PBX is back: the next caller is offered as usual.
        h.CustomerCalls("Sales", from: "5550004");
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(ringer));
    }

    [Fact]
    public void A_consultation_in_progress_ends_with_the_call_and_both_agents_are_free()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Center.Login(Cat, ready: true); // Cat is not in Sales: free to be consulted
        var call = h.Center.CallsOf(Ann).Single();
        h.Center.StartConsult(Ann, call.CallId, new TransferTarget(AgentId: Cat));
        h.Pbx.Answer(h.RingingFor("103").Id);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Cat));

        h.Pbx.Restart();

        Assert.Empty(h.Center.ListCalls());
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        Assert.NotEqual(AgentStatus.OnCall, h.StatusOf(Cat));
        Assert.NotEqual(AgentStatus.Ringing, h.StatusOf(Cat));
        Assert.Equal(CallEndReason.PbxRestarted, h.Sink.CallRecords.Single().Call.EndReason);
    }
}
