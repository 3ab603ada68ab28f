using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Pbx;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Supervision;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Supervision.Monitoring;

/// <summary>
/// Silent monitor, whisper, barge and take over. A session rings the supervisor's own device (auto-answer) into a bridge
/// of its own (the PBX bridge of the session's id); once it answers, a snoop leg on the agent's leg joins that bridge with
/// the mode's directions: monitor hears both ways and speaks nowhere, whisper speaks to the agent only, barge to both
/// sides of the agent's leg. Switching mode replaces the snoop leg (the supervisor's leg stays: no new call). Take over
/// asks the call center to hand the customer's leg over (the agent's leg leaves, the agent goes to wrap-up) and puts it
/// in the session's bridge with the supervisor. A supervisor monitors one call at a time. The session ends when the
/// supervisor stops or hangs up, when the agent's leg ends (the call ends, or the agent transfers it or hangs up: the
/// snoop leg ends with it), or, after a take over, when the customer hangs up; every session goes to the audit log.
/// Decisions are made under one lock; PBX commands run outside it, in order, on the session's own lane.
/// </summary>
public sealed partial class MonitoringService : ISupervisionLegHandler
{
    /// <summary>How long the supervisor's device may ring.</summary>
    public static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A silent party (asterisk-config's <c>[cti-silent]</c>: answers and says nothing) added to the call's bridge while the
    /// supervisor speaks to the agent. Asterisk bridges two parties by passing frames on, so while the customer sends no
    /// audio (a trunk with silence suppression) the agent's leg is written nothing and a whisper has nothing to ride on;
    /// with a third party Asterisk mixes, and every party gets a frame every 20 ms (docs/supervision.md).
    /// </summary>
    public const string MixerEndpoint = "Local/s@cti-silent/n";

    /// <summary>The silent party's <c>CTI_ROLE</c>: the take-back of a connected call after a restart passes it over.</summary>
    public const string MixerRole = "supervisor-mixer";

    /// <summary>The sound played to the monitored parties when the tenant tells them and names none (the tenant's <c>monitoringNoticeSound</c>).</summary>
    public const string NoticeSound = "sound:beep";

    private readonly object _gate = new();
    private readonly Dictionary<(Guid Tenant, Guid Supervisor), Session> _bySupervisor = new();
    private readonly Dictionary<string, Session> _byLeg = new(StringComparer.Ordinal);
    private readonly CallCenterService _centers;
    private readonly ICallCenterEventSink _events;
    private readonly IMonitoringAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public MonitoringService(CallCenterService centers, ICallCenterEventSink events, IMonitoringAuditLog audit, TimeProvider time,
        ILogger<MonitoringService> log)
    {
        _centers = centers;
        _events = events;
        _audit = audit;
        _time = time;
        _log = log;
        centers.Supervision = this;
    }


    private sealed class Session(MonitoringSession state, TenantCallCenter center, string supervisorLeg, string agentLeg, bool told)
    {
        public MonitoringSession State { get; } = state;
        public TenantCallCenter Center { get; } = center;
        public string SupervisorLeg { get; } = supervisorLeg;
        public string AgentLeg { get; } = agentLeg;
        public bool Told { get; } = told;
        /// <summary>The PBX bridge the supervisor's leg is in: the session's own, or its listening line's.</summary>
        public Guid BridgeKey { get; init; } = state.Id;
        /// <summary>The listening line the session runs on (its leg is the line's), or null: a leg rung for this session.</summary>
        public ListeningLine? Line { get; init; }
        public bool Answered { get; set; }
        public string? SnoopLeg { get; set; }
        /// <summary>The silent party in the call's bridge while the supervisor speaks to the agent (<see cref="MixerEndpoint"/>).</summary>
        public string? MixerLeg { get; set; }
        public string? CustomerLeg { get; set; }
        /// <summary>Whether the supervisor's teams allow a silent monitor: where a take over asked for at the start cannot happen, the session goes on as one.</summary>
        public bool MayMonitor { get; init; }
        public SerialQueue Lane { get; } = new();
        public MonitoringView View => MonitoringView.Of(State, Told);
    }

    // ---------------------------------------------------------------- requests

    /// <summary>The supervisor's session, or null.</summary>
    public MonitoringView? Current(Guid tenantId, Guid supervisorId)
    {
        lock (_gate) return _bySupervisor.TryGetValue((tenantId, supervisorId), out var s) ? s.View : null;
    }

    /// <summary>
    /// Starts monitoring <paramref name="agentId"/>'s call in <paramref name="mode"/>: rings the supervisor's device with
    /// auto-answer. Refusals: <c>not_your_agent</c> (403, outside the supervisor's teams), <c>monitoring_mode_not_allowed</c>
    /// (403, the teams' permission), <c>already_monitoring</c> (409), <c>no_supervisor_device</c> (409),
    /// <c>agent_not_on_call</c> (409), <c>take_over_not_possible</c> (409, take over during a consultation, a conference or self-service).
    /// </summary>
    public MonitoringView Start(TenantCallCenter center, TenantSupervision supervision, Guid supervisorId, Guid agentId, MonitoringMode mode)
    {
        Session session;
        DialTarget? target = null; // null: the session runs on the supervisor's open listening line, nothing rings
        lock (_gate)
        {
            if (!center.HasAgent(agentId) || !supervision.MaySupervise(supervisorId, agentId))
                throw new CtiException(ErrorCodes.NotYourAgent, "This agent is not in one of your teams.", ErrorKind.Forbidden);
            CheckAllowed(supervision, supervisorId, agentId, mode);
            if (_bySupervisor.ContainsKey((center.TenantId, supervisorId)))
                throw new CtiException(ErrorCodes.AlreadyMonitoring, "You are monitoring a call already; stop it first.");
            var endpoint = DeviceOf(center, supervision, supervisorId)
                ?? throw new CtiException(ErrorCodes.NoSupervisorDevice,
                    "You have no device to listen on: an admin gives you a supervisor extension (or an agent extension).");
            var call = center.MonitorableCallOf(agentId)
                ?? throw new CtiException(ErrorCodes.AgentNotOnCall, "The agent is not talking on a call now.");
            if (mode == MonitoringMode.TakeOver && !call.TakeOverPossible)
                throw new CtiException(ErrorCodes.TakeOverNotPossible,
                    "Only a call between the agent and the customer alone can be taken over (no consultation, conference or self-service).");
            var mayMonitor = supervision.MonitoringModesFor(supervisorId, agentId).Allows(MonitoringMode.Monitor);
            var now = _time.GetUtcNow();
            var state = new MonitoringSession(Guid.NewGuid(), center.TenantId, supervisorId, agentId, call.CallId, mode, now);
            if (_lines.TryGetValue((center.TenantId, supervisorId), out var line) && line.Answered && line.InUse is null)
                session = StartOnLine(center, line, state, call.AgentLegId, mayMonitor);
            else
            {
                session = new Session(state, center, "cti-sup-" + Guid.NewGuid().ToString("N")[..16], call.AgentLegId,
                    center.Configuration.Settings.TellMonitoredParties) { MayMonitor = mayMonitor };
                _bySupervisor[(center.TenantId, supervisorId)] = session;
                _byLeg[session.SupervisorLeg] = session;
                var agentName = center.GetAgent(agentId).DisplayName;
                target = new DialTarget(endpoint, center.GetAgent(agentId).Extension, "Monitor " + agentName, RingTimeout, AutoAnswer: true,
                    new Dictionary<string, string>
                    {
                        ["CTI_ROLE"] = "supervisor",
                        [LegVariables.Session] = state.Id.ToString("N"),
                        ["CTI_CALL_ID"] = call.CallId.ToString("N"),
                        // What the next process needs to take the session back after a restart (OnMonitorLegFound).
                        [LegVariables.Tenant] = center.TenantId.ToString("N"),
                        [LegVariables.Supervisor] = supervisorId.ToString("N"),
                        [LegVariables.Agent] = agentId.ToString("N"),
                        [LegVariables.AgentLeg] = call.AgentLegId,
                        [LegVariables.Mode] = mode.ToString(),
                        [LegVariables.ModeSince] = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    });
            }
        }
        var view = session.View;
        if (target is { } dial) session.Lane.Post(() => session.Center.Pbx.DialAsync(session.State.Id, session.SupervisorLeg, dial), ex => Failed(session, ex));
        else session.Lane.Post(() => RunOnLineAsync(session), ex => Failed(session, ex));
        return view;
    }

    /// <summary>
    /// Switches the supervisor's session to <paramref name="mode"/> on the same device leg. Before the device answers it
    /// only changes the mode to start in. Take over ends the session's listening: the supervisor keeps the customer.
    /// Refusals: <c>not_monitoring</c> (404), <c>monitoring_mode_not_allowed</c> (403), <c>take_over_not_possible</c> (409).
    /// </summary>
    public async Task<MonitoringView> SwitchAsync(Guid tenantId, TenantSupervision supervision, Guid supervisorId, MonitoringMode mode)
    {
        Session session;
        MonitoringMode previous;
        bool apply;
        lock (_gate)
        {
            session = SessionOf(tenantId, supervisorId);
            CheckAllowed(supervision, supervisorId, session.State.AgentId, mode);
            if (session.State.TakenOver)
                throw new CtiException(ErrorCodes.TakeOverNotPossible, "The call was taken over: it is your call now.");
            previous = session.State.Mode;
            if (mode == previous) return session.View;
            apply = session.Answered;
            if (!apply || mode != MonitoringMode.TakeOver)
            {
                session.State.SwitchTo(mode, _time.GetUtcNow());
                if (apply) _events.Publish(new MonitoringModeChangedEvent(tenantId, session.View, previous));
            }
        }
        if (!apply) return session.View;
        if (mode == MonitoringMode.TakeOver)
        {
            // The call center decides whether the call can be taken over; the session changes only once it was.
            await RunOnLane(session, () => TakeOverAsync(session)).ConfigureAwait(false);
            lock (_gate)
            {
                if (session.State.State == MonitoringState.Ended) return session.View;
                session.State.SwitchTo(mode, _time.GetUtcNow());
                _events.Publish(new MonitoringModeChangedEvent(tenantId, session.View, previous));
                return session.View;
            }
        }
        await RunOnLane(session, () => SnoopAsync(session, mode)).ConfigureAwait(false);
        return session.View;
    }

    /// <summary>Stops the supervisor's session: their device leg is hung up (after a take over, the customer's too).</summary>
    public void Stop(Guid tenantId, Guid supervisorId)
    {
        Session session;
        lock (_gate) session = SessionOf(tenantId, supervisorId);
        End(session, MonitoringEndReason.Stopped);
    }

    // ---------------------------------------------------------------- PBX events

    public void OnLegAnswered(string legId)
    {
        if (OnLineLegAnswered(legId)) return;
        Session? session;
        bool callGone;
        lock (_gate)
        {
            if (_byLeg.TryGetValue(legId, out var mixing) && legId == mixing.MixerLeg)
            {
                mixing.Lane.Post(() => mixing.Center.Pbx.JoinCallAsync(mixing.State.CallId, legId),
                    ex => _log.LogWarning("Monitoring session {SessionId}: the silent party could not join the call: {Message}", mixing.State.Id, ex.Message));
                return;
            }
            if (!_byLeg.TryGetValue(legId, out session) || legId != session.SupervisorLeg || session.Answered) return;
            session.Answered = true;
            // The call may have ended, or gone to someone else, while the supervisor's device rang.
            callGone = session.Center.MonitorableCallOf(session.State.AgentId) is not { } call || call.CallId != session.State.CallId
                || call.AgentLegId != session.AgentLeg;
            if (!callGone)
            {
                session.State.Connected(_time.GetUtcNow());
                if (session.State.Mode != MonitoringMode.TakeOver) _events.Publish(new MonitoringStartedEvent(session.State.TenantId, session.View));
            }
        }
        if (callGone) { End(session, MonitoringEndReason.CallEnded); return; }
        var mode = session.State.Mode;
        session.Lane.Post(async () =>
        {
            await session.Center.Pbx.JoinCallAsync(session.State.Id, session.SupervisorLeg).ConfigureAwait(false);
            if (mode == MonitoringMode.TakeOver) await TakeOverAtStartAsync(session).ConfigureAwait(false);
            else await SnoopAsync(session, mode).ConfigureAwait(false);
        }, ex => Failed(session, ex));
    }

    public void OnLegEnded(string legId, CallEndReason cause)
    {
        Session? session;
        MonitoringEndReason reason;
        if (OnLineLegEnded(legId)) return;
        lock (_gate)
        {
            if (!_byLeg.Remove(legId, out session)) return;
            if (legId == session.MixerLeg) { session.MixerLeg = null; return; } // the silent party went: no end of the session
            if (legId == session.SupervisorLeg)
                reason = session.Answered ? MonitoringEndReason.SupervisorHungUp : MonitoringEndReason.SupervisorUnreachable;
            else if (legId == session.CustomerLeg) reason = MonitoringEndReason.CustomerHungUp;
            else if (legId == session.SnoopLeg) reason = MonitoringEndReason.CallEnded; // the agent's leg ended: a snoop ends with it
            else return; // a snoop leg replaced by a change of mode
        }
        End(session, reason);
    }

    // ---------------------------------------------------------------- steps (on the session's lane)

    private async Task SnoopAsync(Session session, MonitoringMode mode)
    {
        var (spy, whisper) = Directions(mode);
        var snoop = "cti-snp-" + Guid.NewGuid().ToString("N")[..16];
        string? previous;
        lock (_gate)
        {
            if (session.State.State == MonitoringState.Ended) return;
            previous = session.SnoopLeg;
            if (previous is not null) _byLeg.Remove(previous);
            session.SnoopLeg = snoop;
            _byLeg[snoop] = session;
        }
        // The new snoop first, then the old one goes: the supervisor never hears a gap of silence between modes.
        await session.Center.Pbx.SnoopAsync(session.BridgeKey, snoop, session.AgentLeg, spy, whisper).ConfigureAwait(false);
        if (previous is not null) await session.Center.Pbx.HangupAsync(previous, CallEndReason.Normal).ConfigureAwait(false);
        await KeepModeAsync(session, mode).ConfigureAwait(false);
        await NoticeAsync(session).ConfigureAwait(false);
        await MixAsync(session, whisper != SnoopAudio.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the silent party to the call's bridge (<paramref name="on"/>) or takes it out. Without it a whisper is lost
    /// while the customer is silent, so a failure is logged and the session goes on as before.
    /// </summary>
    private async Task MixAsync(Session session, bool on)
    {
        string leg;
        lock (_gate)
        {
            if (session.State.State == MonitoringState.Ended || on == session.MixerLeg is not null) return;
            if (on)
            {
                leg = "cti-mix-" + Guid.NewGuid().ToString("N")[..16];
                session.MixerLeg = leg;
                _byLeg[leg] = session;
            }
            else
            {
                leg = session.MixerLeg!;
                session.MixerLeg = null;
                _byLeg.Remove(leg);
            }
        }
        if (!on)
        {
            await HangupQuietlyAsync(session.Center.Pbx, leg).ConfigureAwait(false);
            await KeepMixerAsync(session, "").ConfigureAwait(false);
            return;
        }
        try
        {
            await session.Center.Pbx.DialAsync(session.State.CallId, leg, new DialTarget(MixerEndpoint, "", "Monitoring", RingTimeout, AutoAnswer: false,
                new Dictionary<string, string> { ["CTI_ROLE"] = MixerRole, [LegVariables.Session] = session.State.Id.ToString("N") })).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning("Monitoring session {SessionId}: the silent party for the whisper could not be added ({Message}); the agent hears the supervisor only while the customer sends audio",
                session.State.Id, ex.Message);
            lock (_gate)
                if (session.MixerLeg == leg) { session.MixerLeg = null; _byLeg.Remove(leg); }
            return;
        }
        await KeepMixerAsync(session, leg).ConfigureAwait(false);
    }

    /// <summary>The silent party's leg on the supervisor's leg: a restart hangs it up with the session.</summary>
    private async Task KeepMixerAsync(Session session, string mixerLeg)
    {
        try { await session.Center.Pbx.SetLegVariablesAsync(session.SupervisorLeg, new Dictionary<string, string> { [LegVariables.Mixer] = mixerLeg }).ConfigureAwait(false); }
        catch (CtiException ex) { _log.LogDebug("Monitoring session {SessionId}: {Message}", session.State.Id, ex.Message); }
    }

    /// <summary>
    /// A session started in take over, its device answered: takes the call over. When the call changed while the device
    /// rang (a consultation, a conference or self-service began), it cannot be taken over: the session goes on as a silent
    /// monitor if the supervisor's teams allow one (the started event says which mode runs), else it ends as failed.
    /// </summary>
    private async Task TakeOverAtStartAsync(Session session)
    {
        try { await TakeOverAsync(session).ConfigureAwait(false); }
        catch (CtiException ex) when (ex.Code == ErrorCodes.TakeOverNotPossible && session.MayMonitor)
        {
            _log.LogInformation("Monitoring session {SessionId}: the call cannot be taken over now ({Message}); monitoring it silently instead",
                session.State.Id, ex.Message);
            lock (_gate)
            {
                if (session.State.State == MonitoringState.Ended) return;
                session.State.TakeOverNotDone();
            }
            await SnoopAsync(session, MonitoringMode.Monitor).ConfigureAwait(false);
        }
        lock (_gate)
            if (session.State.State != MonitoringState.Ended)
                _events.Publish(new MonitoringStartedEvent(session.State.TenantId, session.View));
    }

    private async Task TakeOverAsync(Session session)
    {
        string? snoop;
        lock (_gate)
        {
            if (session.State.State == MonitoringState.Ended) return;
            // The agent's leg leaves: its snoop ends with it, which is no end of this session.
            snoop = session.SnoopLeg;
            if (snoop is not null) _byLeg.Remove(snoop);
            session.SnoopLeg = null;
        }
        await MixAsync(session, on: false).ConfigureAwait(false);
        string customer;
        try
        {
            customer = await session.Center.HandOverToSupervisorAsync(session.State.AgentId, session.State.CallId).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
                if (snoop is not null && session.State.State != MonitoringState.Ended) { session.SnoopLeg = snoop; _byLeg[snoop] = session; }
            throw;
        }
        lock (_gate)
        {
            session.CustomerLeg = customer;
            _byLeg[customer] = session;
        }
        if (snoop is not null) await session.Center.Pbx.HangupAsync(snoop, CallEndReason.Normal).ConfigureAwait(false);
        await session.Center.Pbx.JoinCallAsync(session.BridgeKey, customer).ConfigureAwait(false);
        bool ended;
        lock (_gate) ended = session.State.State == MonitoringState.Ended;
        if (ended) await session.Center.Pbx.HangupAsync(customer, CallEndReason.Normal).ConfigureAwait(false); // the supervisor went meanwhile
        else
        {
            await KeepModeAsync(session, MonitoringMode.TakeOver).ConfigureAwait(false);
            await NoticeAsync(session).ConfigureAwait(false);
        }
    }

    /// <summary>The mode in use and since when, on the supervisor's leg: what a restart reads back (<see cref="OnMonitorLegFound"/>).</summary>
    private Task KeepModeAsync(Session session, MonitoringMode mode) =>
        session.Center.Pbx.SetLegVariablesAsync(session.SupervisorLeg, new Dictionary<string, string>
        {
            [LegVariables.Mode] = mode.ToString(),
            [LegVariables.ModeSince] = _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>The channel variables a session keeps on the supervisor's leg.</summary>
    public static class LegVariables
    {
        public const string Session = "CTI_MONITORING", Tenant = "CTI_TENANT_ID", Supervisor = "CTI_SUPERVISOR_ID", Agent = "CTI_AGENT_ID",
            AgentLeg = "CTI_AGENT_LEG", Mode = "CTI_MONITOR_MODE", ModeSince = "CTI_MONITOR_SINCE";
        /// <summary>The bridge the supervisor's leg is in when it is not the session's own (a listening line's).</summary>
        public const string Bridge = "CTI_MONITOR_BRIDGE";
        /// <summary>The silent party in the call's bridge while the supervisor speaks to the agent ("" when none).</summary>
        public const string Mixer = "CTI_MONITOR_MIXER";
    }

    // ---------------------------------------------------------------- after a restart

    /// <summary>
    /// A monitoring leg a previous process left, found once the calls were taken back: the session is taken back as it
    /// was — the same supervisor, agent, call and mode, listening through the same snoop leg (or, after a take over,
    /// talking to the customer) — when its call is still the agent's call on the same agent leg and the supervisor has no
    /// other session; the supervisor can switch mode and stop as before, and its end is audited (its periods from the
    /// last change of mode before the restart). Anything else is hung up: no supervisor is left listening uncontrolled.
    /// </summary>
    public void OnMonitorLegFound(FoundMonitorLeg found)
    {
        var v = found.Variables;
        Guid Id(string name) => Guid.TryParse(v.GetValueOrDefault(name), out var g) ? g : Guid.Empty;
        var (sessionId, tenantId, supervisorId, agentId, callId) = (Id(LegVariables.Session), Id(LegVariables.Tenant), Id(LegVariables.Supervisor),
            Id(LegVariables.Agent), Id("CTI_CALL_ID"));
        var agentLeg = v.GetValueOrDefault(LegVariables.AgentLeg) ?? "";
        var valid = Enum.TryParse<MonitoringMode>(v.GetValueOrDefault(LegVariables.Mode), out var mode)
                    & long.TryParse(v.GetValueOrDefault(LegVariables.ModeSince), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sinceMs);
        Session? session = null;
        lock (_gate)
        {
            var center = tenantId == Guid.Empty ? null : _centers.FindTenant(tenantId);
            var call = center?.MonitorableCallOf(agentId);
            var takenBack = valid && sessionId != Guid.Empty && supervisorId != Guid.Empty && center is not null && found.PeerLegId is not null
                            && !_bySupervisor.ContainsKey((tenantId, supervisorId))
                            && (mode == MonitoringMode.TakeOver || (call is not null && call.CallId == callId && call.AgentLegId == agentLeg));
            if (takenBack)
            {
                var since = DateTimeOffset.FromUnixTimeMilliseconds(sinceMs);
                var state = new MonitoringSession(sessionId, tenantId, supervisorId, agentId, callId, mode, since);
                state.Connected(since);
                session = new Session(state, center!, found.SupervisorLegId, agentLeg, center!.Configuration.Settings.TellMonitoredParties)
                {
                    BridgeKey = Guid.TryParse(v.GetValueOrDefault(LegVariables.Bridge), out var bridge) ? bridge : sessionId,
                    MixerLeg = v.GetValueOrDefault(LegVariables.Mixer) is { Length: > 0 } mixer ? mixer : null,
                    Answered = true,
                    SnoopLeg = mode == MonitoringMode.TakeOver ? null : found.PeerLegId,
                    CustomerLeg = mode == MonitoringMode.TakeOver ? found.PeerLegId : null,
                };
                _bySupervisor[(tenantId, supervisorId)] = session;
                _byLeg[found.SupervisorLegId] = session;
                _byLeg[found.PeerLegId!] = session;
                if (session.MixerLeg is { } mixerLeg) _byLeg[mixerLeg] = session;
                _events.Publish(new MonitoringStartedEvent(tenantId, session.View));
            }
        }
        if (session is not null)
        {
            _log.LogInformation("Monitoring session {SessionId} of call {CallId} taken back after a restart ({Mode})", sessionId, callId, mode);
            return;
        }
        _log.LogInformation("Monitoring leg {LegId} left by a previous process does not match a live call; hanging it up", found.SupervisorLegId);
        foreach (var leg in new[] { found.SupervisorLegId, found.PeerLegId, v.GetValueOrDefault(LegVariables.Mixer) is { Length: > 0 } m ? m : null }.OfType<string>())
            _ = HangupQuietlyAsync(_centers.Servers.Of(found.Server), leg);
    }

    private async Task HangupQuietlyAsync(IPbx pbx, string legId)
    {
        try { await pbx.HangupAsync(legId, CallEndReason.Normal).ConfigureAwait(false); }
        catch (Exception ex) { _log.LogDebug("Hanging up monitoring leg {LegId} failed: {Message}", legId, ex.Message); }
    }

    private async Task NoticeAsync(Session session)
    {
        if (!session.Told) return;
        string?[] legs;
        lock (_gate)
            legs = session.CustomerLeg is { } taken
                ? [taken]
                : [session.AgentLeg, session.Center.MonitorableCallOf(session.State.AgentId)?.CustomerLegId];
        foreach (var leg in legs.OfType<string>())
        {
            try { await session.Center.Pbx.PlayAsync(leg, ["sound:" + session.Center.Configuration.Settings.MonitoringNoticeSound]).ConfigureAwait(false); }
            catch (CtiException ex) { _log.LogDebug("No monitoring notice to leg {LegId}: {Message}", leg, ex.Message); }
        }
    }

    /// <summary>The snoop directions of a mode, as the agent's leg sees them (in: the agent's voice; out: what the agent hears).</summary>
    public static (SnoopAudio Spy, SnoopAudio Whisper) Directions(MonitoringMode mode) => mode switch
    {
        MonitoringMode.Monitor => (SnoopAudio.Both, SnoopAudio.None),
        MonitoringMode.Whisper => (SnoopAudio.Both, SnoopAudio.Out),
        MonitoringMode.Barge => (SnoopAudio.Both, SnoopAudio.Both),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Take over needs no snoop."),
    };

    // ---------------------------------------------------------------- ending

    private void End(Session session, MonitoringEndReason reason)
    {
        string?[] legs;
        bool backToLine;
        lock (_gate)
        {
            if (!session.State.End(_time.GetUtcNow(), reason)) return;
            _bySupervisor.Remove((session.State.TenantId, session.State.SupervisorId));
            // On a listening line the supervisor's leg stays up for the next session, unless it is the leg that ended.
            backToLine = session.Line is { } line && ReleaseLine(line, session, reason);
            legs = backToLine ? [session.SnoopLeg, session.CustomerLeg, session.MixerLeg] : [session.SupervisorLeg, session.SnoopLeg, session.CustomerLeg, session.MixerLeg];
            foreach (var leg in new[] { session.SupervisorLeg, session.SnoopLeg, session.CustomerLeg, session.MixerLeg }.OfType<string>()) _byLeg.Remove(leg);
            session.MixerLeg = null;
            _events.Publish(new MonitoringEndedEvent(session.State.TenantId, session.View));
        }
        _audit.SessionEnded(session.State);
        _log.LogInformation("Monitoring session {SessionId} of call {CallId} ended: {Reason}", session.State.Id, session.State.CallId, reason);
        session.Lane.Post(async () =>
        {
            foreach (var leg in legs.OfType<string>()) await HangupQuietlyAsync(session.Center.Pbx, leg).ConfigureAwait(false);
            if (backToLine) await session.Center.Pbx.SetLegVariablesAsync(session.SupervisorLeg, IdleLineVariables).ConfigureAwait(false);
            else await session.Center.Pbx.EndCallAsync(session.BridgeKey).ConfigureAwait(false);
        }, ex => _log.LogWarning(ex, "Cleaning up monitoring session {SessionId} failed", session.State.Id));
    }

    private void Failed(Session session, Exception ex)
    {
        _log.LogWarning(ex, "Monitoring session {SessionId}: the PBX failed: {Message}", session.State.Id, ex.Message);
        End(session, MonitoringEndReason.Failed);
    }

    /// <summary>Runs a step the REST caller waits for; refusals pass through, PBX failures end the session (503).</summary>
    private async Task RunOnLane(Session session, Func<Task> step)
    {
        try { await session.Lane.RunAsync(step).ConfigureAwait(false); }
        catch (CtiException ex) when (ex.Code is ErrorCodes.TakeOverNotPossible or ErrorCodes.CallNotFound)
        {
            throw new CtiException(ErrorCodes.TakeOverNotPossible, ex.Message);
        }
        catch (CtiException) { throw; }
        catch (Exception ex)
        {
            Failed(session, ex);
            throw new CtiException(ErrorCodes.PbxUnavailable, "The PBX did not carry out the request: " + ex.Message, ErrorKind.Unavailable);
        }
    }

    // ---------------------------------------------------------------- rules

    private static void CheckAllowed(TenantSupervision supervision, Guid supervisorId, Guid agentId, MonitoringMode mode)
    {
        if (!supervision.MonitoringModesFor(supervisorId, agentId).Allows(mode))
            throw new CtiException(ErrorCodes.MonitoringModeNotAllowed,
                $"Your teams do not allow '{mode}' on this agent.", ErrorKind.Forbidden);
    }

    /// <summary>The supervisor's device: their supervisor extension, else their agent extension; dialled like agents' phones.</summary>
    private static string? DeviceOf(TenantCallCenter center, TenantSupervision supervision, Guid supervisorId)
    {
        var config = center.Configuration;
        var extension = supervision.Monitoring.SupervisorExtensions.GetValueOrDefault(supervisorId)
            ?? config.Agents.FirstOrDefault(a => a.Id == supervisorId)?.Settings.Extension;
        return string.IsNullOrWhiteSpace(extension) ? null
            : config.Settings.EndpointPattern.Replace("{tenant}", config.Domain, StringComparison.Ordinal)
                .Replace("{extension}", extension, StringComparison.Ordinal);
    }

    private Session SessionOf(Guid tenantId, Guid supervisorId) =>
        _bySupervisor.TryGetValue((tenantId, supervisorId), out var s)
            ? s
            : throw new CtiException(ErrorCodes.NotMonitoring, "You are not monitoring a call.", ErrorKind.NotFound);
}
