using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Simulator;

/// <summary>A channel on the simulated PBX.</summary>
public sealed class SimLeg(string id, string endpoint, bool dialled, DateTimeOffset createdAt)
{
    public string Id { get; } = id;
    public string Endpoint { get; } = endpoint;
    /// <summary>True for legs the app dialled (agents, numbers), false for callers.</summary>
    public bool Dialled { get; } = dialled;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public bool Answered { get; internal set; }
    public Guid? InCall { get; internal set; }
    public bool Held { get; internal set; }
    public string? HeldMusicClass { get; internal set; }
    public bool Muted { get; internal set; }
    public bool AutoAnswer { get; internal set; }
    public string CallerIdNumber { get; internal set; } = "";
    public string? CallerIdName { get; internal set; }
    /// <summary>For a caller: the attached data the dialplan set.</summary>
    public IReadOnlyDictionary<string, string> AttachedData { get; internal set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Variables { get; internal set; } = new Dictionary<string, string>();
    public List<string> DtmfSent { get; } = new();
    public List<string> Played { get; } = new();
    public string? RedirectedTo { get; internal set; }
    /// <summary>For a caller: what the dialplan handed the app (tenant, purpose, target), as Asterisk keeps it on the channel.</summary>
    public (string Tenant, string Purpose, string Target)? Dialplan { get; internal set; }
    internal ITimer? DialTimer { get; set; }
    /// <summary>For a snoop leg (supervision): the leg it listens to and speaks into, and in which directions.</summary>
    public string? SnoopOf { get; internal set; }
    public SnoopAudio Spy { get; internal set; }
    public SnoopAudio Whisper { get; internal set; }
}

/// <summary>A call's bridge on the simulated PBX.</summary>
public sealed class SimBridge(Guid callId)
{
    public Guid CallId { get; } = callId;
    public HashSet<string> Members { get; } = new();
    public string? MusicClass { get; internal set; }
}

/// <summary>
/// An in-process PBX for the sandbox and for deterministic tests: it models legs, bridges,
/// ringing, answer, hang-up, hold, mute, DTMF, prompts and recording well enough to run every
/// use case, and reports events like the Asterisk adapter does (a leg hung up by the app also
/// reports its end). Everything runs synchronously on the caller's thread; ring timeouts use
/// the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SimulatedPbx(TimeProvider time, SimulatorOptions? options = null) : IPbx
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SimLeg> _legs = new();
    private readonly Dictionary<Guid, SimBridge> _bridges = new();
    private readonly Dictionary<string, byte[]> _recordings = new();
    private readonly HashSet<string> _activeRecordings = new();
    private readonly Dictionary<string, Guid> _recordingCalls = new();
    private readonly Dictionary<string, DeviceStatus> _devices = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> _deviceChangedAt = new(StringComparer.OrdinalIgnoreCase);
    private readonly SimulatorOptions _options = options ?? new SimulatorOptions();
    private IPbxEventHandler? _handler;
    private long _counter;

    public PbxCapabilities Capabilities { get; } = new(CanAnswerForAgent: true, Name: "simulator");

    public void Subscribe(IPbxEventHandler handler) => _handler = handler;

    /// <summary>Raised when prompts are played to a leg (the caller "hears" them).</summary>
    public event Action<SimLeg, IReadOnlyList<string>>? PromptsPlayed;

    /// <summary>Raised after the app dialled a leg (tests and the sandbox use it to answer).</summary>
    public event Action<SimLeg>? LegDialled;

    // ---- what tests and the sandbox do to the PBX ----

    /// <summary>A customer calls in: the dialplan would hand the leg to the app with this purpose and target.</summary>
    public string PlaceCall(string tenant, string target, string callerNumber,
        IReadOnlyDictionary<string, string>? attachedData = null, string purpose = "queue", string? callerName = null, string? fromEndpoint = null)
    {
        var id = "sim-" + Interlocked.Increment(ref _counter);
        lock (_gate)
            _legs[id] = new SimLeg(id, fromEndpoint ?? "PJSIP/trunk", dialled: false, time.GetUtcNow())
            {
                CallerIdNumber = callerNumber, CallerIdName = callerName, Dialplan = (tenant, purpose, target),
                AttachedData = attachedData ?? new Dictionary<string, string>(),
            };
        Handler.OnIncomingLeg(new IncomingLeg(id, tenant, purpose, target, callerNumber, callerName,
            attachedData ?? new Dictionary<string, string>(), fromEndpoint));
        return id;
    }

