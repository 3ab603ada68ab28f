using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Application.Events;

/// <summary>
/// An agent as the toolbar and the API show them. <see cref="AutoAnswer"/>: offered calls are answered without a click
/// (the browser softphone answers by itself; desk phones get the SIP auto-answer headers);
/// <see cref="AutoAnswerChangeable"/>: the tenant lets the agent switch it herself (<c>PUT /agent/auto-answer</c>).
/// <see cref="Revision"/> rises with every published change of the view (also across restarts): of two views of the same
/// agent, from a REST answer and an event in any order, the one with the higher revision is the newer.
/// </summary>
public sealed record AgentView(
    Guid AgentId,
    string DisplayName,
    string? AgentNumber,
    string Extension,
    ExtensionKind ExtensionKind,
    AgentStatus Status,
    string? Reason,
    DateTimeOffset? StateSince,
    PendingKind Pending,
    string? PendingReason,
    Guid? CallId,
    DateTimeOffset? WrapUpEndsAt,
    IReadOnlyList<Guid> PausedSkillGroupIds,
    WorkingMode WorkingMode,
    bool DeviceAvailable,
    bool AutoAnswer = false,
    bool AutoAnswerChangeable = false,
    long Revision = 0);

public sealed record PartyView(
    string LegId,
    PartyRole Role,
    Guid? AgentId,
    string Name,
    string Number,
    PartyState State,
    bool Held,
    bool Muted);

public sealed record AttachedDataItem(string Key, string Value);

/// <summary>
/// A call as the toolbar and the API show it (caller number masked by the tenant's rule). <see cref="TransferredBy"/> and
/// <see cref="TransferredByName"/> name the agent who last transferred it (blind or by completing a consultation); her
/// notes travel with the call in <see cref="Notes"/>: each agent's own disposition and remarks (no party overwrites
/// another's). <see cref="Disposition"/> and <see cref="Remarks"/> are the notes saved last by any party, kept for older
/// clients; read <see cref="Notes"/>.
/// </summary>
public sealed record CallView(
    Guid CallId,
    CallKind Kind,
    CallDirection Direction,
    CallState State,
    Guid? SkillGroupId,
    string? SkillGroupName,
    string CustomerNumber,
    string? CustomerName,
    IReadOnlyList<AttachedDataItem> AttachedData,
    IReadOnlyList<PartyView> Parties,
    Guid? OwnerAgentId,
    bool Held,
    bool Recording,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? RingingUntil,
    Guid? ConsultLegOwner,
    string? Disposition,
    string? Remarks,
    string? SelfService = null,
    Guid? TransferredBy = null,
    string? TransferredByName = null,
    IReadOnlyList<CallNoteView>? Notes = null);

/// <summary>One agent's own notes on a call.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="AgentName">Her display name.</param>
/// <param name="DispositionId">The disposition code she chose (null: none, or free text of a tenant without codes).</param>
/// <param name="Disposition">The code's name, or the free text.</param>
/// <param name="Remarks">Her remarks.</param>
/// <param name="SavedAt">When she last saved them.</param>
public sealed record CallNoteView(Guid AgentId, string? AgentName, Guid? DispositionId, string? Disposition, string? Remarks, DateTimeOffset SavedAt);

public sealed record WaitingCallView(Guid CallId, int Position, string CustomerNumber, DateTimeOffset EnqueuedAt, double WaitSeconds, IReadOnlyList<AttachedDataItem> AttachedData);

/// <summary>A caller waiting in a skill group as its statistics list them, in offer order (number masked by the tenant's rule).</summary>
/// <param name="CallId">The call.</param>
/// <param name="Position">1 = offered next.</param>
/// <param name="CustomerNumber">The caller's number, masked by the tenant's rule.</param>
/// <param name="EnqueuedAt">When the call entered the queue (its wait counts from here; a client ticks it).</param>
public sealed record WaitingCaller(Guid CallId, int Position, string CustomerNumber, DateTimeOffset EnqueuedAt);

/// <summary>A skill group's report figures of one UTC day so far (docs/reports.md defines each; calls ended that day).</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="ServiceLevelSeconds">The threshold the service level was computed with.</param>
/// <param name="Figures">Offered, answered, abandoned, service level, average wait and talk … (<c>ReportFormulas.ForGroup</c>).</param>
public sealed record GroupToday(DateOnly Day, int ServiceLevelSeconds, CtiBridge.Application.Reports.GroupFigures Figures);

