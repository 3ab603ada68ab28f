using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>
/// The moments of a call at which a crash of CtiBridge used to leave something behind, each taken back by the next process
/// on a real Asterisk (docs/architecture.md, restart safety): an offer still ringing, a consultation, a conference, the
/// agent's mute, a hold begun but not yet stored on the caller's leg, and a recording named on it that never began.
/// </summary>
public sealed partial class CallCenterOnAsteriskTests
{
    private async Task<string> VariableAsync(string channel, string name)
    {
        using var r = await asterisk.Http.GetAsync($"channels/{channel}/variable?variable={name}");
        if (!r.IsSuccessStatusCode) return "";
        using var doc = System.Text.Json.JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("value").GetString() ?? "";
    }

    /// <summary>A customer calling from <paramref name="from"/> talks to Ann, who consults Bob (answered, Consulting).</summary>
    private async Task<(string Customer, string Phone, CallView Call, string AnnLeg, string BobLeg)> AnnConsultingBobAsync(string from)
    {
        _center.Login(Ann, ready: true);
        var (customer, phone) = await _h.CustomerCallsAsync("5551001", from);
        var call = await ConnectedWithAsync(Ann);
        var annLeg = Leg(call, Ann);
        _center.Login(Bob, ready: true);
        _center.StartConsult(Ann, call.CallId, new TransferTarget(AgentId: Bob));
        await Eventually(() => _center.GetCall(Ann, call.CallId).Parties.Any(x => x.AgentId == Bob && x.State == PartyState.Consulting), "Bob consulting");
        return (customer, phone, call, annLeg, Leg(_center.GetCall(Ann, call.CallId), Bob));
    }

    private async Task SetGlobalAsync(string name, string value)
    {
        using var r = await asterisk.Http.PostAsync($"asterisk/variable?variable={name}&value={value}", null);
        r.EnsureSuccessStatusCode();
    }

    private Task StoredAsync(string channel, string name, string value) =>
        Eventually(async () => await VariableAsync(channel, name) == value, $"{name}={value} stored on {channel}");

