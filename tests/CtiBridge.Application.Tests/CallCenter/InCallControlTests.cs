using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

public class InCallControlTests
{
    /// <summary>Ann (and Bob, Cat Ready when asked) with Ann talking to a Sales customer.</summary>
    private static (Harness H, Guid CallId, string Customer) AnnOnACall(bool othersReady = true, Func<TenantConfiguration, TenantConfiguration>? customize = null)
    {
        var h = new Harness(customize);
        h.Center.Login(Ann, ready: true);
        var customer = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        if (othersReady)
        {
            h.Center.Login(Bob, ready: true);
            h.Center.Login(Cat, ready: true);
        }
        else
        {
            h.Center.Login(Bob, ready: false, reason: "Break");
        }
        return (h, h.OnlyCallOf(Ann), customer);
    }

    private static CtiException Refused(Action action) => Assert.Throws<CtiException>(action);

    private static async Task<CtiException> RefusedAsync(Func<Task> action) => await Assert.ThrowsAsync<CtiException>(action);

    [Fact]
    public async Task Answer_through_the_api_connects_the_call_on_the_simulator()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales");
        var callId = h.OnlyCallOf(Ann);

        // Another agent's ringing call is not found for Bob: the refusal does not confirm that it exists.
        var stranger = await RefusedAsync(() => h.Center.AnswerAsync(Bob, callId));
        Assert.Equal(ErrorCodes.CallNotFound, stranger.Code);
        Assert.Equal(ErrorKind.NotFound, stranger.Kind);
        Assert.Equal(ErrorCodes.CallNotFound, Refused(() => h.Center.Decline(Bob, callId)).Code);
        await h.Center.AnswerAsync(Ann, callId);

        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
    }

    [Fact]
    public async Task Hold_plays_music_to_the_customer_and_resume_brings_them_back_with_hold_time_recorded()
    {
        var (h, callId, customer) = AnnOnACall();

        await h.Center.HoldAsync(Ann, callId);
        Assert.True(h.Pbx.Leg(customer)!.Held);
        Assert.Equal("default", h.Pbx.Leg(customer)!.HeldMusicClass);
        Assert.True(h.Center.GetCall(Ann, callId).Held);
        Assert.Equal(ErrorCodes.AlreadyHeld, (await RefusedAsync(() => h.Center.HoldAsync(Ann, callId))).Code);

        h.Clock.Advance(20);
        await h.Center.ResumeAsync(Ann, callId);
        Assert.False(h.Pbx.Leg(customer)!.Held);
        Assert.Equal(ErrorCodes.NotHeld, (await RefusedAsync(() => h.Center.ResumeAsync(Ann, callId))).Code);

        h.Clock.Advance(10);
        h.Pbx.HangupFromDevice(customer);
        var record = h.Sink.CallRecords.Single().Call;
        Assert.Equal(TimeSpan.FromSeconds(20), record.HoldTotal);
        Assert.Equal(TimeSpan.FromSeconds(10), record.TalkTime);
    }

    [Fact]
    public async Task Controls_of_a_call_you_are_not_a_party_of_are_refused()
    {
        var (h, callId, _) = AnnOnACall();
        Assert.Equal(ErrorCodes.CallNotFound, (await RefusedAsync(() => h.Center.HoldAsync(Bob, callId))).Code);
        Assert.Equal(ErrorCodes.CallNotFound, Refused(() => h.Center.Hangup(Bob, callId)).Code);
        Assert.Equal(ErrorCodes.CallNotFound, Refused(() => h.Center.BlindTransfer(Bob, callId, new(AgentId: Cat))).Code);
        Assert.Equal(ErrorCodes.CallNotFound, (await RefusedAsync(() => h.Center.HoldAsync(Ann, Guid.NewGuid()))).Code);
    }

    [Fact]
    public async Task Mute_and_dtmf_reach_the_right_legs()
    {
        var (h, callId, customer) = AnnOnACall();
        var annLeg = h.Center.GetCall(Ann, callId).Parties.Single(p => p.AgentId == Ann).LegId;

        await h.Center.MuteAsync(Ann, callId, true);
        Assert.True(h.Pbx.Leg(annLeg)!.Muted);
        await h.Center.MuteAsync(Ann, callId, false);
        Assert.False(h.Pbx.Leg(annLeg)!.Muted);

        await h.Center.SendDtmfAsync(Ann, callId, "123#");
        Assert.Equal(["123#"], h.Pbx.Leg(customer)!.DtmfSent);
        Assert.Equal(ErrorCodes.ValidationFailed, (await RefusedAsync(() => h.Center.SendDtmfAsync(Ann, callId, "12x"))).Code);
    }

    [Fact]
    public void Blind_transfer_to_a_not_ready_agent_is_refused_and_the_call_stays()
    {
        var (h, callId, _) = AnnOnACall(othersReady: false);

        var refusal = Refused(() => h.Center.BlindTransfer(Ann, callId, new(AgentId: Bob)));

        Assert.Equal(ErrorCodes.TargetNotReady, refusal.Code);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
        Assert.Equal(CallState.Connected, h.Center.GetCall(Ann, callId).State);
        Assert.Equal(ErrorCodes.TargetOffline, Refused(() => h.Center.BlindTransfer(Ann, callId, new(AgentId: Cat))).Code);
    }

    [Fact]
    public void Blind_transfer_to_a_ready_agent_puts_the_agent_in_wrap_up_and_the_receiver_gets_wrap_up_too()
    {
        var (h, callId, customer) = AnnOnACall();

        h.Center.BlindTransfer(Ann, callId, new(AgentId: Cat));

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));   // her part of an inbound queue call ended (docs/agent-states.md)
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Cat));
        h.Pbx.Answer(h.RingingFor("103").Id);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Cat));
        Assert.Equal(2, h.Pbx.Bridges.Single().Members.Count);
        h.Pbx.HangupFromDevice(customer);
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Cat));
        Assert.Contains(h.Sink.Of<ParticipantsChangedEvent>(), e => e.Party.AgentId == Ann && !e.Joined);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Blind_transfer_to_a_skill_group_queues_the_customer_there()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        var callId = h.OnlyCallOf(Ann);
        h.Center.Login(Cat, ready: false, reason: "Break");

        h.Center.BlindTransfer(Ann, callId, new(SkillGroupId: Support));

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        Assert.Equal("Support", h.Center.WaitingCalls(Support).Single() is { } w ? "Support" : "");
        Assert.Equal("default", h.Pbx.Bridges.Single().MusicClass);
        h.Center.SetReady(Cat);
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Cat));
    }

    [Fact]
    public void Blind_transfer_to_a_number_dials_it_and_the_customer_joins_when_it_answers()
    {
        var (h, callId, customer) = AnnOnACall();

        h.Center.BlindTransfer(Ann, callId, new(Number: "0800123"));

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        var outside = h.Pbx.Legs.Single(l => l.Endpoint.Contains("0800123"));
        h.Pbx.Answer(outside.Id);
        Assert.Equal(new HashSet<string> { customer, outside.Id }, h.Pbx.Bridges.Single().Members);
        h.Pbx.HangupFromDevice(outside.Id);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Unanswered_blind_transfer_to_an_agent_goes_back_to_the_queue_never_lost()
    {
        var (h, callId, _) = AnnOnACall();
        h.Center.SetNotReady(Bob, "Break");
        h.Center.BlindTransfer(Ann, callId, new(AgentId: Cat));
        h.Center.SetNotReady(Ann, "Break");

        h.Clock.Advance(15);   // Cat does not answer

        Assert.Single(h.Center.WaitingCalls(Sales));
        Assert.Empty(h.Sink.CallRecords);
    }

    [Fact]
    public void Consult_then_complete_hands_the_customer_to_the_target()
    {
        var (h, callId, customer) = AnnOnACall();

        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        Assert.True(h.Pbx.Leg(customer)!.Held);
        Assert.Equal(ErrorCodes.CallNotConnected, Refused(() => h.Center.CompleteConsult(Ann, callId)).Code);
        h.Pbx.Answer(h.RingingFor("103").Id);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Cat));

        h.Center.CompleteConsult(Ann, callId);

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));   // her part of the queue call ended: wrap-up by her ACW mode
        Assert.False(h.Pbx.Leg(customer)!.Held);
        Assert.Equal(Cat, h.Center.GetCall(Cat, callId).OwnerAgentId);
        h.Pbx.HangupFromDevice(customer);
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Cat));  // an inbound queue call: the receiver wraps up
        h.AssertNothingLeft();
    }

    [Fact]
    public async Task A_consulted_agent_whose_answered_leg_cannot_join_the_call_is_hung_up_not_left_off_hook()
    {
        var (h, callId, customer) = AnnOnACall();
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        var cat = h.RingingFor("103").Id;
        h.Pbx.FailNextJoin(cat);

        h.Pbx.Answer(cat);

        // The engine gives the leg up and hangs it up (in the background): Cat's phone is not left up in no call.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (h.Pbx.Leg(cat) is not null && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Null(h.Pbx.Leg(cat));
        Assert.DoesNotContain(h.Center.GetCall(Ann, callId).Parties, p => p.AgentId == Cat && p.State != PartyState.Left);
        Assert.NotNull(h.Pbx.Leg(customer));
    }

    [Fact]
    public void Consult_then_conference_then_drop_a_party()
    {
        var (h, callId, customer) = AnnOnACall();
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        h.Pbx.Answer(h.RingingFor("103").Id);

        h.Center.ConferenceConsult(Ann, callId);

        Assert.False(h.Pbx.Leg(customer)!.Held);
        var call = h.Center.GetCall(Ann, callId);
        Assert.Equal(3, call.Parties.Count);
        Assert.All(call.Parties, p => Assert.Equal(PartyState.Connected, p.State));
        Assert.Equal(3, h.Pbx.Bridges.Single().Members.Count);
        var catLeg = call.Parties.Single(p => p.AgentId == Cat).LegId;
        Assert.Equal(ErrorCodes.Forbidden, Refused(() => h.Center.DropParty(Cat, callId, customer)).Code);

        h.Center.DropParty(Ann, callId, catLeg);

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));
        Assert.Equal(2, h.Center.GetCall(Ann, callId).Parties.Count);
        Assert.Contains(h.Sink.Of<ParticipantsChangedEvent>(), e => e.Party.AgentId == Cat && !e.Joined && e.Agents.Contains(Ann));
    }

    [Fact]
    public void Customer_hanging_up_while_a_consulted_agent_rings_frees_that_agent_too()
    {
        var (h, callId, customer) = AnnOnACall();
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Cat));

        h.Pbx.HangupFromDevice(customer);

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        h.AssertNothingLeft();
    }

    [Fact]
    public void Consult_cancelled_returns_the_agent_to_the_customer()
    {
        var (h, callId, customer) = AnnOnACall();
        h.Center.StartConsult(Ann, callId, new(Number: "0800123"));
        Assert.Equal(ErrorCodes.ConsultInProgress, Refused(() => h.Center.StartConsult(Ann, callId, new(AgentId: Cat))).Code);

        h.Center.CancelConsult(Ann, callId);

        Assert.False(h.Pbx.Leg(customer)!.Held);
        Assert.DoesNotContain(h.Pbx.Legs, l => l.Endpoint.Contains("0800123"));
        Assert.Equal(2, h.Center.GetCall(Ann, callId).Parties.Count);
        Assert.Equal(ErrorCodes.NoConsultInProgress, Refused(() => h.Center.CancelConsult(Ann, callId)).Code);
    }

    [Fact]
    public void Consult_target_that_does_not_answer_gives_the_customer_back_to_the_agent()
    {
        var (h, callId, customer) = AnnOnACall();
        h.Center.StartConsult(Ann, callId, new(Number: "0800123"));

        h.Clock.Advance(30);   // the PBX gives up ringing the number

        Assert.False(h.Pbx.Leg(customer)!.Held);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
        Assert.Null(h.Center.GetCall(Ann, callId).ConsultLegOwner);
    }

    [Fact]
    public void Agent_hanging_up_during_a_consult_with_an_answered_target_transfers_the_customer()
    {
        var (h, callId, customer) = AnnOnACall();
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        h.Pbx.Answer(h.RingingFor("103").Id);

        h.Center.Hangup(Ann, callId);

        Assert.False(h.Pbx.Leg(customer)!.Held);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Cat));
        Assert.Equal(2, h.Pbx.Bridges.Single().Members.Count);
    }

    [Fact]
    public void Agent_hanging_up_during_a_consult_that_still_rings_re_queues_the_customer()
    {
        var (h, callId, customer) = AnnOnACall();
        h.Center.SetNotReady(Bob, "Break");
        h.Center.StartConsult(Ann, callId, new(AgentId: Cat));
        h.Center.SetNotReady(Cat, "Break");   // pending while ringing

        h.Center.Hangup(Ann, callId);

        Assert.NotNull(h.Pbx.Leg(customer));
        Assert.False(h.Pbx.Leg(customer)!.Held);
        Assert.Empty(h.Sink.CallRecords);
        Assert.Null(h.Pbx.RingingAt(Endpoint("103")));
        Assert.Single(h.Center.WaitingCalls(Sales));
    }

    [Fact]
    public void Conference_last_agent_leaving_requeues_the_customer_when_the_tenant_says_so()
    {
        var (h, callId, customer) = AnnOnACall(customize: c => c with { Settings = c.Settings with { LastAgentLeaves = LastAgentLeavesRule.Requeue } });
        h.Center.AddToConference(Ann, callId, new(Number: "0800123"));
        var guest = h.Pbx.Legs.Single(l => l.Endpoint.Contains("0800123"));
        h.Pbx.Answer(guest.Id);
        h.Center.SetNotReady(Bob, "Break");
        h.Center.SetNotReady(Cat, "Break");

        h.Center.Hangup(Ann, callId);

        Assert.Single(h.Center.WaitingCalls(Sales));
        Assert.Null(h.Pbx.Leg(guest.Id));
        Assert.NotNull(h.Pbx.Leg(customer));
    }

    [Fact]
    public void Conference_last_agent_leaving_ends_the_call_by_default()
    {
        var (h, callId, _) = AnnOnACall();
        h.Center.AddToConference(Ann, callId, new(Number: "0800123"));
        h.Pbx.Answer(h.Pbx.Legs.Single(l => l.Endpoint.Contains("0800123")).Id);

        h.Center.Hangup(Ann, callId);

        h.AssertNothingLeft();
    }

    [Fact]
    public void Conference_is_limited_to_the_tenant_maximum()
    {
        var (h, callId, _) = AnnOnACall(customize: c => c with { Settings = c.Settings with { MaxConferenceParties = 3 } });
        h.Center.AddToConference(Ann, callId, new(Number: "0800001"));
        Assert.Equal(ErrorCodes.ConferenceFull, Refused(() => h.Center.AddToConference(Ann, callId, new(Number: "0800002"))).Code);
    }

    [Fact]
    public async Task Recording_on_demand_starts_and_stops_and_its_audio_can_be_read()
    {
        var (h, callId, _) = AnnOnACall();
        await h.Center.StartRecordingAsync(Ann, callId);
        var name = h.Sink.Recordings.Single().Name;
        Assert.True(h.Pbx.IsRecording(name));
        Assert.True(h.Center.GetCall(Ann, callId).Recording);

        await h.Center.StopRecordingAsync(Ann, callId);

        await using var audio = await h.Pbx.OpenRecordingAsync(name);
        Assert.NotNull(audio);
        Assert.True(audio!.Length > 44);
        Assert.Equal(ErrorCodes.NotRecording, (await RefusedAsync(() => h.Center.StopRecordingAsync(Ann, callId))).Code);
    }

    [Fact]
    public async Task A_recording_the_PBX_ends_on_its_own_shows_the_call_no_longer_recorded_and_a_new_one_can_start()
    {
        var (h, callId, _) = AnnOnACall();
        await h.Center.StartRecordingAsync(Ann, callId);
        var name = h.Sink.Recordings.Single().Name;

        h.Pbx.EndRecording(name, failure: "no audio");

        Assert.False(h.Center.GetCall(Ann, callId).Recording);
        Assert.Equal(name, h.Sink.RecordingStops.Single().Name);
        Assert.Contains(h.Sink.Of<CallStateChangedEvent>(), e => e.Change == "recording_ended_by_pbx" && !e.Call.Recording);
        Assert.Equal(ErrorCodes.NotRecording, (await RefusedAsync(() => h.Center.StopRecordingAsync(Ann, callId))).Code);
        // The agent starts it again: a second recording of the call.
        await h.Center.StartRecordingAsync(Ann, callId);
        Assert.True(h.Center.GetCall(Ann, callId).Recording);
        Assert.Equal(2, h.Sink.Recordings.Count);
        // An end reported late for the first recording changes nothing now.
        h.Service.OnRecordingEnded(callId, name, null);
        Assert.True(h.Center.GetCall(Ann, callId).Recording);
        Assert.Single(h.Sink.RecordingStops);
    }

    [Fact]
    public async Task A_recording_stopped_by_the_agent_is_not_reported_again_by_the_PBX()
    {
        var (h, callId, _) = AnnOnACall();
        await h.Center.StartRecordingAsync(Ann, callId);
        var name = h.Sink.Recordings.Single().Name;
        await h.Center.StopRecordingAsync(Ann, callId);

        h.Pbx.EndRecording(name); // already stopped: the simulator, like the adapter, reports nothing

        Assert.Single(h.Sink.RecordingStops);
    }

    [Fact]
    public void Tenant_that_records_always_records_every_answered_call()
    {
        var (h, _, _) = AnnOnACall(customize: c => c with { Settings = c.Settings with { RecordingPolicy = RecordingPolicy.Always } });
        var rec = h.Sink.Recordings.Single();
        Assert.Equal(Ann, rec.AgentId);
        Assert.Equal(RecordingType.Inbound, rec.Type);
    }

    [Fact]
    public void Click_to_dial_rings_the_agent_first_then_the_customer_and_no_wrap_up_follows()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: false, reason: "Break");

        var callId = h.Center.Dial(Ann, "5550100");

        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
        var customer = h.Pbx.Legs.Single(l => l.Endpoint.Contains("5550100"));   // agent leg auto-answered, customer dialled
        h.Clock.Advance(5);
        h.Pbx.Answer(customer.Id);
        Assert.Equal(CallState.Connected, h.Center.GetCall(Ann, callId).State);
        h.Clock.Advance(60);
        h.Pbx.HangupFromDevice(customer.Id);

        var ann = h.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.NotReady, ann.Status);
        Assert.Equal("Break", ann.Reason);
        var record = h.Sink.CallRecords.Single().Call;
        Assert.Equal(CallDirection.Outbound, record.Direction);
        Assert.Equal(TimeSpan.FromSeconds(5), record.RingTime);
        Assert.Equal(TimeSpan.FromSeconds(60), record.TalkTime);
        h.AssertNothingLeft();
    }

    [Theory]
    [InlineData(CallEndReason.Busy)]
    [InlineData(CallEndReason.Rejected)]
    [InlineData(CallEndReason.Unreachable)]
    public void Unanswered_outbound_call_is_recorded_with_its_cause_and_ringing_time(CallEndReason cause)
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Center.Dial(Ann, "5550100");
        var customer = h.Pbx.Legs.Single(l => l.Endpoint.Contains("5550100"));
        h.Clock.Advance(7);

        h.Pbx.HangupFromDevice(customer.Id, cause);

        var record = h.Sink.CallRecords.Single().Call;
        Assert.Equal(cause, record.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(7), record.RingTime);
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
        h.AssertNothingLeft();
    }

    [Fact]
    public void Outbound_no_answer_and_agent_cancel_are_recorded()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var first = h.Center.Dial(Ann, "5550100");
        h.Clock.Advance(45);
        Assert.Equal(CallEndReason.NoAnswer, h.Sink.CallRecords.Single().Call.EndReason);

        var second = h.Center.Dial(Ann, "5550100");
        h.Center.Hangup(Ann, second);
        Assert.Equal(2, h.Sink.CallRecords.Count);
        Assert.Equal(CallEndReason.AgentCancelled, h.Sink.CallRecords[1].Call.EndReason);
        h.AssertNothingLeft();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Inbound_only_agents_cannot_dial_out()
    {
        var h = new Harness(c => c with { Agents = c.Agents.Select(a => a with { Settings = a.Settings with { WorkingMode = WorkingMode.Inbound } }).ToList() });
        h.Center.Login(Ann, ready: true);
        Assert.Equal(ErrorCodes.WorkingModeForbidsCall, Refused(() => h.Center.Dial(Ann, "5550100")).Code);
        Assert.Empty(h.Pbx.Legs);
    }

    [Fact]
    public void Tenant_can_require_not_ready_before_dialling_out()
    {
        var h = new Harness(c => c with { Settings = c.Settings with { OutboundRequiresNotReady = true } });
        h.Center.Login(Ann, ready: true);
        Assert.Equal(ErrorCodes.InvalidStateTransition, Refused(() => h.Center.Dial(Ann, "5550100")).Code);
        h.Center.SetNotReady(Ann, "Break");
        h.Center.Dial(Ann, "5550100");
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
    }

    [Fact]
    public void Internal_call_to_a_logged_out_colleague_is_refused_and_to_a_ready_one_rings_them()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        Assert.Equal(ErrorCodes.TargetOffline, Refused(() => h.Center.Dial(Ann, "102")).Code);
        h.Center.Login(Bob, ready: true);

        var callId = h.Center.Dial(Ann, "102");

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        h.Pbx.Answer(h.RingingFor("102").Id);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Bob));
        h.Center.Hangup(Bob, callId);
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Bob));   // no wrap-up after an internal call
    }

    [Fact]
    public void Disposition_and_remarks_are_kept_in_the_call_record()
    {
        var (h, callId, customer) = AnnOnACall();
        h.Pbx.HangupFromDevice(customer);
        Assert.False(h.Center.SetNote(Ann, callId, Note("sale", "wants brochure")));   // the call ended: persistence takes it

        var (h2, call2, customer2) = AnnOnACall();
        Assert.True(h2.Center.SetNote(Ann, call2, Note("sale", "wants brochure")));
        Assert.Equal(ErrorCodes.CallNotFound, Refused(() => h2.Center.SetNote(Bob, call2, Note("x", null))).Code);
        h2.Pbx.HangupFromDevice(customer2);
        var kept = h2.Sink.CallRecords.Single().Call.Notes[Ann];
        Assert.Equal(("sale", "wants brochure"), (kept.Disposition, kept.Remarks));
        static CallNote Note(string disposition, string? remarks) => new(null, disposition, remarks, DateTimeOffset.UnixEpoch);
    }
}