/// <summary>
/// A skill group's live figures (the <c>skillGroupStatsChanged</c> message and every <c>Resume</c> answer).
/// Agents by state count logged-in members: <see cref="AgentsReady"/>, <see cref="AgentsBusy"/> (ringing or on a call),
/// <see cref="AgentsNotReady"/>, <see cref="AgentsWrapUp"/>.
/// </summary>
/// <param name="SkillGroupId">The group.</param>
/// <param name="Name">Its name.</param>
/// <param name="Waiting">Calls waiting now.</param>
/// <param name="LongestWaitSeconds">The longest current wait.</param>
/// <param name="AgentsLoggedIn">Members logged in.</param>
/// <param name="AgentsReady">Members Ready.</param>
/// <param name="AgentsFree">Members Ready, not paused in this group, device available.</param>
/// <param name="AgentsBusy">Members ringing or on a call.</param>
/// <param name="AgentsNotReady">Members Not Ready.</param>
/// <param name="AgentsWrapUp">Members in wrap-up.</param>
/// <param name="ServiceLevelSeconds">The group's service-level threshold.</param>
/// <param name="Callers">Each waiting caller, in offer order.</param>
/// <param name="Today">The day's figures so far, from the stored call records (null until first computed).</param>
public sealed record SkillGroupStats(
    Guid SkillGroupId,
    string Name,
    int Waiting,
    double LongestWaitSeconds,
    int AgentsLoggedIn,
    int AgentsReady,
    int AgentsFree,
    int AgentsBusy = 0,
    int AgentsNotReady = 0,
    int AgentsWrapUp = 0,
    int ServiceLevelSeconds = 20,
    IReadOnlyList<WaitingCaller>? Callers = null,
    GroupToday? Today = null);

/// <summary>
/// Everything the call center tells the world. Each event names its tenant and audience; the
/// Api turns them into SignalR messages, webhook deliveries and resumable per-agent streams.
/// </summary>
public abstract record CallCenterEvent(Guid TenantId)
{
    /// <summary>The agents whose own stream receives the event (empty: tenant-wide only).</summary>
    public abstract IReadOnlyList<Guid> Agents { get; }
    /// <summary>The event's name on the wire (camelCase), e.g. <c>agentStateChanged</c>.</summary>
    public abstract string Name { get; }
}

/// <summary>
/// The agent's view changed. <see cref="ChangedBy"/>: a supervisor or admin changed the state on the agent's behalf, with
/// their optional message (null when the agent or the system did).
/// </summary>
public sealed record AgentStateChangedEvent(Guid TenantId, AgentView Agent, AgentTrigger Trigger, StateChangedBy? ChangedBy = null)
    : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => [Agent.AgentId];
    public override string Name => "agentStateChanged";
}

/// <summary>
/// A call rings for an agent. <see cref="ScreenPop"/>: the caller's contact and last calls, added by the event fan-out
/// before the event leaves (docs/contacts.md); null when the lookup was not made or did not answer in time.
/// </summary>
public sealed record CallOfferedEvent(Guid TenantId, Guid AgentId, CallView Call, int CountdownSeconds) : CallCenterEvent(TenantId)
{
    /// <summary>The customer's unmasked number, for the screen pop lookup only (never sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? CallerNumber { get; init; }
    /// <summary>
    /// What the screen pop lookup needs besides the number (tenant settings, the agent's roles and name), taken from the
    /// live configuration when the offer is made, under the tenant's lock: the lookup then needs no round trip for it and
    /// the event fan-out never reads the call center (never sent).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Contacts.ScreenPopContext? ScreenPopContext { get; init; }
    /// <summary>The caller's contact(s) and last calls, and the third-party page to open.</summary>
    public Contacts.ScreenPop? ScreenPop { get; init; }

    public override IReadOnlyList<Guid> Agents => [AgentId];
    public override string Name => "callOffered";
}

public sealed record CallStateChangedEvent(Guid TenantId, CallView Call, IReadOnlyList<Guid> Audience, string Change) : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => Audience;
    public override string Name => "callStateChanged";
}

public sealed record ParticipantsChangedEvent(Guid TenantId, CallView Call, IReadOnlyList<Guid> Audience, PartyView Party, bool Joined) : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => Audience;
    public override string Name => "participantsChanged";
}

public sealed record CallEndedEvent(Guid TenantId, CallView Call, IReadOnlyList<Guid> Audience, CallEndReason Reason) : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => Audience;
    public override string Name => "callEnded";
}

public sealed record SkillGroupStatsChangedEvent(Guid TenantId, SkillGroupStats Stats) : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => [];
    public override string Name => "skillGroupStatsChanged";
}

