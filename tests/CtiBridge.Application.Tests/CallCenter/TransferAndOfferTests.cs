using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// What the agents on either side of a transfer see and become (wrap-up after a transfer, who transferred and her notes),
/// declined offers told apart from missed ones, and auto-answer as an agent setting.
/// </summary>
public class TransferAndOfferTests
{
    /// <summary>Ann talking to a Sales customer, Bob Not Ready, Cat Ready.</summary>
    private static (Harness H, Guid CallId, string Customer) AnnOnAQueueCall(AcwMode acw = AcwMode.AfterAnswered)
    {
        var h = new Harness(_ => DefaultConfig(acw));
        h.Center.Login(Ann, ready: true);
        var customer = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Center.Login(Bob, ready: false, reason: "Break");
        h.Center.Login(Cat, ready: true);
        return (h, h.OnlyCallOf(Ann), customer);
    }

    [Fact]
    public void The_agent_who_blind_transfers_a_queue_call_she_answered_goes_to_wrap_up()
    {
        var (h, callId, _) = AnnOnAQueueCall();

        h.Center.BlindTransfer(Ann, callId, new(AgentId: Cat));

        var ann = h.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.WrapUp, ann.Status);
        Assert.NotNull(ann.WrapUpEndsAt);
        Assert.Contains(h.Sink.StateChanges, c => c.AgentId == Ann && c.To == AgentStatus.WrapUp && c.Trigger == AgentTrigger.CallEnded);
    }

    [Fact]
    public void The_agent_who_completes_a_consultation_of_a_queue_call_goes_to_wrap_up_and_the_consulted_agent_keeps_the_call()
    {
        var (h, callId, customer) = AnnOnAQueueCall();
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        h.Pbx.Answer(h.RingingFor("103").Id);

        h.Center.CompleteConsult(Ann, callId);

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Cat));
        h.Pbx.HangupFromDevice(customer);
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Cat));
    }

    [Fact]
    public void A_consulted_agent_keeps_her_own_notes_and_the_first_agents_stay_as_they_were()
    {
        var (h, callId, customer) = AnnOnAQueueCall();
        h.Center.SetNote(Ann, callId, new CallNote(null, "sale", "3 items", DateTimeOffset.UnixEpoch));
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        h.Pbx.Answer(h.RingingFor("103").Id);

        h.Center.SetNote(Cat, callId, new CallNote(null, "callback", "Monday", DateTimeOffset.UnixEpoch.AddSeconds(1)));
        var merged = CallNote.Merge(h.Center.NoteOf(Ann, callId).Note, null, "3 items, card", DateTimeOffset.UnixEpoch.AddSeconds(2));
        h.Center.SetNote(Ann, callId, merged);

        Assert.Equal(("sale", "3 items, card"), (h.Center.NoteOf(Ann, callId).Note!.Disposition, h.Center.NoteOf(Ann, callId).Note!.Remarks));
        Assert.Equal(("callback", "Monday"), (h.Center.NoteOf(Cat, callId).Note!.Disposition, h.Center.NoteOf(Cat, callId).Note!.Remarks));
        h.Center.CompleteConsult(Ann, callId);
        h.Pbx.HangupFromDevice(customer);
        var notes = h.Sink.CallRecords.Single().Call.Notes;
        Assert.Equal(("sale", "callback"), (notes[Ann].Disposition, notes[Cat].Disposition));
        Assert.False(h.Center.NoteOf(Ann, callId).Live);
    }

    [Fact]
    public void With_wrap_up_disabled_the_transferring_agent_is_free_at_once()
    {
        var (h, callId, _) = AnnOnAQueueCall(AcwMode.Disabled);

        h.Center.BlindTransfer(Ann, callId, new(SkillGroupId: Support));

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
    }

    [Fact]
    public void A_consulted_agent_who_hangs_up_gets_no_wrap_up_and_the_first_agent_keeps_the_customer()
    {
        var (h, callId, _) = AnnOnAQueueCall();
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        h.Pbx.Answer(h.RingingFor("103").Id);

        h.Center.Hangup(Cat, callId);

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
    }

    [Fact]
    public void A_transferred_outbound_call_gives_no_wrap_up()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Center.Login(Cat, ready: true);
        var callId = h.Center.Dial(Ann, "0301234567");
        h.Pbx.Answer(h.Pbx.Legs.Single(l => l.Endpoint.Contains("0301234567")).Id);

        h.Center.BlindTransfer(Ann, callId, new(AgentId: Cat));

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
    }

    [Fact]
    public void The_agent_offered_a_transferred_call_sees_who_transferred_it_and_her_notes_and_keeps_seeing_them_after_answering()
    {
        var (h, callId, _) = AnnOnAQueueCall();
        h.Center.SetNote(Ann, callId, new CallNote(null, "refund", "Wants the March invoice refunded", DateTimeOffset.UnixEpoch));

        h.Center.BlindTransfer(Ann, callId, new(AgentId: Cat));

        var offered = h.Sink.Of<CallOfferedEvent>().Last(e => e.AgentId == Cat).Call;
        Assert.Equal(Ann, offered.TransferredBy);
        Assert.Equal("Ann", offered.TransferredByName);
        Assert.Equal("Wants the March invoice refunded", offered.Remarks);
        Assert.Equal("refund", offered.Disposition);
        Assert.Equal((Ann, "refund"), (offered.Notes!.Single().AgentId, offered.Notes!.Single().Disposition));
        h.Pbx.Answer(h.RingingFor("103").Id);
        var connected = h.Center.GetCall(Cat, callId);
        Assert.Equal(CallState.Connected, connected.State);
        Assert.Equal("Ann", connected.TransferredByName);
    }

    [Fact]
    public void A_consultation_completed_names_the_first_agent_to_the_one_who_keeps_the_call()
    {
        var (h, callId, _) = AnnOnAQueueCall();
        var before = h.Center.GetCall(Ann, callId);
        Assert.Null(before.TransferredBy);
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        h.Pbx.Answer(h.RingingFor("103").Id);

        h.Center.CompleteConsult(Ann, callId);

        Assert.Equal("Ann", h.Center.GetCall(Cat, callId).TransferredByName);
    }

    [Fact]
    public void A_consulted_agent_declines_she_is_back_as_she_was_and_the_first_agent_is_back_with_the_customer()
    {
        var (h, callId, customer) = AnnOnAQueueCall();
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Cat));
        Assert.True(h.Pbx.Leg(customer)!.Held);

        h.Center.Decline(Cat, callId);

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));                 // not Not Ready: it was no queue offer
        Assert.Null(h.Pbx.RingingAt(Endpoint("103")));
        Assert.False(h.Pbx.Leg(customer)!.Held);
        var call = h.Center.GetCall(Ann, callId);
        Assert.Null(call.ConsultLegOwner);
        Assert.DoesNotContain(call.Parties, p => p.AgentId == Cat);
        Assert.Equal(ErrorCodes.CallNotRinging, Assert.Throws<CtiException>(() => h.Center.Decline(Cat, callId)).Code);
    }

    [Fact]
    public void The_first_agent_cannot_decline_her_own_call()
    {
        var (h, callId, _) = AnnOnAQueueCall();
        Assert.Equal(ErrorCodes.CallNotRinging, Assert.Throws<CtiException>(() => h.Center.Decline(Ann, callId)).Code);
    }

    [Fact]
    public void A_declined_queue_call_leaves_the_agent_Not_Ready_Declined_and_a_ring_out_Not_Ready_Missed()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales");
        h.Center.Decline(Ann, h.OnlyCallOf(Ann));
        Assert.Equal((AgentStatus.NotReady, SystemReasons.Declined), (h.StatusOf(Ann), h.Center.GetAgent(Ann).Reason));

        h.Center.SetReady(Ann);
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));   // the same caller is offered again
        h.Clock.Advance(16);                                  // and rings out this time
        Assert.Equal((AgentStatus.NotReady, SystemReasons.Missed), (h.StatusOf(Ann), h.Center.GetAgent(Ann).Reason));
    }

    [Fact]
    public void Auto_answer_switched_on_shows_in_the_view_and_the_next_offer_answers_itself()
    {
        var h = new Harness(c => c with { Settings = c.Settings with { AgentsMayChooseAutoAnswer = true } });
        h.Center.Login(Ann, ready: true);
        Assert.False(h.Center.GetAgent(Ann).AutoAnswer);
        Assert.True(h.Center.GetAgent(Ann).AutoAnswerChangeable);

        var view = h.Center.SetAutoAnswer(Ann, true);

        Assert.True(view.AutoAnswer);
        Assert.True(h.Sink.Of<AgentStateChangedEvent>().Last().Agent.AutoAnswer);   // the toolbar hears of it
        h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));                          // the phone answered by itself
        Assert.Equal(CallState.Connected, h.Center.GetCall(Ann, h.OnlyCallOf(Ann)).State);
    }

    [Fact]
    public void Without_auto_answer_the_offer_keeps_ringing()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        Assert.False(h.Center.GetAgent(Ann).AutoAnswerChangeable);

        h.CustomerCalls("Sales");

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));
    }

    [Fact]
    public void Auto_answer_set_by_an_admin_reaches_the_logged_in_agent_at_once()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);

        h.Reconfigure(c => c with
        {
            Agents = c.Agents.Select(a => a.Id == Ann ? a with { Settings = a.Settings with { AutoAnswer = true } } : a).ToList(),
        });

        Assert.True(h.Center.GetAgent(Ann).AutoAnswer);
        Assert.True(h.Sink.Of<AgentStateChangedEvent>().Last().Agent.AutoAnswer);
        h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
    }
}
