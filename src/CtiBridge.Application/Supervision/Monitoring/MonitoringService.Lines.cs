using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Supervision;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Supervision.Monitoring;

/// <summary>A supervisor's listening line (docs/supervision.md, "Listening from a browser: the listening line").</summary>
/// <param name="LineId">The line.</param>
/// <param name="State"><c>Ringing</c> until the browser answers, then <c>Open</c>, or <c>InUse</c> while a session runs on it.</param>
/// <param name="OpenedAt">When it was asked for.</param>
/// <param name="SessionId">The session running on it, if any.</param>
/// <example>{ "lineId": "c4d5e6f7-0819-4a2b-9c3d-4e5f60718293", "state": "Open", "openedAt": "2026-12-07T08:58:11.402+00:00", "sessionId": null }</example>
public sealed record MonitoringLineView(Guid LineId, MonitoringLineState State, DateTimeOffset OpenedAt, Guid? SessionId);

/// <summary>Where a listening line is.</summary>
public enum MonitoringLineState
{
    Ringing,
    Open,
    InUse,
}

/// <summary>
/// The listening line: a leg to the supervisor's browser softphone kept up, silent, while the supervisor desk is open, so
/// a monitoring request only has to put a snoop into the line's bridge — no new WebRTC call, whose set-up (answer, ICE,
/// DTLS) is most of the time between a click and the first sound (docs/benchmarks.md). A session on the line uses the
/// line's leg as its supervisor leg and the line's bridge as its own; when it ends, the snoop (or, after a take over, the
/// customer) is hung up and the leg stays for the next session. The supervisor hanging up ends the line and any session on
/// it. Only for a web device: a desk phone would be off-hook all day.
/// </summary>
public sealed partial class MonitoringService
{
    /// <summary>The PBX of the line's tenant (its Asterisk server).</summary>
    private IPbx PbxOf(ListeningLine line) => _centers.PbxOf(line.TenantId);

    private sealed class ListeningLine(Guid id, Guid tenantId, Guid supervisorId, string leg, string endpoint, DateTimeOffset openedAt)
    {
        public Guid Id { get; } = id;
        public string Endpoint { get; } = endpoint;
        public Guid TenantId { get; } = tenantId;
        public Guid SupervisorId { get; } = supervisorId;
        public string Leg { get; } = leg;
        public DateTimeOffset OpenedAt { get; } = openedAt;
        public bool Answered { get; set; }
        public Session? InUse { get; set; }
        public SerialQueue Lane { get; } = new();

        public MonitoringLineView View => new(Id, InUse is not null ? MonitoringLineState.InUse : Answered ? MonitoringLineState.Open : MonitoringLineState.Ringing,
            OpenedAt, InUse?.State.Id);
    }

    private readonly Dictionary<(Guid Tenant, Guid Supervisor), ListeningLine> _lines = new();
    private readonly Dictionary<string, ListeningLine> _lineByLeg = new(StringComparer.Ordinal);

    /// <summary>What an idle line's leg carries: a restart does not take a finished session back from it.</summary>
    private static readonly IReadOnlyDictionary<string, string> IdleLineVariables = new Dictionary<string, string>
    {
        ["CTI_ROLE"] = "supervisor-line",
        [LegVariables.Session] = "",
    };

    /// <summary>The supervisor's listening line, or null.</summary>
    public MonitoringLineView? CurrentLine(Guid tenantId, Guid supervisorId)
    {
        lock (_gate) return _lines.TryGetValue((tenantId, supervisorId), out var line) ? line.View : null;
    }

