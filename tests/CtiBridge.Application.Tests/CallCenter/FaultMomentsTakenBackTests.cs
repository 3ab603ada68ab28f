using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using Microsoft.Extensions.Logging.Abstractions;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// The moments a restart of CtiBridge used to leave open, taken back by the next process (docs/architecture.md, restart
/// safety): an offer still ringing, a consultation, a conference with a guest still ringing, the agent's mute, a hold
/// begun but not yet stored on the caller's leg, and a recording named on the leg that never began. The restart: a new
/// call center on the same simulator, the sessions the first one kept restored, then the simulator's report.
/// </summary>
public sealed class FaultMomentsTakenBackTests
{
    private sealed record After(TenantCallCenter Center, RecordingSink Sink);

    private static After Restart(SimulatorProxy.Started s, int seconds = 5)
    {
        s.Clock.Advance(seconds);
        var sink = new RecordingSink();
        var service = new CallCenterService((IPbx)(object)s.Pbx, sink, sink, s.Clock, NullLogger<CallCenterService>.Instance);
        var center = service.Configure(DefaultConfig());
        center.RestoreSessions(s.Sink.Sessions.Values.ToList());
        s.Sim.ReportCallsAfterRestart();
        return new After(center, sink);
    }

    private static (SimulatorProxy.Started S, Guid CallId, string Customer, string AnnLeg) AnnTalking()
    {
        var s = SimulatorProxy.Start();
        s.Center.Login(Ann, ready: true);
        var customer = s.Sim.PlaceCall("acme", "Sales", "5551234");
        var ringing = s.Sim.RingingAt(Endpoint("101"))!;
        s.Sim.Answer(ringing.Id);
        return (s, s.Center.CallsOf(Ann).Single().CallId, customer, ringing.Id);
    }

    [Fact]
    public void An_offer_ringing_when_CtiBridge_stops_goes_on_and_the_agents_answer_connects_the_call()
    {
        var s = SimulatorProxy.Start();
        s.Center.Login(Ann, ready: true);
        s.Sim.PlaceCall("acme", "Sales", "5551234");
        var ringing = s.Sim.RingingAt(Endpoint("101"))!;
        var callId = s.Center.CallsOf(Ann).Single().CallId;

        var after = Restart(s);

        var ann = after.Center.GetAgent(Ann);
        Assert.Equal((AgentStatus.Ringing, (Guid?)callId), (ann.Status, ann.CallId));
        var call = Assert.Single(after.Center.ListCalls());
        Assert.Equal((callId, CallState.Ringing), (call.CallId, call.State));
        Assert.Contains(after.Sink.Of<Events.CallOfferedEvent>(), e => e.AgentId == Ann && e.Call.CallId == callId);
        Assert.Same(ringing, s.Sim.RingingAt(Endpoint("101"))); // the same leg rings: not dialled again

        s.Sim.Answer(ringing.Id); // Ann picks up the phone that kept ringing

        Assert.Equal(AgentStatus.OnCall, after.Center.GetAgent(Ann).Status);
        var connected = after.Center.GetCall(Ann, callId);
        Assert.Equal(CallState.Connected, connected.State);
        Assert.True(s.Sim.Hears(ringing.Id, connected.Parties.Single(p => p.Role == PartyRole.Customer).LegId));
    }

    [Fact]
    public void An_offer_taken_back_that_rings_out_makes_the_agent_missed_and_requeues_the_caller()
    {
        var s = SimulatorProxy.Start();
        s.Center.Login(Ann, ready: true);
        s.Sim.PlaceCall("acme", "Sales", "5551234");
        var ringing = s.Sim.RingingAt(Endpoint("101"))!;

        var after = Restart(s);
        s.Clock.Advance(16); // the tenant's ring timeout (15 s), counted again from the take-back

        Assert.Null(s.Sim.Leg(ringing.Id)); // hung up
        Assert.Equal((AgentStatus.NotReady, SystemReasons.Missed), (after.Center.GetAgent(Ann).Status, after.Center.GetAgent(Ann).Reason));
        Assert.Equal(CallState.Waiting, Assert.Single(after.Center.ListCalls()).State);
    }

