using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// A customer talking to an agent when CtiBridge stopped (both legs still in the call's bridge on the PBX) is taken back
/// by the next process: the same call, Connected, the agent on it again, the toolbar's controls working, and its end
/// (either party's hang-up) followed by the record and wrap-up as for any queue call (docs/architecture.md, restart
/// safety). The restart: a new call center subscribes to the same simulator, restores the sessions the first one kept,
/// and the simulator reports what it still has, as the Asterisk adapter does after it connects.
/// </summary>
public sealed class ConnectedCallTakenBackTests
{
    private sealed record Before(SimulatorProxy.Started S, Guid CallId, string CustomerLeg, string AgentLeg);

    private sealed record After(CallCenterService Service, TenantCallCenter Center, RecordingSink Sink, int Reported);

    /// <summary>Ann (Ready) answers a Sales call; the customer leg has its restart-safe facts.</summary>
    private static Before AnnTalking()
    {
        var s = SimulatorProxy.Start();
        s.Center.Login(Ann, ready: true);
        var customer = s.Sim.PlaceCall("acme", "Sales", "5551234", new Dictionary<string, string> { ["account"] = "A-77" });
        var ringing = s.Sim.RingingAt(Endpoint("101")) ?? throw new Xunit.Sdk.XunitException("nothing rings for Ann");
        s.Clock.Advance(4);
        s.Sim.Answer(ringing.Id);
        Assert.Equal(AgentStatus.OnCall, s.Center.GetAgent(Ann).Status);
        return new Before(s, s.Center.CallsOf(Ann).Single().CallId, customer, ringing.Id);
    }

    /// <summary>The next process: same PBX, the sessions the first one kept restored (unless told not to), then the PBX's report.</summary>
    private static After Restart(Before before, bool restoreSessions = true)
    {
        before.S.Clock.Advance(60);
        var sink = new RecordingSink();
        var service = new CallCenterService((IPbx)(object)before.S.Pbx, sink, sink, before.S.Clock, NullLogger<CallCenterService>.Instance);
        var center = service.Configure(DefaultConfig());
        if (restoreSessions) center.RestoreSessions(before.S.Sink.Sessions.Values.ToList());
        var reported = before.S.Sim.ReportCallsAfterRestart();
        return new After(service, center, sink, reported);
    }

    [Fact]
    public async Task The_agent_is_back_on_the_call_hold_and_resume_work_and_hanging_up_ends_it_with_wrap_up_then_ready_and_one_record()
    {
        var before = AnnTalking();
        var sim = before.S.Sim;
        Assert.False(string.IsNullOrEmpty(sim.Leg(before.CustomerLeg)!.Variables.GetValueOrDefault(TenantCallCenter.LegVariables.AnsweredAt)));

        var after = Restart(before);

        Assert.Equal(1, after.Reported);
        var ann = after.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.OnCall, ann.Status); // not Not Ready (Restarted): she is talking
        var call = Assert.Single(after.Center.CallsOf(Ann));
        Assert.Equal((before.CallId, CallState.Connected, (Guid?)Ann), (call.CallId, call.State, call.OwnerAgentId));
        Assert.Contains(call.AttachedData, d => d.Key == "account" && d.Value == "A-77");
        Assert.Contains(after.Sink.Of<Events.AgentStateChangedEvent>(), e => e.Agent.AgentId == Ann && e.Trigger == AgentTrigger.CallTakenBack);

        await after.Center.HoldAsync(Ann, before.CallId);
        Assert.True(sim.Leg(before.CustomerLeg)!.Held);
        await after.Center.ResumeAsync(Ann, before.CallId);
        Assert.False(sim.Leg(before.CustomerLeg)!.Held);

        after.Center.Hangup(Ann, before.CallId);

        Assert.Empty(sim.Legs);   // the customer's leg too: the call is over
        Assert.Empty(sim.Bridges);
        Assert.Empty(after.Center.ListCalls());
        Assert.Equal(AgentStatus.WrapUp, after.Center.GetAgent(Ann).Status);
        var record = Assert.Single(after.Sink.CallRecords);
        Assert.Equal(before.CallId, record.Call.Id);
        Assert.Equal(CallEndReason.AgentHungUp, record.Call.EndReason);
        Assert.Equal("Sales", record.SkillGroupName);
        Assert.Equal(60, record.Call.TalkTime.TotalSeconds, precision: 0); // answered before the restart, as the leg kept it
        Assert.Empty(before.S.Sink.CallRecords);