    /// <summary>The device of a dialled leg answers.</summary>
    public void Answer(string legId)
    {
        lock (_gate)
        {
            if (!_legs.TryGetValue(legId, out var leg) || leg.Answered) return;
            leg.Answered = true;
            leg.DialTimer?.Dispose();
        }
        Handler.OnLegAnswered(legId);
    }

    /// <summary>The far end of a leg hangs up (or rejects / is busy, for a ringing leg).</summary>
    public void HangupFromDevice(string legId, CallEndReason cause = CallEndReason.Normal) => EndLeg(legId, cause);

    public void SendDtmfFromDevice(string legId, string digits)
    {
        foreach (var d in digits) Handler.OnDtmf(legId, d);
    }

    /// <summary>Changes what the PBX knows of an endpoint's registration and use.</summary>
    public void SetDevice(string endpoint, bool registered, bool inUse = false)
    {
        var status = new DeviceStatus(endpoint, registered, inUse);
        lock (_gate)
        {
            _devices[endpoint] = status;
            _deviceChangedAt[endpoint] = time.GetUtcNow();
        }
        Handler.OnDeviceChanged(status);
    }

    public void SetConnected(bool connected) => Handler.OnConnectionChanged(connected, connected ? "simulator" : "simulator offline");

    /// <summary>
    /// The PBX restarts, as the Asterisk adapter finds it when it connects again (Asterisk's start time changed): the
    /// connection drops, every leg and bridge is gone, and each leg is reported ended with
    /// <see cref="CallEndReason.PbxRestarted"/>. Registrations and device states stay as they were (Asterisk keeps its
    /// phones' contacts across a restart). Returns how many legs ended.
    /// </summary>
    public int Restart()
    {
        Handler.OnConnectionChanged(false, "simulator restarting");
        List<string> legs;
        lock (_gate)
        {
            legs = _legs.Values.OrderBy(l => l.CreatedAt).Select(l => l.Id).ToList();
            foreach (var leg in _legs.Values) leg.DialTimer?.Dispose();
            _legs.Clear();
            _bridges.Clear();
            _activeRecordings.Clear();
            _recordingCalls.Clear();
        }
        Handler.OnConnectionChanged(true, "simulator");
        foreach (var leg in legs) Handler.OnLegEnded(leg, CallEndReason.PbxRestarted);
        Handler.OnCallsReported();
        return legs.Count;
    }

