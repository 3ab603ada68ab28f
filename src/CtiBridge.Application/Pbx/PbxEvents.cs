using CtiBridge.Domain.Calls;

namespace CtiBridge.Application.Pbx;

/// <summary>
/// What the PBX reports. Implemented by the call center; called by the PBX adapters. Handlers
/// never block on PBX I/O (they hand the work to the call's own queue), so an adapter may call
/// them from its event reader.
/// </summary>
public interface IPbxEventHandler
{
    /// <summary>A new leg entered the app from the dialplan (a customer, a feature code, an agent dialling out).</summary>
    void OnIncomingLeg(IncomingLeg leg);

    /// <summary>A leg we dialled was answered.</summary>
    void OnLegAnswered(string legId);

    /// <summary>A leg ended (hung up, failed, rejected). Always the last event of a leg.</summary>
    void OnLegEnded(string legId, CallEndReason cause);

    void OnDtmf(string legId, char digit);

    /// <summary>A prompt finished playing on a leg.</summary>
    void OnPlaybackFinished(string legId);

    /// <summary>An endpoint's device became busy or free outside our calls, or its registration changed.</summary>
    void OnDeviceChanged(DeviceStatus status);

    /// <summary>The PBX connection came or went; after a return the adapter reports live legs again.</summary>
    void OnConnectionChanged(bool connected, string description);

    /// <summary>
    /// After a restart: a supervisor's monitoring leg a previous process left (still listening), with the variables kept
    /// on it; the PBX tracks it (and the other leg in its bridge) again. Whoever does not take it back hangs it up.
    /// </summary>
    void OnMonitorLegFound(FoundMonitorLeg leg) { }

    /// <summary>
    /// A call's recording ended on the PBX without being asked to stop (the PBX stopped or failed it, or another client
    /// did): <paramref name="failure"/> is the PBX's cause when it failed. Not reported for a stop asked through the port,
    /// nor once the call's bridge was ended.
    /// </summary>
    void OnRecordingEnded(Guid callId, string recordingName, string? failure) { }

    /// <summary>
    /// The PBX has reported every call it still has — after a connection or reconnection, once the calls a previous
    /// process left were taken back and the legs that vanished meanwhile reported ended: a call the handler does not
    /// run now is not on the PBX. Not raised when the PBX could not be asked.
    /// </summary>
    void OnCallsReported() { }
}

/// <summary>
/// A supervisor's device leg a previous process left in a monitoring session: <paramref name="PeerLegId"/> is the other
/// leg in the session's bridge — the snoop it listens through, or after a take over the customer (null when there is
/// none), tracked again by the PBX too; <paramref name="Variables"/> what the
/// session kept on the leg (<c>CTI_MONITORING</c>, <c>CTI_TENANT_ID</c>, <c>CTI_SUPERVISOR_ID</c>, <c>CTI_AGENT_ID</c>,
/// <c>CTI_CALL_ID</c>, <c>CTI_AGENT_LEG</c>, <c>CTI_MONITOR_MODE</c>, <c>CTI_MONITOR_SINCE</c>).
/// </summary>
public sealed record FoundMonitorLeg(string SupervisorLegId, string? PeerLegId, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>The name of the PBX server it was found on (set by the call center, which knows the servers).</summary>
    public string Server { get; init; } = PbxServers.DefaultName;
}

/// <summary>A leg that entered the app from the dialplan.</summary>
/// <param name="LegId">The PBX channel id.</param>
/// <param name="Tenant">The tenant domain the dialplan named.</param>
/// <param name="Purpose">What the dialplan asks: <c>queue</c>, <c>direct</c>, <c>outbound</c>, <c>feature</c>.</param>
/// <param name="Target">The skill group, extension, number or feature code.</param>
/// <param name="CallerNumber">Caller ID number of the leg.</param>
/// <param name="CallerName">Caller ID name, if any.</param>
/// <param name="Variables">The leg's attached-data variables (prefix removed).</param>
/// <param name="FromEndpoint">The endpoint the leg came from (an agent's phone dialling out), if any.</param>
/// <param name="Resumed">Set for a caller a previous CtiBridge process left waiting or talking to an agent (read back from the legs after a restart).</param>
public sealed record IncomingLeg(
    string LegId,
    string Tenant,
    string Purpose,
    string Target,
    string CallerNumber,
    string? CallerName,
    IReadOnlyDictionary<string, string> Variables,
    string? FromEndpoint = null,
    ResumedLeg? Resumed = null);

