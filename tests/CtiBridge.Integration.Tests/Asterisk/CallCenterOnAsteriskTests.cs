using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>Collects what the call center publishes and journals.</summary>
public sealed class EngineSink : ICallCenterEventSink, ICallCenterJournal
{
    private readonly List<CallCenterEvent> _events = [];
    private readonly List<CallRecordReady> _records = [];
    private readonly List<RecordingStarted> _recordings = [];
    public void Publish(CallCenterEvent e) { lock (_events) _events.Add(e); }
    public void AgentStateChanged(AgentStateChange change) { }
    public void CallEnded(CallRecordReady record) { lock (_records) _records.Add(record); }
    public void RecordingStarted(RecordingStarted recording) { lock (_recordings) _recordings.Add(recording); }
    public IReadOnlyList<CallCenterEvent> Events { get { lock (_events) return _events.ToList(); } }
    public IReadOnlyList<CallRecordReady> Records { get { lock (_records) return _records.ToList(); } }
    /// <summary>The recordings journaled (what the database journal writes as Recordings rows with the call's record).</summary>
    public IReadOnlyList<RecordingStarted> Recordings { get { lock (_recordings) return _recordings.ToList(); } }
}

/// <summary>
/// The call-center engine (CallCenterService + TenantCallCenter) on a real Asterisk through <see cref="AsteriskPbx"/>:
/// tenant "demo" with skill group Sales (the committed dialplan's 5551001 queues there) and agents whose phones are
/// Local channels into [itest-agents]: Ann 101, Bob 102 and Dan 104 answer after a short ring, Cat 103 never answers,
/// Eve 105 rings until the test lets her phone answer.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed partial class CallCenterOnAsteriskTests(RealAsterisk asterisk) : IAsyncLifetime
{
    private static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000dd");
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-000000000101");
    private static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-000000000102");
    private static readonly Guid Cat = Guid.Parse("00000000-0000-0000-0000-000000000103");
    private static readonly Guid Dan = Guid.Parse("00000000-0000-0000-0000-000000000104");
    private static readonly Guid Eve = Guid.Parse("00000000-0000-0000-0000-000000000105");
    private static readonly Guid Sales = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    private readonly EngineSink _sink = new();
    private AdapterHarness _h = null!;
    private CallCenterService _service = null!;
    private TenantCallCenter _center = null!;

    public async Task InitializeAsync()
    {
        if (!asterisk.Available) return;
        _h = await AdapterHarness.StartAsync(asterisk);
        _service = new CallCenterService(_h.Pbx, _sink, _sink, TimeProvider.System, NullLogger<CallCenterService>.Instance);
        _center = _service.Configure(Config());
    }

    public async Task DisposeAsync()
    {
        if (_h is not null) await _h.DisposeAsync();
    }

    /// <summary>
    /// The next CtiBridge process after a crash: a new adapter and engine on the same Asterisk. As the host does before
    /// the PBX connects, <paramref name="onCallAgent"/>'s kept session (she was on a call) is restored first: she comes
    /// back Not Ready (Restarted) until her call is taken back.
    /// </summary>
    private Task<(AdapterHarness Adapter, TenantCallCenter Center, EngineSink Sink)> StartNextProcessAsync(int wrapUpSeconds = 0, Guid? onCallAgent = null) =>
        StartNextProcessAsync(wrapUpSeconds, onCallAgent is { } agent ? [(agent, AgentStatus.OnCall)] : []);

    /// <summary>The next process, with the sessions the previous one kept: each agent in the state they were in when it stopped.</summary>
    private async Task<(AdapterHarness Adapter, TenantCallCenter Center, EngineSink Sink)> StartNextProcessAsync(int wrapUpSeconds,
        IReadOnlyList<(Guid Agent, AgentStatus Status)> sessions)
    {
        var sink = new EngineSink();
        TenantCallCenter next = null!;
        var adapter = await AdapterHarness.StartAsync(asterisk, beforeStart: pbx =>
        {
            next = new CallCenterService(pbx, sink, sink, TimeProvider.System, FileLogger<CallCenterService>.FromEnvironment()).Configure(Config(wrapUpSeconds));
            var now = DateTimeOffset.UtcNow;
            next.RestoreSessions(sessions.Select(s => new AgentSessionSnapshot(Tenant, s.Agent, now, s.Status, null, PendingState.None, null, null, null, [], now, now, null)).ToList());
        });
        return (adapter, next, sink);
    }

    private static TenantConfiguration Config(int wrapUpSeconds = 0) => new(
        Tenant, "demo",
        new TenantCallSettings
        {
            RingTimeoutSeconds = 5,
            EndpointPattern = "Local/{extension}@itest-agents/n",
            TrunkPattern = "Local/{number}@itest-agents/n",
            AttachedDataKeys = ["ACCOUNT", "DNIS"],
        },
        [
            Agent(Ann, "Ann", "101", wrapUpSeconds), Agent(Bob, "Bob", "102", wrapUpSeconds), Agent(Cat, "Cat", "103", wrapUpSeconds),
            Agent(Dan, "Dan", "104", wrapUpSeconds), Agent(Eve, "Eve", "105", wrapUpSeconds),
        ],
        [new SkillGroupDefinition(Sales, "Sales", [new(Ann, 1), new(Bob, 1), new(Cat, 1), new(Dan, 1), new(Eve, 1)]) { Number = "500" }],
        [new PauseReasonDefinition("1", "Break")],
        new HashSet<string>());

    private static AgentDefinition Agent(Guid id, string name, string ext, int wrapUpSeconds = 0) =>
        new(id, name, ext, new AgentSettings(ext, ExtensionKind.Sip, AcwMode.AfterAnswered, WrapUpSeconds: wrapUpSeconds));

    private async Task<CallView> ConnectedWithAsync(Guid agent)
    {
        CallView? call = null;
        await Eventually(() =>
        {
            call = _center.CallsOf(agent).FirstOrDefault(c => c.State == CallState.Connected
                && c.Parties.Any(p => p.AgentId == agent && p.State == PartyState.Connected));
            return call is not null;
        }, $"a connected call for agent {agent}", diagnostics: () =>
            $"the agent: {_center.GetAgent(agent)}; her calls: {string.Join("; ", _center.CallsOf(agent).Select(c => $"{c.State} {string.Join(",", c.Parties.Select(p => $"{p.Role}:{p.State}"))}"))}");
        return call!;
    }

    private async Task<IReadOnlyList<string>> BridgeOf(Guid call) =>
        (await asterisk.BridgesAsync()).SingleOrDefault(b => b.Id == AsteriskPbx.BridgeIdOf(call)).Channels ?? [];

    /// <summary>Waits until the bridge holds exactly these legs (what the PBX has, not what the engine believes).</summary>
    /// <summary>Waits until the engine has written each variable (non-empty) on the leg.</summary>
    private async Task StoredOnLegAsync(string leg, params string[] variables)
    {
        foreach (var variable in variables)
            await Eventually(async () =>
            {
                using var r = await asterisk.Http.GetAsync($"channels/{leg}/variable?variable={variable}");
                return r.IsSuccessStatusCode && (await r.Content.ReadAsStringAsync()).Length > "{\"value\":\"\"}".Length;
            }, variable + " stored on the caller's leg");
    }

    private async Task BridgeHoldsAsync(Guid call, params string[] legs) =>
        await Eventually(async () => (await BridgeOf(call)).Order().SequenceEqual(legs.Order()),
            "bridge of the call to hold " + string.Join(", ", legs));

    private static string Leg(CallView call, Guid agent) => call.Parties.Single(p => p.AgentId == agent && p.State != PartyState.Left).LegId;
    private static string CustomerLeg(CallView call) => call.Parties.Single(p => p.Role == PartyRole.Customer).LegId;

    private async Task<CallRecordReady> RecordOfAsync(Guid call)
    {
        CallRecordReady? r = null;
        await Eventually(() => (r = _sink.Records.FirstOrDefault(x => x.Call.Id == call)) is not null, "the call record");
        return r!;
    }

    private async Task EndAndCheckCleanAsync(Guid callId, Guid agent)
    {
        if (_center.ListCalls().Any(c => c.CallId == callId)) _center.Hangup(agent, callId);
        await RecordOfAsync(callId);
        await asterisk.AssertNothingLeftAsync();
        Assert.Empty(_center.ListCalls());
    }

    [AsteriskInstalledFact]
    public async Task Inbound_queue_call_is_answered_on_the_agents_phone_and_both_are_bridged()
    {
        _center.Login(Ann, ready: true);
        var (customer, phone) = await _h.CustomerCallsAsync("5551001", "5550111");

        var call = await ConnectedWithAsync(Ann);

        Assert.Equal("Sales", call.SkillGroupName);
        Assert.Contains(call.AttachedData, d => d.Key == "ACCOUNT" && d.Value == "ACC-5550111");
        Assert.Equal(customer, CustomerLeg(call));
        await BridgeHoldsAsync(call.CallId, customer, Leg(call, Ann));

        await asterisk.HangupAsync(phone); // the customer hangs up
        var record = await RecordOfAsync(call.CallId);
        Assert.Equal(CallEndReason.CustomerHungUp, record.Call.EndReason);
        await asterisk.AssertNothingLeftAsync();
        Assert.Empty(_center.ListCalls());
    }

    [AsteriskInstalledFact]
    public async Task A_caller_waiting_when_CtiBridge_stops_is_taken_back_in_place_by_the_next_process_and_answered_there()
    {
        _center.Login(Ann, ready: false); // logged in, Not Ready: the caller waits
        var (customer, phone) = await _h.CustomerCallsAsync("5551001", "5550113");
        CallView? waiting = null;
        await Eventually(() => (waiting = _center.ListCalls().SingleOrDefault()) is { State: CallState.Waiting }, "the caller waiting");
        var enqueuedAt = _center.WaitingCalls(Sales).Single().EnqueuedAt;
        await Eventually(async () =>
        {
            using var r = await asterisk.Http.GetAsync($"channels/{customer}/variable?variable={TenantCallCenter.LegVariables.EnqueuedAt}");
            return r.IsSuccessStatusCode && (await r.Content.ReadAsStringAsync()).Contains(enqueuedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, "the waiting caller's facts stored on the leg");

        await _h.StopLikeACrashAsync(); // CtiBridge stops: the caller stays in Asterisk, in the call's bridge, on music
        Assert.Contains(customer, await BridgeOf(waiting!.CallId));

        var (restarted, next, sink) = await StartNextProcessAsync();
        await using var _ = restarted;

        await Eventually(() => next.ListCalls().Count == 1, "the caller taken back");
        var back = next.ListCalls().Single();
        Assert.Equal(waiting.CallId, back.CallId);
        Assert.Equal(CallState.Waiting, back.State);
        Assert.Equal(customer, CustomerLeg(back));
        Assert.Equal(enqueuedAt.ToUnixTimeMilliseconds(), next.WaitingCalls(Sales).Single().EnqueuedAt.ToUnixTimeMilliseconds());

        next.Login(Ann, ready: true);
        CallView? connected = null;
        await Eventually(() => (connected = next.CallsOf(Ann).FirstOrDefault(c => c.State == CallState.Connected
            && c.Parties.Any(p => p.AgentId == Ann && p.State == PartyState.Connected))) is not null, "Ann connected on the restarted process");
        await BridgeHoldsAsync(back.CallId, customer, Leg(connected!, Ann)); // the same bridge, now with Ann

        await asterisk.HangupAsync(phone);
        await Eventually(() => sink.Records.Any(r => r.Call.Id == back.CallId), "the call record of the restarted process");
        await asterisk.AssertNothingLeftAsync();
        Assert.Empty(next.ListCalls());
    }

    [AsteriskInstalledTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_call_connected_when_CtiBridge_stops_is_taken_back_by_the_next_process_and_its_hang_up_ends_both_legs_with_wrap_up(bool customerHangsUp)
    {
        var (customer, phone, call, agentLeg) = await AnnTalksToACustomerAsync("5550114");
        await _center.StartRecordingAsync(Ann, call.CallId); // running when CtiBridge stops
        var recording = $"demo-{call.CallId:N}-1";
        await StoredOnLegAsync(customer, TenantCallCenter.LegVariables.AnsweredAt, TenantCallCenter.LegVariables.Recordings);
        await Task.Delay(1000); // a second of conversation recorded

        await _h.StopLikeACrashAsync(); // CtiBridge stops: both parties stay in the call's bridge, talking
        await BridgeHoldsAsync(call.CallId, customer, agentLeg);

        var (restarted, next, sink) = await StartNextProcessAsync(wrapUpSeconds: 30, onCallAgent: Ann);
        await using var _ = restarted;

        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the connected call taken back");
        Assert.Equal((call.CallId, CallState.Connected), (back!.CallId, back.State));
        Assert.Equal(customer, CustomerLeg(back));
        Assert.Equal(agentLeg, Leg(back, Ann));
        Assert.Equal(AgentStatus.OnCall, next.GetAgent(Ann).Status);
        // The recording goes on and is the call's again: shown, journaled again for its row, stopped from the toolbar.
        Assert.True(back.Recording);
        var journaled = Assert.Single(sink.Recordings);
        Assert.Equal((recording, call.CallId, Ann), (journaled.Name, journaled.CallId, journaled.AgentId));
        await next.StopRecordingAsync(Ann, call.CallId);
        Assert.False(next.GetCall(Ann, call.CallId).Recording);

        if (customerHangsUp) await asterisk.HangupAsync(phone);
        else next.Hangup(Ann, call.CallId); // from Ann's toolbar

        await Eventually(() => sink.Records.Any(r => r.Call.Id == call.CallId), "the call record of the restarted process");
        await asterisk.AssertNothingLeftAsync(); // the customer's channel ended too
        Assert.Empty(next.ListCalls());
        Assert.Equal(AgentStatus.WrapUp, next.GetAgent(Ann).Status);
        Assert.Single(sink.Recordings); // not journaled twice
        await using var audio = await restarted.Pbx.OpenRecordingAsync(recording);
        Assert.NotNull(audio);
        using var copy = new MemoryStream();
        await audio.CopyToAsync(copy);
        Assert.True(copy.Length > 8044, $"recording has {copy.Length} bytes"); // more than a second of audio, from both processes
    }

    /// <summary>Ann logged in Ready, a customer calling from <paramref name="from"/> connected to her, both legs in the call's bridge.</summary>
    private async Task<(string Customer, string Phone, CallView Call, string AgentLeg)> AnnTalksToACustomerAsync(string from)
    {
        _center.Login(Ann, ready: true);
        var (customer, phone) = await _h.CustomerCallsAsync("5551001", from);
        var call = await ConnectedWithAsync(Ann);
        var agentLeg = Leg(call, Ann);
        await BridgeHoldsAsync(call.CallId, customer, agentLeg);
        return (customer, phone, call, agentLeg);
    }

    /// <summary>
    /// The facts a take-back reads on the caller's leg are written just after the call's urgent commands: a process that
    /// dies in between leaves a connected caller without them (seen with two nodes under load: the call was never taken
    /// back). The call's bridge names the call then; the agent leg's own facts, set when it was dialled, must agree.
    /// </summary>
    [AsteriskInstalledFact]
    public async Task A_call_connected_before_its_callers_facts_were_stored_is_taken_back_by_its_bridge()
    {
        var (customer, _, call, agentLeg) = await AnnTalksToACustomerAsync("5550115");
        string[] facts = [TenantCallCenter.LegVariables.Role, TenantCallCenter.LegVariables.CallId, TenantCallCenter.LegVariables.SkillGroup,
            TenantCallCenter.LegVariables.EnqueuedAt, TenantCallCenter.LegVariables.AnsweredAt];
        await StoredOnLegAsync(customer, facts);

        await _h.StopLikeACrashAsync();
        foreach (var variable in facts) // as if the process had died before writing them
            (await asterisk.Http.PostAsync($"channels/{customer}/variable?variable={variable}&value=", null)).EnsureSuccessStatusCode();

        var (restarted, next, _) = await StartNextProcessAsync(wrapUpSeconds: 0, onCallAgent: Ann);
        await using var __ = restarted;
        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the connected call taken back");
        Assert.Equal((call.CallId, CallState.Connected), (back!.CallId, back.State));
        Assert.Equal(customer, CustomerLeg(back));
        Assert.Equal(agentLeg, Leg(back, Ann));
        Assert.Equal(AgentStatus.OnCall, next.GetAgent(Ann).Status);

        next.Hangup(Ann, call.CallId);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task A_caller_on_hold_when_CtiBridge_stops_is_taken_back_on_hold_and_resume_puts_them_back_in_the_bridge_with_the_agent()
    {
        var (customer, phone, call, agentLeg) = await AnnTalksToACustomerAsync("5550115");
        await _center.HoldAsync(Ann, call.CallId);
        await BridgeHoldsAsync(call.CallId, agentLeg); // the caller is out of the bridge, on music
        await Eventually(async () =>
        {
            using var r = await asterisk.Http.GetAsync($"channels/{customer}/variable?variable={TenantCallCenter.LegVariables.Held}");
            return r.IsSuccessStatusCode && (await r.Content.ReadAsStringAsync()).Contains("\"1\"", StringComparison.Ordinal);
        }, "the hold stored on the caller's leg");

        await _h.StopLikeACrashAsync(); // CtiBridge stops: the caller stays on hold, Ann alone in the bridge
        await BridgeHoldsAsync(call.CallId, agentLeg);

        var (restarted, next, sink) = await StartNextProcessAsync(wrapUpSeconds: 30, onCallAgent: Ann);
        await using var _ = restarted;

        CallView? back = null;
        await Eventually(() => (back = next.CallsOf(Ann).SingleOrDefault()) is not null, "the held call taken back");
        Assert.Equal((call.CallId, CallState.Connected, true), (back!.CallId, back.State, back.Held));
        Assert.Equal(AgentStatus.OnCall, next.GetAgent(Ann).Status);

        await next.ResumeAsync(Ann, call.CallId); // through the engine, from Ann's toolbar

        await BridgeHoldsAsync(call.CallId, customer, agentLeg); // the caller is back with Ann
        Assert.False(next.GetCall(Ann, call.CallId).Held);
        await asterisk.HangupAsync(phone);
        await Eventually(() => sink.Records.Any(r => r.Call.Id == call.CallId), "the call record of the restarted process");
        await asterisk.AssertNothingLeftAsync();
        Assert.Equal(AgentStatus.WrapUp, next.GetAgent(Ann).Status);
    }

    [AsteriskInstalledFact]
    public async Task Ring_no_answer_is_rerouted_to_a_second_agent()
    {
        _center.Login(Cat, ready: true); // idle longest: offered first, never answers
        _center.Login(Ann, ready: true);
        var (customer, _) = await _h.CustomerCallsAsync();

        var call = await ConnectedWithAsync(Ann); // after Cat's 5 s ring timeout

        Assert.NotEqual(AgentStatus.Ready, _center.GetAgent(Cat).Status); // missed → not ready
        await BridgeHoldsAsync(call.CallId, customer, Leg(call, Ann));
        await EndAndCheckCleanAsync(call.CallId, Ann);
    }

    [AsteriskInstalledFact]
    public async Task A_caller_who_hangs_up_while_waiting_is_recorded_as_abandoned()
    {
        _center.Login(Ann, ready: false);
        var (customer, phone) = await _h.CustomerCallsAsync();
        await Eventually(() => _center.ListCalls().Any(c => c.State == CallState.Waiting), "the call waiting in Sales");
        var callId = _center.ListCalls().Single().CallId;
        await BridgeHoldsAsync(callId, customer); // alone in the bridge with music

        await asterisk.HangupAsync(phone);

        Assert.Equal(CallEndReason.AbandonedWhileWaiting, (await RecordOfAsync(callId)).Call.EndReason);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task Hold_and_resume_move_the_customer_out_of_and_back_into_the_conversation()
    {
        _center.Login(Ann, ready: true);
        var (customer, _) = await _h.CustomerCallsAsync();
        var call = await ConnectedWithAsync(Ann);
        var annLeg = Leg(call, Ann);

        await _center.HoldAsync(Ann, call.CallId);
        await BridgeHoldsAsync(call.CallId, annLeg);
        Assert.True(_center.GetCall(Ann, call.CallId).Held);

        await _center.ResumeAsync(Ann, call.CallId);
        await BridgeHoldsAsync(call.CallId, customer, annLeg);

        await EndAndCheckCleanAsync(call.CallId, Ann);
    }

    [AsteriskInstalledFact]
    public async Task Blind_transfer_to_a_ready_agent_connects_the_customer_to_them_and_releases_the_first()
    {
        _center.Login(Ann, ready: true);
        var (customer, _) = await _h.CustomerCallsAsync();
        var call = await ConnectedWithAsync(Ann);
        _center.Login(Bob, ready: true);

        _center.BlindTransfer(Ann, call.CallId, new TransferTarget(AgentId: Bob));

        var transferred = await ConnectedWithAsync(Bob);
        Assert.Equal(call.CallId, transferred.CallId);
        await BridgeHoldsAsync(call.CallId, customer, Leg(transferred, Bob));
        // Her queue call transferred: wrap-up by her after-call-work setting (docs/agent-states.md), 0 s in this
        // configuration, so she is Ready at once; ProductControlsOnAsteriskTests checks a real wrap-up after a transfer.
        Assert.Equal(AgentStatus.Ready, _center.GetAgent(Ann).Status);
        await EndAndCheckCleanAsync(call.CallId, Bob);
    }

    [AsteriskInstalledFact]
    public async Task Consultation_then_complete_hands_the_customer_to_the_consulted_agent()
    {
        _center.Login(Ann, ready: true);
        var (customer, _) = await _h.CustomerCallsAsync();
        var call = await ConnectedWithAsync(Ann);
        var annLeg = Leg(call, Ann);
        _center.Login(Bob, ready: true);

        _center.StartConsult(Ann, call.CallId, new TransferTarget(AgentId: Bob));
        string bobLeg = "";
        await Eventually(() =>
        {
            var p = _center.GetCall(Ann, call.CallId).Parties.FirstOrDefault(x => x.AgentId == Bob && x.State == PartyState.Consulting);
            bobLeg = p?.LegId ?? "";
            return p is not null;
        }, "Bob consulting");
        await BridgeHoldsAsync(call.CallId, annLeg, bobLeg); // the customer is held outside: hears music, not the consultation

        _center.CompleteConsult(Ann, call.CallId);

        await BridgeHoldsAsync(call.CallId, customer, bobLeg);
        var after = await ConnectedWithAsync(Bob);
        Assert.DoesNotContain(after.Parties, p => p.AgentId == Ann && p.State != PartyState.Left);
        await EndAndCheckCleanAsync(call.CallId, Bob);
    }

    [AsteriskInstalledFact]
    public async Task Consultation_turned_into_a_three_way_conference_bridges_all_three()
    {
        _center.Login(Ann, ready: true);
        var (customer, _) = await _h.CustomerCallsAsync();
        var call = await ConnectedWithAsync(Ann);
        var annLeg = Leg(call, Ann);
        _center.Login(Bob, ready: true);

        _center.StartConsult(Ann, call.CallId, new TransferTarget(AgentId: Bob));
        await Eventually(() => _center.GetCall(Ann, call.CallId).Parties.Any(x => x.AgentId == Bob && x.State == PartyState.Consulting), "Bob consulting");
        var bobLeg = Leg(_center.GetCall(Ann, call.CallId), Bob);

        _center.ConferenceConsult(Ann, call.CallId);

        await BridgeHoldsAsync(call.CallId, customer, annLeg, bobLeg);
        // A number joins too (the conference grows), then Ann leaves: the others carry on.
        _center.AddToConference(Ann, call.CallId, new TransferTarget(Number: "5559999"));
        await Eventually(async () => (await BridgeOf(call.CallId)).Count == 4, "the guest in the conference");
        _center.Hangup(Ann, call.CallId);
        await Eventually(async () => (await BridgeOf(call.CallId)).Count == 3, "Ann gone from the conference");
        await EndAndCheckCleanAsync(call.CallId, Bob);
    }

    [AsteriskInstalledFact]
    public async Task A_recorded_call_can_be_downloaded_as_a_wav()
    {
        _center.Login(Ann, ready: true);
        await _h.CustomerCallsAsync();
        var call = await ConnectedWithAsync(Ann);

        await _center.StartRecordingAsync(Ann, call.CallId);
        var name = $"demo-{call.CallId:N}-1";
        await Task.Delay(1500); // a second and a half of conversation
        await _center.StopRecordingAsync(Ann, call.CallId);

        await using var audio = await _service.Pbx.OpenRecordingAsync(name);
        Assert.NotNull(audio);
        using var copy = new MemoryStream();
        await audio.CopyToAsync(copy);
        Assert.True(copy.Length > 8044, $"recording has {copy.Length} bytes");
        await EndAndCheckCleanAsync(call.CallId, Ann);
    }

    private static async Task Eventually(Func<bool> condition, string what, int seconds = 20, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what + (diagnostics is null ? "" : "; " + diagnostics()));
            await Task.Delay(25);
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what);
            await Task.Delay(25);
        }
    }
}