    [Fact]
    public void An_offer_ringing_for_an_agent_who_is_not_logged_in_any_more_is_hung_up_and_the_caller_queued_again()
    {
        var s = SimulatorProxy.Start();
        s.Center.Login(Ann, ready: true);
        s.Sim.PlaceCall("acme", "Sales", "5551234");
        var ringing = s.Sim.RingingAt(Endpoint("101"))!;
        s.Sink.Sessions.Clear(); // her session was not kept

        var after = Restart(s);

        Assert.Null(s.Sim.Leg(ringing.Id));
        Assert.Equal(AgentStatus.LoggedOut, after.Center.GetAgent(Ann).Status);
        Assert.Equal(CallState.Waiting, Assert.Single(after.Center.ListCalls()).State);
    }

    [Fact]
    public void A_consultation_open_when_CtiBridge_stops_is_taken_back_and_completing_it_hands_the_caller_over()
    {
        var (s, callId, customer, annLeg) = AnnTalking();
        s.Center.Login(Bob, ready: true);
        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        var bobLeg = s.Sim.RingingAt(Endpoint("102"))!.Id;
        s.Sim.Answer(bobLeg);
        Assert.Equal("1", s.Sim.Leg(customer)!.Variables[TenantCallCenter.LegVariables.Held]);

        var after = Restart(s);

        var call = after.Center.GetCall(Ann, callId);
        Assert.True(call.Held);
        Assert.Equal(PartyState.Consulting, call.Parties.Single(p => p.AgentId == Bob).State);
        Assert.Equal((AgentStatus.OnCall, AgentStatus.OnCall), (after.Center.GetAgent(Ann).Status, after.Center.GetAgent(Bob).Status));

        after.Center.CompleteConsult(Ann, callId);

        Assert.Null(s.Sim.Leg(annLeg));
        Assert.True(s.Sim.Hears(customer, bobLeg));
        Assert.False(s.Sim.Leg(customer)!.Held);
        Assert.Equal(AgentStatus.WrapUp, after.Center.GetAgent(Ann).Status);
        after.Center.Hangup(Bob, callId);
        Assert.Empty(s.Sim.Legs);
        var record = Assert.Single(after.Sink.CallRecords);
        Assert.Equal(callId, record.Call.Id);
    }

    [Fact]
    public void A_call_handed_over_by_a_completed_consultation_is_taken_back_as_the_consulted_agents()
    {
        var (s, callId, customer, _) = AnnTalking();
        s.Center.Login(Bob, ready: true);
        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        var bobLeg = s.Sim.RingingAt(Endpoint("102"))!.Id;
        s.Sim.Answer(bobLeg);
        s.Center.CompleteConsult(Ann, callId);

        var after = Restart(s);

        var call = after.Center.GetCall(Bob, callId);
        Assert.Equal((CallState.Connected, (Guid?)Bob, false), (call.State, call.OwnerAgentId, call.Held));
        Assert.Equal(AgentStatus.OnCall, after.Center.GetAgent(Bob).Status);
        after.Center.Hangup(Bob, callId);
        Assert.Null(s.Sim.Leg(customer));
        Assert.Single(after.Sink.CallRecords);
    }

    [Fact]
    public void A_consultation_still_ringing_when_CtiBridge_stops_is_taken_back_and_can_be_cancelled()
    {
        var (s, callId, customer, annLeg) = AnnTalking();
        s.Center.Login(Bob, ready: true);
        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        var bobLeg = s.Sim.RingingAt(Endpoint("102"))!.Id;

        var after = Restart(s);

        Assert.Equal(AgentStatus.Ringing, after.Center.GetAgent(Bob).Status);
        Assert.Equal(PartyState.Ringing, after.Center.GetCall(Ann, callId).Parties.Single(p => p.AgentId == Bob).State);

        after.Center.CancelConsult(Ann, callId);

        Assert.Null(s.Sim.Leg(bobLeg));
        Assert.True(s.Sim.Hears(customer, annLeg)); // back with Ann, off hold
        Assert.False(after.Center.GetCall(Ann, callId).Held);
        Assert.NotEqual(AgentStatus.Ringing, after.Center.GetAgent(Bob).Status);
    }