    /// <summary>
    /// What the Asterisk adapter does when a new CtiBridge process connects to a PBX the previous one left calls on
    /// (subscribe the new process first): every queue caller whose leg kept <c>CTI_ROLE</c> "customer", <c>CTI_CALL_ID</c>,
    /// <c>CTI_SKILL_GROUP</c> and <c>CTI_ENQUEUED_AT</c> and is in its call's bridge is reported again with
    /// <see cref="ResumedLeg"/>: alone there (waiting), or with <see cref="ResumedLeg.Connected"/> when the only other leg is
    /// an answered agent leg of the same call (<c>CTI_ROLE</c> "agent", <c>CTI_CALL_ID</c>, <c>CTI_AGENT_ID</c>; the
    /// caller's <c>CTI_ANSWERED_AT</c> if kept), also when the caller is held by the agent (<c>CTI_HELD</c> "1"), then with
    /// <see cref="ResumedConnection.CustomerHeld"/>; the call's recordings the caller's leg kept (<c>CTI_RECORDINGS</c>), the
    /// last one running only if it still records here. Anything else (consulting, variables that do not agree) is left as
    /// it is. Then says every call is reported (<see cref="IPbxEventHandler.OnCallsReported"/>). Returns how many callers were reported.
    /// </summary>
    public int ReportCallsAfterRestart()
    {
        var found = new List<IncomingLeg>();
        lock (_gate)
        {
            foreach (var leg in _legs.Values.OrderBy(l => l.CreatedAt))
            {
                if (leg.Dialled || leg.Dialplan is not { Purpose: "queue" } dialplan) continue;
                var v = leg.Variables;
                if (v.GetValueOrDefault(RoleVariable) != "customer" || !Guid.TryParse(v.GetValueOrDefault(CallIdVariable), out var callId)
                    || !Guid.TryParse(v.GetValueOrDefault(SkillGroupVariable), out var group)
                    || !long.TryParse(v.GetValueOrDefault(EnqueuedAtVariable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var since))
                    continue;
                // A held leg is out of the conversation (on Asterisk: out of the call's bridge), as the simulator models hold.
                if (!_bridges.TryGetValue(callId, out var bridge) || !bridge.Members.Contains(leg.Id)) continue;
                var others = bridge.Members.Where(m => m != leg.Id).Select(m => _legs.GetValueOrDefault(m)).ToList();
                var ringing = _legs.Values.Where(l => l.Dialled && !l.Answered && l.Variables.GetValueOrDefault(CallIdVariable) == callId.ToString()).ToList();
                ResumedConnection? connected = null;
                ResumedOffer? offer = null;
                if (others.Count > 0)
                {
                    connected = ConnectionOf(v, callId, others, ringing);
                    if (connected is null) continue;
                    connected = connected with { CustomerHeld = leg.Held };
                }
                else if (leg.Held) continue;
                else if (ringing.FirstOrDefault(l => l.Variables.GetValueOrDefault(RoleVariable) == "agent") is { } rung
                         && Guid.TryParse(rung.Variables.GetValueOrDefault(AgentIdVariable), out var rungAgent))
                    offer = new ResumedOffer(rung.Id, rungAgent);
                found.Add(new IncomingLeg(leg.Id, dialplan.Tenant, "queue", group.ToString(), leg.CallerIdNumber, leg.CallerIdName, leg.AttachedData,
                    Resumed: new ResumedLeg(callId, DateTimeOffset.FromUnixTimeMilliseconds(since), connected, offer)));
            }
        }
        foreach (var leg in found) Handler.OnIncomingLeg(leg);
        // Then, as the adapter does once the calls are back: supervisors' monitoring legs, with the other leg of their
        // session's bridge (the snoop, or after a take over the customer).
        var monitors = new List<FoundMonitorLeg>();
        lock (_gate)
            foreach (var leg in _legs.Values.Where(l => l.Dialled && l.Answered && l.Variables.GetValueOrDefault(RoleVariable) == "supervisor"))
            {
                // A session on a listening line is in the line's bridge (named on the leg), otherwise in its own.
                var bridgeKey = Guid.TryParse(leg.Variables.GetValueOrDefault(MonitoringService.LegVariables.Bridge), out var line) ? line
                    : Guid.TryParse(leg.Variables.GetValueOrDefault(MonitoringService.LegVariables.Session), out var session) ? session : Guid.Empty;
                var peer = bridgeKey != Guid.Empty && _bridges.TryGetValue(bridgeKey, out var bridge)
                    ? bridge.Members.FirstOrDefault(m => m != leg.Id)
                    : null;
                monitors.Add(new FoundMonitorLeg(leg.Id, peer, new Dictionary<string, string>(leg.Variables)));
            }
        foreach (var monitor in monitors) Handler.OnMonitorLegFound(monitor);
        Handler.OnCallsReported(); // every call it has is reported, as the adapter says once its resync is done
        return found.Count;
    }

    /// <summary>
    /// As the Asterisk adapter reads a connected call back: exactly one answered agent leg of the call among the other
    /// members, the rest a consultation or guests (answered), plus the call's consultation or guest legs still ringing.
    /// </summary>
    private ResumedConnection? ConnectionOf(IReadOnlyDictionary<string, string> customer, Guid callId, IReadOnlyList<SimLeg?> others, IReadOnlyList<SimLeg> ringing)
    {
        ResumedConnection? agent = null;
        var parties = new List<ResumedParty>();
        foreach (var other in others)
        {
            if (other?.Variables.GetValueOrDefault(RoleVariable) == MonitoringService.MixerRole) continue; // a whispering supervisor's silent party
            if (other is not { Answered: true, Held: false } || other.Variables.GetValueOrDefault(CallIdVariable) != callId.ToString()) return null;
            var vars = other.Variables;
            var agentId = Guid.TryParse(vars.GetValueOrDefault(AgentIdVariable), out var id) ? id : (Guid?)null;
            var muted = vars.GetValueOrDefault(TenantCallCenter.LegVariables.Muted) == "1";
            switch (vars.GetValueOrDefault(RoleVariable))
            {
                case "agent" when agent is null && agentId is not null:
                    agent = new ResumedConnection(other.Id, agentId.Value, null, AgentMuted: muted);
                    break;
                case "consult" or "guest" when vars.GetValueOrDefault(RoleVariable) is { } role:
                    parties.Add(new ResumedParty(other.Id, role == "consult", agentId, vars.GetValueOrDefault(TenantCallCenter.LegVariables.Number) ?? "", Answered: true, muted));
                    break;
                default:
                    return null;
            }
        }
        if (agent is null) return null;
        foreach (var r in ringing)
            if (r.Variables.GetValueOrDefault(RoleVariable) is "consult" or "guest")
                parties.Add(new ResumedParty(r.Id, r.Variables[RoleVariable] == "consult",
                    Guid.TryParse(r.Variables.GetValueOrDefault(AgentIdVariable), out var rid) ? rid : null,
                    r.Variables.GetValueOrDefault(TenantCallCenter.LegVariables.Number) ?? "", Answered: false));
        DateTimeOffset? answeredAt = long.TryParse(customer.GetValueOrDefault(AnsweredAtVariable), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        var recordings = TenantCallCenter.LegVariables.ParseRecordings(customer.GetValueOrDefault(TenantCallCenter.LegVariables.Recordings));
        if (recordings is { Running: true } && !_activeRecordings.Contains(recordings.Started[^1].Name))
            recordings = _recordings.ContainsKey(recordings.Started[^1].Name)
                ? recordings with { Running = false, Paused = false } // it ended meanwhile
                : recordings with { Running = false, Paused = false, Started = recordings.Started.SkipLast(1).ToList() }; // it never began
        return agent with { AnsweredAt = answeredAt, Recordings = recordings, Parties = parties };
    }

    private const string RoleVariable = TenantCallCenter.LegVariables.Role, CallIdVariable = TenantCallCenter.LegVariables.CallId,
        AgentIdVariable = TenantCallCenter.LegVariables.AgentId, SkillGroupVariable = TenantCallCenter.LegVariables.SkillGroup,
        EnqueuedAtVariable = TenantCallCenter.LegVariables.EnqueuedAt, AnsweredAtVariable = TenantCallCenter.LegVariables.AnsweredAt,
        HeldVariable = TenantCallCenter.LegVariables.Held;

    public IReadOnlyList<SimLeg> Legs { get { lock (_gate) return _legs.Values.ToList(); } }

    public IReadOnlyList<SimBridge> Bridges { get { lock (_gate) return _bridges.Values.ToList(); } }

    public SimLeg? Leg(string legId) { lock (_gate) return _legs.GetValueOrDefault(legId); }

    /// <summary>The newest ringing leg dialled to an endpoint (an agent's phone), if any.</summary>
    public SimLeg? RingingAt(string endpoint)
    {
        lock (_gate)
            return _legs.Values.Where(l => l.Dialled && !l.Answered && string.Equals(l.Endpoint, endpoint, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(l => l.CreatedAt).FirstOrDefault();
    }

    /// <summary>When <see cref="SetDevice"/> last changed the endpoint (null: never).</summary>
    public DateTimeOffset? DeviceChangedAt(string endpoint) { lock (_gate) return _deviceChangedAt.TryGetValue(endpoint, out var at) ? at : null; }

    /// <summary>When the simulator was made: its phones, registered unless told otherwise, have been since then.</summary>
    public DateTimeOffset CreatedAt { get; } = time.GetUtcNow();

    public IReadOnlyDictionary<string, DeviceStatus> Devices { get { lock (_gate) return new Dictionary<string, DeviceStatus>(_devices); } }

    public bool IsRecording(string name) { lock (_gate) return _activeRecordings.Contains(name); }

    /// <summary>The PBX ends the call's running recording on its own; false when the call records nothing.</summary>
    public bool EndRecordingOf(Guid callId, string? failure = null)
    {
        string? name;
        lock (_gate) name = _recordingCalls.FirstOrDefault(r => r.Value == callId && _activeRecordings.Contains(r.Key)).Key;
        if (name is null) return false;
        EndRecording(name, failure);
        return true;
    }

    /// <summary>The PBX ends a running recording on its own (as Asterisk does when its recorder fails or gets no sound).</summary>
    public void EndRecording(string name, string? failure = null)
    {
        Guid callId;
        lock (_gate)
        {
            if (!_activeRecordings.Remove(name) || !_recordingCalls.Remove(name, out callId)) return;
            _recordings[name] = SilentWav(TimeSpan.FromSeconds(1));
        }
        Handler.OnRecordingEnded(callId, name, failure);
    }

    // ---- IPbx ----

    public Task AcceptCallAsync(Guid callId, string legId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var leg = LegOrThrow(legId);
            leg.Answered = true;
            AddToBridge(callId, leg);
        }
        return Task.CompletedTask;
    }

    public Task StartCallMusicAsync(Guid callId, string? mohClass, CancellationToken ct = default)
    {
        lock (_gate) BridgeOf(callId).MusicClass = mohClass ?? "default";
        return Task.CompletedTask;
    }

    public Task StopCallMusicAsync(Guid callId, CancellationToken ct = default)
    {
        lock (_gate)
            if (_bridges.TryGetValue(callId, out var b)) b.MusicClass = null;
        return Task.CompletedTask;
    }

    public Task DialAsync(Guid callId, string legId, DialTarget target, CancellationToken ct = default)
    {
        SimLeg leg;
        bool unreachable;
        lock (_gate)
        {
            if (_legs.ContainsKey(legId)) throw new InvalidOperationException($"Leg {legId} already exists.");
            leg = new SimLeg(legId, target.Endpoint, dialled: true, time.GetUtcNow())
            {
                AutoAnswer = target.AutoAnswer, CallerIdNumber = target.CallerIdNumber, CallerIdName = target.CallerIdName,
                Variables = target.Variables,
            };
            _legs[legId] = leg;
            unreachable = _devices.TryGetValue(target.Endpoint, out var d) && !d.Registered;
            if (!unreachable)
                leg.DialTimer = time.CreateTimer(_ => EndLeg(legId, CallEndReason.NoAnswer), null, target.Timeout, Timeout.InfiniteTimeSpan);
        }
        if (unreachable) { EndLeg(legId, CallEndReason.Unreachable); return Task.CompletedTask; }
        LegDialled?.Invoke(leg);
        var external = !target.Endpoint.Contains('-') || target.Endpoint.Contains("trunk", StringComparison.OrdinalIgnoreCase);
        if (target.Endpoint.StartsWith("Local/", StringComparison.Ordinal))
            Answer(legId); // a dialplan extension that answers at once (the monitoring's silent party)
        else if (external && _options.ExternalAnswerDelay is { } delay)
            time.CreateTimer(_ => Answer(legId), null, delay, Timeout.InfiniteTimeSpan);
        else if (target.AutoAnswer && _options.HonourAutoAnswer)
            Answer(legId);
        return Task.CompletedTask;
    }

    public Task JoinCallAsync(Guid callId, string legId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_joinsToFail.Remove(legId)) throw new InvalidOperationException($"The PBX did not answer the join of leg {legId} (simulated).");
            AddToBridge(callId, LegOrThrow(legId));
        }
        return Task.CompletedTask;
    }

    private readonly HashSet<string> _joinsToFail = new();

    /// <summary>The next join of <paramref name="legId"/> to its call fails, as when the connection breaks under the request.</summary>
    public void FailNextJoin(string legId) { lock (_gate) _joinsToFail.Add(legId); }

    public Task LeaveCallAsync(Guid callId, string legId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_bridges.TryGetValue(callId, out var b)) b.Members.Remove(legId);
            if (_legs.TryGetValue(legId, out var l)) l.InCall = null;
        }
        return Task.CompletedTask;
    }

    public Task HangupAsync(string legId, CallEndReason reason, CancellationToken ct = default)
    {
        EndLeg(legId, reason);
        return Task.CompletedTask;
    }

    public Task EndCallAsync(Guid callId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_bridges.Remove(callId, out var b)) return Task.CompletedTask;
            foreach (var m in b.Members) if (_legs.TryGetValue(m, out var l)) l.InCall = null;
        }
        return Task.CompletedTask;
    }

    public Task HoldAsync(string legId, string? mohClass, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var leg = LegOrThrow(legId);
            leg.Held = true;
            leg.HeldMusicClass = mohClass ?? "default";
        }
        return Task.CompletedTask;
    }

    public Task ResumeAsync(string legId, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var leg = LegOrThrow(legId);
            leg.Held = false;
            leg.HeldMusicClass = null;
        }
        return Task.CompletedTask;
    }

    public Task MuteAsync(string legId, bool muted, CancellationToken ct = default)
    {
        lock (_gate) LegOrThrow(legId).Muted = muted;
        return Task.CompletedTask;
    }

    public Task SendDtmfAsync(string legId, string digits, CancellationToken ct = default)
    {
        lock (_gate) LegOrThrow(legId).DtmfSent.Add(digits);
        return Task.CompletedTask;
    }

    public Task SetLegVariablesAsync(string legId, IReadOnlyDictionary<string, string> variables, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var leg = LegOrThrow(legId);
            var merged = new Dictionary<string, string>(leg.Variables);
            foreach (var (k, v) in variables) merged[k] = v;
            leg.Variables = merged;
        }
        return Task.CompletedTask;
    }

    public Task PlayAsync(string legId, IReadOnlyList<string> media, CancellationToken ct = default)
    {
        SimLeg leg;
        lock (_gate)
        {
            leg = LegOrThrow(legId);
            leg.Played.AddRange(media);
        }
        PromptsPlayed?.Invoke(leg, media);
        Handler.OnPlaybackFinished(legId);
        return Task.CompletedTask;
    }

    public Task AnswerLegAsync(string legId, CancellationToken ct = default)
    {
        lock (_gate) LegOrThrow(legId);
        Answer(legId);
        return Task.CompletedTask;
    }

    public Task RedirectAsync(string legId, string destination, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_legs.Remove(legId, out var leg)) return Task.CompletedTask;
            leg.RedirectedTo = destination;
            RedirectedLegs.Add(leg);
            if (leg.InCall is { } call && _bridges.TryGetValue(call, out var b)) b.Members.Remove(legId);
        }
        return Task.CompletedTask;
    }

    /// <summary>Legs sent to a dialplan destination (they left the app).</summary>
    public List<SimLeg> RedirectedLegs { get; } = new();

    public Task StartRecordingAsync(Guid callId, string recordingName, CancellationToken ct = default)
    {
        lock (_gate)
        {
            BridgeOf(callId);
            _activeRecordings.Add(recordingName);
            _recordingCalls[recordingName] = callId;
        }
        return Task.CompletedTask;
    }

    public Task StopRecordingAsync(string recordingName, CancellationToken ct = default)
    {
        lock (_gate)
        {
            _recordingCalls.Remove(recordingName);
            if (_activeRecordings.Remove(recordingName)) _recordings[recordingName] = SilentWav(TimeSpan.FromSeconds(1));
        }
        return Task.CompletedTask;
    }

    public Task PauseRecordingAsync(string recordingName, bool paused, CancellationToken ct = default) => Task.CompletedTask;

    public Task<bool> DeleteRecordingAsync(string recordingName, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_recordings.Remove(recordingName));
    }

    public Task<Stream?> OpenRecordingAsync(string recordingName, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult<Stream?>(_recordings.TryGetValue(recordingName, out var bytes) ? new MemoryStream(bytes, writable: false) : null);
    }

    public Task SnoopAsync(Guid bridgeOwnerId, string snoopLegId, string targetLegId, SnoopAudio spy, SnoopAudio whisper,
        CancellationToken ct = default)
    {
        lock (_gate)
        {
            var target = LegOrThrow(targetLegId);
            if (_legs.ContainsKey(snoopLegId)) throw new InvalidOperationException($"Leg {snoopLegId} already exists.");
            var snoop = new SimLeg(snoopLegId, "Snoop/" + target.Id, dialled: true, time.GetUtcNow())
            {
                Answered = true, SnoopOf = target.Id, Spy = spy, Whisper = whisper,
            };
            _legs[snoopLegId] = snoop;
            AddToBridge(bridgeOwnerId, snoop);
        }
        Handler.OnLegAnswered(snoopLegId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether <paramref name="listener"/> hears <paramref name="speaker"/>: both in one bridge (neither held, the speaker not
    /// muted), or through a snoop leg (supervision) — a snoop spying "in" brings its target's voice to its bridge, "out"
    /// what the target hears; whispering "out" brings its bridge's voices to the target, "in" to those who hear the target.
    /// </summary>
    public bool Hears(string listener, string speaker)
    {
        lock (_gate)
        {
            if (listener == speaker) return false;
            if (Direct(listener, speaker)) return true;
            foreach (var snoop in _legs.Values.Where(l => l.SnoopOf is not null && l.InCall is not null))
            {
                var target = snoop.SnoopOf!;
                var listenerWithSnoop = !IsSnoop(listener) && SameBridge(listener, snoop.Id);
                if (listenerWithSnoop && snoop.Spy.HasFlag(SnoopAudio.In) && speaker == target && !IsMuted(target)) return true;
                if (listenerWithSnoop && snoop.Spy.HasFlag(SnoopAudio.Out) && Direct(target, speaker)) return true;
                var speakerWithSnoop = !IsSnoop(speaker) && !IsMuted(speaker) && SameBridge(snoop.Id, speaker);
                if (speakerWithSnoop && snoop.Whisper.HasFlag(SnoopAudio.Out) && listener == target) return true;
                if (speakerWithSnoop && snoop.Whisper.HasFlag(SnoopAudio.In) && !IsSnoop(listener) && SameBridge(listener, target)) return true;
            }
            return false;
        }
    }

    private bool SameBridge(string a, string b) =>
        a != b && _legs.TryGetValue(a, out var x) && _legs.TryGetValue(b, out var y) && x.InCall is { } bridge && y.InCall == bridge
        && !x.Held && !y.Held;

    private bool Direct(string listener, string speaker) =>
        !IsSnoop(listener) && !IsSnoop(speaker) && !IsMuted(speaker) && SameBridge(listener, speaker);

    private bool IsSnoop(string legId) => _legs.TryGetValue(legId, out var l) && l.SnoopOf is not null;

    private bool IsMuted(string legId) => _legs.TryGetValue(legId, out var l) && l.Muted;

    // ---- internals ----

    private IPbxEventHandler Handler => _handler ?? throw new InvalidOperationException("Nobody subscribed to the simulator's events.");

    private void EndLeg(string legId, CallEndReason cause)
    {
        List<string> snoops;
        lock (_gate)
        {
            if (!_legs.Remove(legId, out var leg)) return;
            leg.DialTimer?.Dispose();
            if (leg.InCall is { } call && _bridges.TryGetValue(call, out var b)) b.Members.Remove(legId);
            snoops = _legs.Values.Where(l => l.SnoopOf == legId).Select(l => l.Id).ToList();
        }
        Handler.OnLegEnded(legId, cause);
        // As on Asterisk, a snoop leg ends with the leg it listens to.
        foreach (var snoop in snoops) EndLeg(snoop, CallEndReason.Normal);
    }

    private SimLeg LegOrThrow(string legId) =>
        _legs.TryGetValue(legId, out var leg)
            ? leg
            : throw new CtiException(ErrorCodes.CallNotFound, $"The leg {legId} is gone.", ErrorKind.Conflict);

    private SimBridge BridgeOf(Guid callId)
    {
        if (!_bridges.TryGetValue(callId, out var b)) _bridges[callId] = b = new SimBridge(callId);
        return b;
    }

    private void AddToBridge(Guid callId, SimLeg leg)
    {
        if (leg.InCall is { } previous && previous != callId && _bridges.TryGetValue(previous, out var old)) old.Members.Remove(leg.Id);
        BridgeOf(callId).Members.Add(leg.Id);
        leg.InCall = callId;
    }

    private static byte[] SilentWav(TimeSpan length)
    {
        const int rate = 8000;
        var samples = (int)(rate * length.TotalSeconds);
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8); w.Write(36 + samples * 2); w.Write("WAVE"u8);
        w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write((short)1); w.Write(rate); w.Write(rate * 2); w.Write((short)2); w.Write((short)16);
        w.Write("data"u8); w.Write(samples * 2); w.Write(new byte[samples * 2]);
        w.Flush();
        return ms.ToArray();
    }
}

/// <summary>How the simulator behaves where a real PBX would depend on people.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Numbers dialled outside (customers, guests) answer after this delay; null: only when told.</summary>
    public TimeSpan? ExternalAnswerDelay { get; init; }
    /// <summary>Whether a leg dialled with auto-answer is answered at once (as a phone honouring the header would).</summary>
    public bool HonourAutoAnswer { get; init; } = true;
}