    /// <summary>
    /// Opens the supervisor's listening line: rings their web device with auto-answer into a bridge of the line's own. The
    /// line the supervisor has already is returned as it is, unless <paramref name="replace"/>: a desk that has just started
    /// its softphone says so, because a line it finds then went to a page that is gone (a reload, another tab); that line
    /// is closed (a session on it ends, <c>SupervisorHungUp</c>) and a new one rings. Refusals: <c>no_supervisor_device</c>
    /// (409), <c>listening_line_needs_web_device</c> (409, a desk phone).
    /// </summary>
    public MonitoringLineView OpenLine(TenantCallCenter center, TenantSupervision supervision, Guid supervisorId, ExtensionKind deviceKind,
        bool replace = false)
    {
        ListeningLine line;
        DialTarget target;
        ListeningLine? replaced = null;
        lock (_gate)
        {
            if (_lines.TryGetValue((center.TenantId, supervisorId), out var existing))
            {
                if (!replace) return existing.View;
                replaced = existing;
            }
            var endpoint = DeviceOf(center, supervision, supervisorId)
                ?? throw new CtiException(ErrorCodes.NoSupervisorDevice,
                    "You have no device to listen on: an admin gives you a supervisor extension (or an agent extension).");
            if (deviceKind != ExtensionKind.Web)
                throw new CtiException(ErrorCodes.ListeningLineNeedsWebDevice,
                    "A listening line is kept only to a browser softphone; your phone rings when you listen.");
            line = new ListeningLine(Guid.NewGuid(), center.TenantId, supervisorId, "cti-lin-" + Guid.NewGuid().ToString("N")[..16], endpoint, _time.GetUtcNow());
            _lines[(center.TenantId, supervisorId)] = line; // a replaced line is closed below, outside the lock
            _lineByLeg[line.Leg] = line;
            target = new DialTarget(endpoint, "", "Listening line", RingTimeout, AutoAnswer: true, new Dictionary<string, string>
            {
                ["CTI_ROLE"] = "supervisor-line",
                [LegVariables.Tenant] = center.TenantId.ToString("N"),
                [LegVariables.Supervisor] = supervisorId.ToString("N"),
            });
        }
        if (replaced is not null) CloseLine(replaced, MonitoringEndReason.SupervisorHungUp);
        _log.LogInformation("Listening line {LineId} of supervisor {SupervisorId} rings", line.Id, supervisorId);
        line.Lane.Post(() => PbxOf(line).DialAsync(line.Id, line.Leg, target), ex =>
        {
            _log.LogWarning(ex, "Listening line {LineId}: the PBX failed: {Message}", line.Id, ex.Message);
            OnLineLegEnded(line.Leg);
        });
        return line.View;
    }

    /// <summary>Closes the supervisor's listening line (hangs its leg up); a session on it ends (<paramref name="reason"/>). No line: nothing to do.</summary>
    public void CloseLine(Guid tenantId, Guid supervisorId, MonitoringEndReason reason = MonitoringEndReason.Stopped)
    {
        ListeningLine? line;
        lock (_gate) line = _lines.GetValueOrDefault((tenantId, supervisorId));
        if (line is not null) CloseLine(line, reason);
    }

    private void CloseLine(ListeningLine line, MonitoringEndReason reason)
    {
        Session? inUse;
        lock (_gate)
        {
            if (!_lineByLeg.Remove(line.Leg)) return; // closed already
            if (_lines.TryGetValue((line.TenantId, line.SupervisorId), out var current) && current == line) _lines.Remove((line.TenantId, line.SupervisorId));
            inUse = line.InUse;
            line.InUse = null;
        }
        if (inUse is not null) End(inUse, reason); // the line is gone: End hangs the leg up with the session
        else line.Lane.Post(async () =>
        {
            await PbxOf(line).HangupAsync(line.Leg, CallEndReason.Normal).ConfigureAwait(false);
            await PbxOf(line).EndCallAsync(line.Id).ConfigureAwait(false);
        }, ex => _log.LogWarning(ex, "Closing listening line {LineId} failed", line.Id));
    }