public class SelfServiceTests
{
    [Fact]
    public void Customer_goes_through_self_service_and_comes_back_to_the_same_agent_with_the_digits_attached()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var customer = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        var callId = h.OnlyCallOf(Ann);

        h.Center.StartSelfService(Ann, callId, "pin");

        Assert.DoesNotContain(customer, h.Pbx.Bridges.Single().Members);      // the agent does not hear the customer type
        Assert.Equal(["sound:conf-getpin"], h.Pbx.Leg(customer)!.Played);
        Assert.Equal("pin", h.Center.GetCall(Ann, callId).SelfService);
        Assert.Equal(ErrorCodes.SelfServiceInProgress, Assert.Throws<CtiException>(() => h.Center.StartSelfService(Ann, callId, "pin")).Code);

        h.Pbx.SendDtmfFromDevice(customer, "4711#");

        var call = h.Center.GetCall(Ann, callId);
        Assert.Null(call.SelfService);
        Assert.Contains(new AttachedDataItem("pin", "4711"), call.AttachedData.ToList());
        Assert.Contains(customer, h.Pbx.Bridges.Single().Members);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
    }

    [Fact]
    public void Self_service_that_gets_no_digits_returns_the_customer_after_its_timeout()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var customer = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        var callId = h.OnlyCallOf(Ann);
        h.Center.StartSelfService(Ann, callId, "pin");

        h.Clock.Advance(30);

        Assert.Contains(customer, h.Pbx.Bridges.Single().Members);
        Assert.Contains(new AttachedDataItem("pin", ""), h.Center.GetCall(Ann, callId).AttachedData);
    }

    [Fact]
    public void Unknown_self_service_flow_is_refused()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        var refusal = Assert.Throws<CtiException>(() => h.Center.StartSelfService(Ann, h.OnlyCallOf(Ann), "survey"));
        Assert.Equal(ErrorCodes.SelfServiceFlowNotFound, refusal.Code);
    }
}