    [AsteriskInstalledFact]
    public async Task An_offer_ringing_when_CtiBridge_stops_goes_on_in_the_next_process_and_the_agents_answer_connects_the_call()
    {
        await SetGlobalAsync("ITEST_ANSWER_105", "0");
        _center.Login(Eve, ready: true); // her phone rings until the test lets it answer
        var (customer, phone) = await _h.CustomerCallsAsync("5551001", "5550121");
        string eveLeg = "";
        await Eventually(() => _center.ListCalls().FirstOrDefault(c => c.State == CallState.Ringing) is { } c
                               && (eveLeg = c.Parties.FirstOrDefault(p => p.AgentId == Eve)?.LegId ?? "") != "", "the call ringing at Eve");
        var callId = _center.ListCalls().Single().CallId;
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Id == eveLeg), "Eve's phone ringing on Asterisk");
        await BridgeHoldsAsync(callId, customer); // the caller waits in the call's bridge, on music

        await _h.StopLikeACrashAsync(); // CtiBridge stops while Eve's phone rings

        var (restarted, next, sink) = await StartNextProcessAsync(0, [(Eve, AgentStatus.Ringing)]);
        await using var _ = restarted;

        await Eventually(() => next.GetAgent(Eve).Status == AgentStatus.Ringing, "Eve ringing again in the next process",
            diagnostics: () => $"{next.GetAgent(Eve).Status}; calls: {string.Join(";", next.ListCalls().Select(c => $"{c.State} {string.Join(",", c.Parties.Select(p => p.LegId + ":" + p.State))}"))}; channels: {string.Join(";", asterisk.ChannelsAsync().GetAwaiter().GetResult().Select(c => c.Id + ":" + c.State + ":" + c.Name))}; eve leg {eveLeg}; Asterisk: {asterisk.ConsoleTail(30)}");
        Assert.Equal(callId, next.GetAgent(Eve).CallId);
        Assert.Contains(sink.Events.OfType<CallOfferedEvent>(), e => e.AgentId == Eve && e.Call.CallId == callId);

        // Eve's phone answers the offer it kept ringing: the call connects in the next process.
        await SetGlobalAsync("ITEST_ANSWER_105", "1");
        await Eventually(() => next.GetAgent(Eve).Status == AgentStatus.OnCall, "Eve on the call after her phone answered");
        await BridgeHoldsAsync(callId, customer, eveLeg);
        Assert.Equal(CallState.Connected, next.GetCall(Eve, callId).State);

        await asterisk.HangupAsync(phone);
        await Eventually(() => sink.Records.Any(r => r.Call.Id == callId), "the call record of the next process");
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task A_consultation_open_when_CtiBridge_stops_is_taken_back_and_completing_it_hands_the_caller_to_the_consulted_agent()
    {
        var (customer, phone, call, annLeg, bobLeg) = await AnnConsultingBobAsync("5550122");
        await BridgeHoldsAsync(call.CallId, annLeg, bobLeg); // the caller is held outside the bridge
        await StoredAsync(customer, TenantCallCenter.LegVariables.Held, "1");

        await _h.StopLikeACrashAsync();

        var (restarted, next, sink) = await StartNextProcessAsync(30, [(Ann, AgentStatus.OnCall), (Bob, AgentStatus.OnCall)]);
        await using var _ = restarted;

        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the consultation taken back");
        Assert.True(back!.Held);
        Assert.Equal((Guid?)Ann, back.ConsultLegOwner);
        Assert.Equal((bobLeg, PartyState.Consulting), (Leg(back, Bob), back.Parties.Single(p => p.AgentId == Bob).State));
        Assert.Equal((AgentStatus.OnCall, AgentStatus.OnCall), (next.GetAgent(Ann).Status, next.GetAgent(Bob).Status));

        next.CompleteConsult(Ann, call.CallId);

        await BridgeHoldsAsync(call.CallId, customer, bobLeg);
        await Eventually(async () => (await asterisk.ChannelsAsync()).All(c => c.Id != annLeg), "Ann's leg hung up");
        Assert.Equal(AgentStatus.WrapUp, next.GetAgent(Ann).Status);
        await asterisk.HangupAsync(phone);
        await Eventually(() => sink.Records.Any(r => r.Call.Id == call.CallId), "the call record of the next process");
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_recording_and_a_hold_both_running_when_CtiBridge_stops_are_taken_back(bool holdFirst)
    {
        _center.Login(Ann, ready: true);
        var (customer, phone) = await _h.CustomerCallsAsync("5551001", "5550127");
        var call = await ConnectedWithAsync(Ann);
        var annLeg = Leg(call, Ann);
        await BridgeHoldsAsync(call.CallId, customer, annLeg);
        if (holdFirst)
        {
            await _center.HoldAsync(Ann, call.CallId);
            await StoredAsync(customer, TenantCallCenter.LegVariables.Held, "1");
            await _center.StartRecordingAsync(Ann, call.CallId);
        }
        else
        {
            await _center.StartRecordingAsync(Ann, call.CallId);
            await Task.Delay(300);
            await _center.HoldAsync(Ann, call.CallId);
        }
        Assert.True(_center.GetCall(Ann, call.CallId).Recording);
        await Task.Delay(300);

        await _h.StopLikeACrashAsync();

        var (restarted, next, _) = await StartNextProcessAsync(30, [(Ann, AgentStatus.OnCall)]);
        await using var _ = restarted;
        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the held call taken back");
        Assert.Equal((true, true), (back!.Held, back.Recording));
        await asterisk.HangupAsync(phone);
    }

    [AsteriskInstalledFact]
    public async Task A_consultation_whose_caller_hung_up_while_CtiBridge_was_stopped_ends_both_agents_legs_in_the_next_process()
    {
        // Found by the kill harness: the agent and the consulted colleague stayed talking in the call's bridge, their
        // phones off-hook in a call the API did not show.
        var (customer, phone, call, annLeg, bobLeg) = await AnnConsultingBobAsync("5550126");
        await BridgeHoldsAsync(call.CallId, annLeg, bobLeg);
        await StoredAsync(customer, TenantCallCenter.LegVariables.Held, "1");

        await _h.StopLikeACrashAsync();
        await asterisk.HangupAsync(phone); // the caller hangs up while no CtiBridge runs
        await Eventually(async () => (await asterisk.ChannelsAsync()).All(c => c.Id != customer), "the caller's leg gone");

        var (restarted, next, _) = await StartNextProcessAsync(30, [(Ann, AgentStatus.OnCall), (Bob, AgentStatus.OnCall)]);
        await using var _ = restarted;

        await Eventually(async () => (await asterisk.ChannelsAsync()).All(c => c.Id != annLeg && c.Id != bobLeg), "Ann's and Bob's legs hung up");
        Assert.Empty(next.CallsOf(Ann));
        Assert.Empty(next.CallsOf(Bob));
        Assert.NotEqual(AgentStatus.OnCall, next.GetAgent(Ann).Status);
        Assert.NotEqual(AgentStatus.OnCall, next.GetAgent(Bob).Status);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task A_conference_when_CtiBridge_stops_is_taken_back_with_all_its_parties_and_goes_on_when_the_first_agent_leaves()
    {
        var (customer, phone, call, annLeg, bobLeg) = await AnnConsultingBobAsync("5550123");
        _center.ConferenceConsult(Ann, call.CallId);
        _center.AddToConference(Ann, call.CallId, new TransferTarget(Number: "5559999"));
        await Eventually(async () => (await BridgeOf(call.CallId)).Count == 4, "the guest in the conference");
        var guestLeg = _center.GetCall(Ann, call.CallId).Parties.Single(p => p.Role == PartyRole.External).LegId;
        await StoredAsync(bobLeg, TenantCallCenter.LegVariables.Role, "guest");
        await StoredAsync(customer, TenantCallCenter.LegVariables.Held, "0");

        await _h.StopLikeACrashAsync();

        var (restarted, next, sink) = await StartNextProcessAsync(0, [(Ann, AgentStatus.OnCall), (Bob, AgentStatus.OnCall)]);
        await using var _ = restarted;

        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the conference taken back");
        Assert.False(back!.Held);
        Assert.Equal(4, back.Parties.Count(p => p.State == PartyState.Connected));
        Assert.Equal("5559999", back.Parties.Single(p => p.LegId == guestLeg).Number);
        Assert.Equal(AgentStatus.OnCall, next.GetAgent(Bob).Status);

        next.Hangup(Ann, call.CallId); // Ann leaves; the others carry on

        await BridgeHoldsAsync(call.CallId, customer, bobLeg, guestLeg);
        Assert.Equal(AgentStatus.Ready, next.GetAgent(Ann).Status); // wrap-up 0 s
        await asterisk.HangupAsync(phone);
        // Bob hangs up too, unless the customer's hang-up reached the engine first and ended the call (seen once in CI).
        try { next.Hangup(Bob, call.CallId); }
        catch (CtiException ex) when (ex.Code == ErrorCodes.CallNotFound) { }
        await Eventually(() => sink.Records.Any(r => r.Call.Id == call.CallId), "the call record of the next process");
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledTheory]
    [InlineData(true)]  // muted through the engine: CTI_MUTED stored
    [InlineData(false)] // muted on Asterisk, the process stopped before CTI_MUTED was stored
    public async Task The_agents_mute_is_taken_back_as_her_leg_kept_it_and_asserted_on_Asterisk(bool stored)
    {
        _center.Login(Ann, ready: true);
        var (_, phone) = await _h.CustomerCallsAsync("5551001", "5550124");
        var call = await ConnectedWithAsync(Ann);
        var annLeg = Leg(call, Ann);
        if (stored)
        {
            await _center.MuteAsync(Ann, call.CallId, true);
            await StoredAsync(annLeg, TenantCallCenter.LegVariables.Muted, "1");
        }
        else await _h.Pbx.MuteAsync(annLeg, true);

        await _h.StopLikeACrashAsync();

        var (restarted, next, sink) = await StartNextProcessAsync(0, [(Ann, AgentStatus.OnCall)]);
        await using var _ = restarted;

        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the call taken back");
        Assert.Equal(stored, back!.Parties.Single(p => p.AgentId == Ann).Muted);
        if (stored)
        {
            await next.MuteAsync(Ann, call.CallId, false); // unmute works on the leg taken back
            await StoredAsync(annLeg, TenantCallCenter.LegVariables.Muted, "0");
        }
        Assert.False(next.GetCall(Ann, call.CallId).Parties.Single(p => p.AgentId == Ann).Muted);

        await asterisk.HangupAsync(phone);
        await Eventually(() => sink.Records.Any(r => r.Call.Id == call.CallId), "the call record of the next process");
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task A_hold_begun_but_not_stored_when_CtiBridge_stops_is_taken_back_held_and_resume_puts_the_caller_back()
    {
        _center.Login(Ann, ready: true);
        var (customer, phone) = await _h.CustomerCallsAsync("5551001", "5550125");
        var call = await ConnectedWithAsync(Ann);
        var annLeg = Leg(call, Ann);
        await BridgeHoldsAsync(call.CallId, customer, annLeg);
        await _h.Pbx.HoldAsync(customer, null); // the hold reached Asterisk; the process stops before storing CTI_HELD
        await BridgeHoldsAsync(call.CallId, annLeg);
        Assert.Equal("", await VariableAsync(customer, TenantCallCenter.LegVariables.Held));

        await _h.StopLikeACrashAsync();

        var (restarted, next, sink) = await StartNextProcessAsync(0, [(Ann, AgentStatus.OnCall)]);
        await using var _ = restarted;

        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the call taken back");
        Assert.True(back!.Held);
        await StoredAsync(customer, TenantCallCenter.LegVariables.Held, "1");
        Assert.Contains(await asterisk.ChannelsAsync(), c => c.Id == annLeg); // Ann's leg was not hung up as an orphan

        await next.ResumeAsync(Ann, call.CallId);

        await BridgeHoldsAsync(call.CallId, customer, annLeg);
        await asterisk.HangupAsync(phone);
        await Eventually(() => sink.Records.Any(r => r.Call.Id == call.CallId), "the call record of the next process");
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task A_recording_named_but_never_begun_when_CtiBridge_stops_is_not_taken_back_and_a_new_one_records()
    {
        _center.Login(Ann, ready: true);
        var (customer, phone) = await _h.CustomerCallsAsync("5551001", "5550126");
        var call = await ConnectedWithAsync(Ann);
        var annLeg = Leg(call, Ann);
        await BridgeHoldsAsync(call.CallId, customer, annLeg);
        // What the engine stores before it asks Asterisk to record; the process stops in between.
        var name = $"demo-{call.CallId:N}-1";
        await _h.Pbx.SetLegVariablesAsync(customer, new Dictionary<string, string>
        {
            [TenantCallCenter.LegVariables.Recordings] = TenantCallCenter.LegVariables.FormatRecordings(
                new ResumedRecordings([new ResumedRecording(name, DateTimeOffset.UtcNow, Ann)], Running: true, Paused: false)),
        });

        await _h.StopLikeACrashAsync();

        var (restarted, next, sink) = await StartNextProcessAsync(0, [(Ann, AgentStatus.OnCall)]);
        await using var _ = restarted;

        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the call taken back");
        Assert.False(back!.Recording);
        Assert.Empty(sink.Recordings);

        await next.StartRecordingAsync(Ann, call.CallId);
        Assert.True(next.GetCall(Ann, call.CallId).Recording);
        var recording = Assert.Single(sink.Recordings);
        Assert.NotEqual(name, recording.Name);
        await next.StopRecordingAsync(Ann, call.CallId);
        await asterisk.HangupAsync(phone);
        await Eventually(() => sink.Records.Any(r => r.Call.Id == call.CallId), "the call record of the next process");
        await asterisk.AssertNothingLeftAsync();
    }
}