/// <summary>
/// A queue caller found after a restart of CtiBridge, with what the leg kept: the call's id (its bridge is named after
/// it) and when it was first queued. Without <paramref name="Connected"/> the caller was waiting: the leg is answered and
/// in the call's bridge with music on hold; <paramref name="Ringing"/> then names the agent whose phone still rings for it
/// (the offer goes on). With <paramref name="Connected"/> the caller was talking to an agent.
/// </summary>
public sealed record ResumedLeg(Guid CallId, DateTimeOffset EnqueuedAt, ResumedConnection? Connected = null, ResumedOffer? Ringing = null);

/// <summary>An offer still ringing after a restart: the agent's leg (dialled, not answered, tracked again) and the agent.</summary>
public sealed record ResumedOffer(string AgentLegId, Guid AgentId);

/// <summary>
/// The agent a resumed caller is connected to: the agent's leg (answered, in the call's bridge, tracked again by the PBX
/// so commands and its hang-up work), the agent it was dialled for and when the call was answered, if the leg kept it.
/// <paramref name="Recordings"/>: what the caller's leg kept of the call's recordings (<c>CTI_RECORDINGS</c>), the running
/// one last, if any. <paramref name="CustomerHeld"/>: the caller is out of the call's bridge (on hold; the PBX tracks it as
/// held from that bridge, so a resume puts it back). <paramref name="AgentMuted"/>: what the agent's leg kept of its mute
/// (<c>CTI_MUTED</c>). <paramref name="Parties"/>: the call's other legs of ours — a consultation or conference guests.
/// </summary>
public sealed record ResumedConnection(string AgentLegId, Guid AgentId, DateTimeOffset? AnsweredAt,
    ResumedRecordings? Recordings = null, bool CustomerHeld = false, bool AgentMuted = false,
    IReadOnlyList<ResumedParty>? Parties = null)
{
    public bool Equals(ResumedConnection? other) =>
        other is not null && AgentLegId == other.AgentLegId && AgentId == other.AgentId && AnsweredAt == other.AnsweredAt
        && Equals(Recordings, other.Recordings) && CustomerHeld == other.CustomerHeld && AgentMuted == other.AgentMuted
        && (Parties ?? []).SequenceEqual(other.Parties ?? []);

    public override int GetHashCode() => HashCode.Combine(AgentLegId, AgentId, AnsweredAt, CustomerHeld, AgentMuted);
}

/// <summary>
/// Another leg of a call taken back (dialled by CtiBridge for it): a consultation (<paramref name="Consult"/>: the agent
/// consults while the caller is held) or a conference guest; an agent (<paramref name="AgentId"/>) or a number;
/// answered (in the call's bridge) or still ringing; muted as its leg kept it.
/// </summary>
public sealed record ResumedParty(string LegId, bool Consult, Guid? AgentId, string Number, bool Answered, bool Muted = false);

/// <summary>
/// The recordings of a call taken back: each one started (its name, when, by which agent), and whether the last one is
/// still running on the PBX (and paused).
/// </summary>
public sealed record ResumedRecordings(IReadOnlyList<ResumedRecording> Started, bool Running, bool Paused)
{
    public bool Equals(ResumedRecordings? other) =>
        other is not null && Running == other.Running && Paused == other.Paused && Started.SequenceEqual(other.Started);

    public override int GetHashCode() => HashCode.Combine(Running, Paused, Started.Count);
}

/// <summary>A recording of a call taken back: its name, when it started and the agent who started it.</summary>
public sealed record ResumedRecording(string Name, DateTimeOffset StartedAt, Guid AgentId);

/// <summary>An endpoint's state as the PBX sees it.</summary>
/// <param name="Endpoint">e.g. <c>PJSIP/demo-1001</c>.</param>
/// <param name="Registered">Whether a contact is registered (a phone or softphone is reachable).</param>
/// <param name="InUse">Whether the device is busy with a call.</param>
public sealed record DeviceStatus(string Endpoint, bool Registered, bool InUse);