    [Fact]
    public void A_conference_with_a_guest_still_ringing_is_taken_back_and_the_guests_answer_joins_it()
    {
        var (s, callId, customer, annLeg) = AnnTalking();
        s.Center.Login(Bob, ready: true);
        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        var bobLeg = s.Sim.RingingAt(Endpoint("102"))!.Id;
        s.Sim.Answer(bobLeg);
        s.Center.ConferenceConsult(Ann, callId);
        s.Center.AddToConference(Ann, callId, new TransferTarget(Number: "5559999"));
        var guest = s.Sim.Legs.Single(l => l.Dialled && !l.Answered).Id;

        var after = Restart(s);

        var call = after.Center.GetCall(Ann, callId);
        Assert.Equal(3, call.Parties.Count(p => p.State == PartyState.Connected)); // a conference: the caller, Ann and Bob
        Assert.False(call.Held);
        Assert.Equal(PartyState.Connected, call.Parties.Single(p => p.AgentId == Bob).State);
        var external = call.Parties.Single(p => p.Role == PartyRole.External);
        Assert.Equal((guest, "5559999", PartyState.Ringing), (external.LegId, external.Number, external.State));

        s.Sim.Answer(guest);

        Assert.Equal(PartyState.Connected, after.Center.GetCall(Ann, callId).Parties.Single(p => p.LegId == guest).State);
        Assert.True(s.Sim.Hears(guest, customer));
        after.Center.Hangup(Ann, callId); // Ann leaves; the others go on
        Assert.True(s.Sim.Hears(customer, bobLeg));
        Assert.Null(s.Sim.Leg(annLeg));
    }

    [Fact]
    public async Task The_agents_mute_is_taken_back_and_asserted_again_as_her_leg_kept_it()
    {
        var (s, callId, _, annLeg) = AnnTalking();
        await s.Center.MuteAsync(Ann, callId, true);
        Assert.Equal("1", s.Sim.Leg(annLeg)!.Variables[TenantCallCenter.LegVariables.Muted]);

        var after = Restart(s);

        Assert.True(after.Center.GetCall(Ann, callId).Parties.Single(p => p.AgentId == Ann).Muted);
        Assert.True(s.Sim.Leg(annLeg)!.Muted);
        await after.Center.MuteAsync(Ann, callId, false);
        Assert.False(s.Sim.Leg(annLeg)!.Muted);
    }

    [Fact]
    public async Task A_mute_the_previous_process_did_not_store_is_undone_so_the_toolbar_and_the_phone_agree()
    {
        var (s, callId, _, annLeg) = AnnTalking();
        await s.Sim.MuteAsync(annLeg, true); // muted on the PBX; the process stopped before CTI_MUTED was stored

        var after = Restart(s);

        Assert.False(after.Center.GetCall(Ann, callId).Parties.Single(p => p.AgentId == Ann).Muted);
        Assert.False(s.Sim.Leg(annLeg)!.Muted);
    }

    [Fact]
    public async Task A_hold_the_previous_process_did_not_store_is_taken_back_held_and_resume_works()
    {
        var (s, callId, customer, annLeg) = AnnTalking();
        await s.Sim.HoldAsync(customer, null); // held on the PBX; the process stopped before CTI_HELD was stored
        Assert.False(s.Sim.Leg(customer)!.Variables.ContainsKey(TenantCallCenter.LegVariables.Held));

        var after = Restart(s);

        Assert.True(after.Center.GetCall(Ann, callId).Held);
        Assert.Equal("1", s.Sim.Leg(customer)!.Variables[TenantCallCenter.LegVariables.Held]); // stored now
        await after.Center.ResumeAsync(Ann, callId);
        Assert.True(s.Sim.Hears(customer, annLeg));
    }

    [Fact]
    public async Task A_recording_named_on_the_callers_leg_that_never_began_is_not_taken_back()
    {
        var (s, callId, customer, _) = AnnTalking();
        var name = $"acme-{callId:N}-1";
        // The previous process stored the name, then stopped before asking the PBX to record.
        await s.Sim.SetLegVariablesAsync(customer, new Dictionary<string, string>
        {
            [TenantCallCenter.LegVariables.Recordings] = TenantCallCenter.LegVariables.FormatRecordings(
                new ResumedRecordings([new ResumedRecording(name, s.Clock.GetUtcNow(), Ann)], Running: true, Paused: false)),
        });

        var after = Restart(s);

        var call = after.Center.GetCall(Ann, callId);
        Assert.False(call.Recording);
        Assert.Empty(after.Sink.Recordings);
        await after.Center.StartRecordingAsync(Ann, callId); // and a new one can start
        Assert.True(after.Center.GetCall(Ann, callId).Recording);
    }
}