public sealed record DeviceChangedEvent(Guid TenantId, string Endpoint, bool Registered, bool InUse, Guid? AgentId) : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => AgentId is { } a ? [a] : [];
    public override string Name => "phoneRegistrationChanged";
}

public sealed record PbxConnectionChangedEvent(Guid TenantId, bool Connected, string Description) : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => [];
    public override string Name => "pbxConnectionChanged";
}

/// <summary>
/// Receives call-center events in the order they happened. Must not block: implementations
/// queue the event and return (it is called while the tenant's state is locked, which keeps order).
/// </summary>
public interface ICallCenterEventSink
{
    void Publish(CallCenterEvent e);
}

/// <summary>A completed call's record, handed to persistence once, when the call ends.</summary>
public sealed record CallRecordReady(Call Call, string? SkillGroupName);

/// <summary>The calls a tenant's call center runs when the PBX has reported every call it still has, and when that was.</summary>
public sealed record LiveCallsReported(Guid TenantId, IReadOnlyCollection<Guid> LiveCallIds, DateTimeOffset At);

/// <summary>Receives what must be stored: state changes, agents' sessions and finished calls. Must not block.</summary>
public interface ICallCenterJournal
{
    void AgentStateChanged(AgentStateChange change);
    void CallEnded(CallRecordReady record);
    void RecordingStarted(RecordingStarted recording);

    /// <summary>A recording stopped before its call ended (its length is up to here). Journals that keep nothing ignore it.</summary>
    void RecordingStopped(RecordingStopped recording) { }

    /// <summary>
    /// A live call as it is now (when it starts, is answered, changes parties or notes), read at once (the call goes on
    /// changing): kept as its provisional record, so a call that ends while no process runs the tenant is not lost from
    /// the records (<see cref="PbxCallsReported"/>). Journals that keep nothing ignore it.
    /// </summary>
    void CallInProgress(CallRecordReady call) { }

    /// <summary>
    /// The PBX has reported every call it still has (after it connected again, or a process took the tenant back):
    /// a call with a provisional record that is not among <see cref="LiveCallsReported.LiveCallIds"/> ended unseen.
    /// Journals that keep nothing ignore it.
    /// </summary>
    void PbxCallsReported(LiveCallsReported live) { }

    /// <summary>
    /// An agent's session as it is now (after a login, a change of state, pauses or working mode, or a logout), for a
    /// restarted CtiBridge to log them in again. Only the latest one of an agent matters. Journals that keep nothing
    /// ignore it.
    /// </summary>
    void AgentSessionChanged(AgentSessionSnapshot session) { }
}

/// <summary>
/// What a restarted CtiBridge needs to log an agent in again as they were (docs/architecture.md, restart safety): their
/// state and reason, a pending request, the login's context (hot-desk phone, a remote agent's number), the working mode
/// they chose, the skill groups they paused, and the times that go on (login, time in state, idle). A
/// <see cref="AgentStatus.LoggedOut"/> snapshot (<see cref="Ended"/>) means there is no session any more.
/// </summary>
public sealed record AgentSessionSnapshot(
    Guid TenantId,
    Guid AgentId,
    DateTimeOffset At,
    AgentStatus Status,
    string? Reason,
    PendingState Pending,
    string? HotDeskEndpoint,
    string? ReachNumber,
    WorkingMode? ChosenMode,
    IReadOnlyList<Guid> PausedGroups,
    DateTimeOffset LoggedInAt,
    DateTimeOffset StateSince,
    DateTimeOffset? IdleSince)
{
    /// <summary>The agent is logged out: their session is gone.</summary>
    public bool Ended => Status == AgentStatus.LoggedOut;

    /// <summary>The snapshot that ends an agent's session.</summary>
    public static AgentSessionSnapshot End(Guid tenantId, Guid agentId, DateTimeOffset at) =>
        new(tenantId, agentId, at, AgentStatus.LoggedOut, null, PendingState.None, null, null, null, [], at, at, null);
}

/// <summary>A recording stopped while its call goes on.</summary>
public sealed record RecordingStopped(Guid TenantId, Guid CallId, string Name, DateTimeOffset StoppedAt);

/// <summary>A recording's metadata, stored when it starts (its end is known when it stops or its call ends).</summary>
public sealed record RecordingStarted(
    Guid TenantId, Guid CallId, Guid AgentId, string Name, DateTimeOffset StartedAt,
    string CustomerNumber, CallDirection Direction, RecordingType Type);