public class OutboundFromPhoneTests
{
    [Fact]
    public void Agent_dialling_from_the_softphone_is_handed_to_the_app_which_dials_the_customer_and_records_the_call()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: false, reason: "Break");

        var agentLeg = h.Pbx.PlaceCall("acme", "5550100", "101", purpose: "outbound", fromEndpoint: Endpoint("101"));

        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
        var customer = h.Pbx.Legs.Single(l => l.Endpoint.Contains("5550100"));
        h.Pbx.Answer(customer.Id);
        Assert.Equal(new HashSet<string> { agentLeg, customer.Id }, h.Pbx.Bridges.Single().Members);
        h.Pbx.HangupFromDevice(agentLeg);

        var record = h.Sink.CallRecords.Single().Call;
        Assert.Equal(CallDirection.Outbound, record.Direction);
        Assert.Equal(CallEndReason.AgentHungUp, record.EndReason);
        Assert.Equal("Break", h.Center.GetAgent(Ann).Reason);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Inbound_only_agent_dialling_from_the_phone_is_refused_and_the_leg_hung_up()
    {
        var h = new Harness(c => c with { Agents = c.Agents.Select(a => a with { Settings = a.Settings with { WorkingMode = WorkingMode.Inbound } }).ToList() });
        h.Center.Login(Ann, ready: true);

        h.Pbx.PlaceCall("acme", "5550100", "101", purpose: "outbound", fromEndpoint: Endpoint("101"));

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
        Assert.Equal(CallEndReason.Rejected, h.Sink.CallRecords.Single().Call.EndReason);
        h.AssertNothingLeft();
    }
}