        before.S.Clock.Advance(30); // the tenant's wrap-up
        Assert.Equal(AgentStatus.Ready, after.Center.GetAgent(Ann).Status);
    }

    [Fact]
    public async Task A_recording_started_after_the_restart_does_not_reuse_the_name_of_one_the_previous_process_made()
    {
        var before = AnnTalking();
        await before.S.Center.StartRecordingAsync(Ann, before.CallId);
        var first = Assert.Single(before.S.Sink.Recordings).Name;
        var after = Restart(before);
        await after.Center.StopRecordingAsync(Ann, before.CallId); // the first one is still running: stopped here

        await after.Center.StartRecordingAsync(Ann, before.CallId);

        Assert.Equal(2, after.Sink.Recordings.Count); // the first journaled again, and the new one
        var second = after.Sink.Recordings[^1].Name;
        Assert.NotEqual(first, second);
        Assert.StartsWith($"acme-{before.CallId:N}-", second);
        Assert.True(!before.S.Sim.IsRecording(first) && before.S.Sim.IsRecording(second));
    }

    [Fact]
    public async Task A_caller_on_hold_is_taken_back_on_hold_and_resume_puts_them_back_with_the_agent_then_the_call_ends_as_usual()
    {
        var before = AnnTalking();
        var sim = before.S.Sim;
        await before.S.Center.HoldAsync(Ann, before.CallId);
        Assert.True(sim.Leg(before.CustomerLeg)!.Held);

        var after = Restart(before);

        Assert.Equal(1, after.Reported);
        Assert.Equal(AgentStatus.OnCall, after.Center.GetAgent(Ann).Status);
        var call = after.Center.GetCall(Ann, before.CallId);
        Assert.Equal((CallState.Connected, true), (call.State, call.Held));

        await after.Center.ResumeAsync(Ann, before.CallId);

        Assert.False(sim.Leg(before.CustomerLeg)!.Held);
        Assert.False(after.Center.GetCall(Ann, before.CallId).Held);
        Assert.Equal(new[] { before.CustomerLeg, before.AgentLeg }.Order(), sim.Bridges.Single().Members.Order());
        before.S.Clock.Advance(20); // they talk
        sim.HangupFromDevice(before.CustomerLeg);

        Assert.Empty(sim.Legs);
        Assert.Equal(AgentStatus.WrapUp, after.Center.GetAgent(Ann).Status);
        var record = Assert.Single(after.Sink.CallRecords);
        Assert.Equal((before.CallId, CallEndReason.CustomerHungUp), (record.Call.Id, record.Call.EndReason));
    }

    [Fact]
    public async Task A_recording_running_at_the_restart_is_shown_and_can_be_paused_and_stopped_and_each_recording_is_journaled_again()
    {
        var before = AnnTalking();
        var sim = before.S.Sim;
        await before.S.Center.StartRecordingAsync(Ann, before.CallId);
        await before.S.Center.StopRecordingAsync(Ann, before.CallId);
        before.S.Clock.Advance(5);
        await before.S.Center.StartRecordingAsync(Ann, before.CallId);
        await before.S.Center.PauseRecordingAsync(Ann, before.CallId, paused: true);
        var started = before.S.Sink.Recordings.ToList();
        Assert.Equal(2, started.Count);

        var after = Restart(before);

        var call = after.Center.GetCall(Ann, before.CallId);
        Assert.True(call.Recording);
        // Journaled again as the previous process journaled them (names, start times, agent), so their rows are written.
        Assert.Equal(started.Select(r => (r.Name, r.StartedAt, r.AgentId)), after.Sink.Recordings.Select(r => (r.Name, r.StartedAt, r.AgentId)));
        await after.Center.PauseRecordingAsync(Ann, before.CallId, paused: false); // it was paused: resuming it is a change
        await after.Center.StopRecordingAsync(Ann, before.CallId);
        Assert.False(sim.IsRecording(started[1].Name));
        Assert.False(after.Center.GetCall(Ann, before.CallId).Recording);
        Assert.NotNull(await sim.OpenRecordingAsync(started[1].Name));
    }

    [Fact]
    public void A_consultation_completed_after_the_restart_hands_the_customer_to_the_colleague()
    {
        var before = AnnTalking();
        var after = Restart(before);
        after.Center.Login(Bob, ready: true);

        after.Center.StartConsult(Ann, before.CallId, new TransferTarget(AgentId: Bob));
        var bobLeg = before.S.Sim.RingingAt(Endpoint("102")) ?? throw new Xunit.Sdk.XunitException("nothing rings for Bob");
        before.S.Sim.Answer(bobLeg.Id);
        after.Center.CompleteConsult(Ann, before.CallId);

        Assert.Null(before.S.Sim.Leg(before.AgentLeg));
        Assert.Equal(AgentStatus.WrapUp, after.Center.GetAgent(Ann).Status); // her queue call transferred: wrap-up, as for any call
        Assert.Equal(AgentStatus.OnCall, after.Center.GetAgent(Bob).Status);
        Assert.Equal(before.CallId, Assert.Single(after.Center.CallsOf(Bob)).CallId);
        Assert.Equal(new[] { before.CustomerLeg, bobLeg.Id }.Order(), before.S.Sim.Bridges.Single().Members.Order());
    }

    [Fact]
    public void The_customer_hanging_up_after_the_restart_ends_the_call_hangs_up_the_agent_and_starts_wrap_up()
    {
        var before = AnnTalking();
        var after = Restart(before);

        before.S.Sim.HangupFromDevice(before.CustomerLeg);

        Assert.Null(before.S.Sim.Leg(before.AgentLeg));
        Assert.Empty(before.S.Sim.Bridges);
        Assert.Equal(AgentStatus.WrapUp, after.Center.GetAgent(Ann).Status);
        var record = Assert.Single(after.Sink.CallRecords);
        Assert.Equal((before.CallId, CallEndReason.CustomerHungUp), (record.Call.Id, record.Call.EndReason));
    }

    [Fact]
    public void An_agent_with_a_pending_not_ready_is_back_on_the_call_with_it_pending()
    {
        var before = AnnTalking();
        before.S.Center.SetNotReady(Ann, "Lunch");

        var after = Restart(before);

        var ann = after.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.OnCall, ann.Status);
        before.S.Sim.HangupFromDevice(before.AgentLeg);
        Assert.Equal(AgentStatus.WrapUp, after.Center.GetAgent(Ann).Status);
        before.S.Clock.Advance(30);
        Assert.Equal((AgentStatus.NotReady, "Lunch"), (after.Center.GetAgent(Ann).Status, after.Center.GetAgent(Ann).Reason));
    }

    [Fact]
    public void A_call_of_an_agent_who_is_not_logged_in_is_taken_back_and_ends_normally_the_agent_stays_logged_out()
    {
        var before = AnnTalking();

        var after = Restart(before, restoreSessions: false);

        Assert.Equal(1, after.Reported);
        Assert.Equal(AgentStatus.LoggedOut, after.Center.GetAgent(Ann).Status);
        Assert.Equal(before.CallId, Assert.Single(after.Center.ListCalls()).CallId);

        after.Center.Hangup(Ann, before.CallId);

        Assert.Empty(before.S.Sim.Legs);
        Assert.Equal(AgentStatus.LoggedOut, after.Center.GetAgent(Ann).Status);
        Assert.Equal(before.CallId, Assert.Single(after.Sink.CallRecords).Call.Id);
    }

    [Fact]
    public async Task Legs_whose_variables_do_not_agree_or_name_an_unknown_agent_are_left_as_they_are_never_hung_up()
    {
        var mismatch = AnnTalking();
        await mismatch.S.Sim.SetLegVariablesAsync(mismatch.AgentLeg, new Dictionary<string, string> { [TenantCallCenter.LegVariables.CallId] = Guid.NewGuid().ToString() });
        var unknown = AnnTalking();
        await unknown.S.Sim.SetLegVariablesAsync(unknown.AgentLeg, new Dictionary<string, string> { [TenantCallCenter.LegVariables.AgentId] = Guid.NewGuid().ToString() });

        foreach (var (before, reported) in new[] { (mismatch, 0), (unknown, 1) })
        {
            var commands = before.S.Pbx.Calls.Count;
            var after = Restart(before);

            Assert.Equal(reported, after.Reported); // the simulator checks the legs agree; the engine knows the agents
            Assert.Empty(after.Center.ListCalls());
            Assert.NotNull(before.S.Sim.Leg(before.CustomerLeg));
            Assert.NotNull(before.S.Sim.Leg(before.AgentLeg));
            Assert.DoesNotContain(before.S.Pbx.Calls.Skip(commands), c => c.Method is nameof(IPbx.HangupAsync) or nameof(IPbx.EndCallAsync)
                or nameof(IPbx.RedirectAsync) or nameof(IPbx.LeaveCallAsync));
            Assert.Equal((AgentStatus.NotReady, SystemReasons.Restarted), (after.Center.GetAgent(Ann).Status, after.Center.GetAgent(Ann).Reason));
        }
    }
}