    /// <summary>A session starting on an open line (under <see cref="_gate"/>): no dial; the snoop goes into the line's bridge.</summary>
    private Session StartOnLine(TenantCallCenter center, ListeningLine line, MonitoringSession state, string agentLeg, bool mayMonitor)
    {
        state.Connected(state.RequestedAt);
        var session = new Session(state, center, line.Leg, agentLeg, center.Configuration.Settings.TellMonitoredParties)
        {
            BridgeKey = line.Id,
            Line = line,
            Answered = true,
            MayMonitor = mayMonitor,
        };
        line.InUse = session;
        _bySupervisor[(center.TenantId, state.SupervisorId)] = session;
        _byLeg[line.Leg] = session;
        if (state.Mode != MonitoringMode.TakeOver) _events.Publish(new MonitoringStartedEvent(center.TenantId, session.View));
        return session;
    }

    /// <summary>The steps of a session started on a line (on its lane): the snoop first (what the supervisor waits for), then what a restart reads.</summary>
    private async Task RunOnLineAsync(Session session)
    {
        var mode = session.State.Mode;
        if (mode == MonitoringMode.TakeOver) await TakeOverAtStartAsync(session).ConfigureAwait(false);
        else await SnoopAsync(session, mode).ConfigureAwait(false);
        var s = session.State;
        await session.Center.Pbx.SetLegVariablesAsync(session.SupervisorLeg, new Dictionary<string, string>
        {
            ["CTI_ROLE"] = "supervisor",
            [LegVariables.Session] = s.Id.ToString("N"),
            ["CTI_CALL_ID"] = s.CallId.ToString("N"),
            [LegVariables.Agent] = s.AgentId.ToString("N"),
            [LegVariables.AgentLeg] = session.AgentLeg,
            [LegVariables.Bridge] = session.BridgeKey.ToString("N"),
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// A session on <paramref name="line"/> ends (under <see cref="_gate"/>): true when the line stays up for the next
    /// session; false when the line went with it (the supervisor hung up, or the line was closed).
    /// </summary>
    private bool ReleaseLine(ListeningLine line, Session session, MonitoringEndReason reason)
    {
        if (line.InUse == session) line.InUse = null;
        if (reason == MonitoringEndReason.SupervisorHungUp || !_lines.TryGetValue((line.TenantId, line.SupervisorId), out var current) || current != line)
            return false;
        _byLeg.Remove(line.Leg);
        return true;
    }

    private bool OnLineLegAnswered(string legId)
    {
        ListeningLine? line;
        lock (_gate)
        {
            if (!_lineByLeg.TryGetValue(legId, out line)) return false;
            if (line.Answered) return true;
            line.Answered = true;
        }
        _log.LogInformation("Listening line {LineId} of supervisor {SupervisorId} is open", line.Id, line.SupervisorId);
        line.Lane.Post(() => PbxOf(line).JoinCallAsync(line.Id, line.Leg), ex =>
        {
            _log.LogWarning(ex, "Listening line {LineId}: the PBX failed: {Message}", line.Id, ex.Message);
            CloseLine(line, MonitoringEndReason.Failed);
        });
        return true;
    }

    /// <summary>A line's leg ended (the browser hung up, or never answered): the line goes, and a session on it ends.</summary>
    private bool OnLineLegEnded(string legId)
    {
        ListeningLine? line;
        Session? inUse;
        lock (_gate)
        {
            if (!_lineByLeg.Remove(legId, out line)) return false;
            if (_lines.TryGetValue((line.TenantId, line.SupervisorId), out var current) && current == line) _lines.Remove((line.TenantId, line.SupervisorId));
            inUse = line.InUse;
            line.InUse = null;
        }
        _log.LogInformation("Listening line {LineId} of supervisor {SupervisorId} ended", line.Id, line.SupervisorId);
        if (inUse is not null) End(inUse, MonitoringEndReason.SupervisorHungUp); // End destroys the line's bridge with the session
        else line.Lane.Post(() => PbxOf(line).EndCallAsync(line.Id), ex => _log.LogDebug("Listening line {LineId}: {Message}", line.Id, ex.Message));
        return true;
    }
}
