using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Application.Records;

/// <summary>What part of the tenant's call records a reader sees.</summary>
public enum RecordScope
{
    /// <summary>Every record of the tenant (admins, API keys with scope read).</summary>
    Tenant,
    /// <summary>Calls one of <see cref="RecordViewer.Agents"/> took part in (supervisors: themselves and their teams' agents).</summary>
    Agents,
}

/// <summary>
/// Who reads call records and recordings: the tenant, the agents whose calls they see (a call is seen when one of them
/// had a leg in it: answered, offered, consulted, conferenced, on a hot-desk phone or as a remote agent) and whether
/// customer numbers are masked by the tenant rule (agents) or shown (supervisors, admins, API keys). A supervisor also
/// sees the calls no agent answered in the skill groups her teams' agents serve (<see cref="UnansweredOfGroups"/>):
/// a caller who hung up while nobody was logged in had no agent leg, yet it is her team's call.
/// </summary>
public sealed record RecordViewer(Guid TenantId, Guid? UserId, RecordScope Scope, IReadOnlyCollection<Guid> Agents, bool MaskNumbers, bool IsSupervisor)
{
    /// <summary>Skill groups whose unanswered calls this viewer sees besides her agents' calls (supervisors: the groups her teams' agents serve).</summary>
    public IReadOnlyCollection<Guid> UnansweredOfGroups { get; init; } = [];

    public bool SeesAgent(Guid agentId) => Scope == RecordScope.Tenant || Agents.Contains(agentId);
}

/// <summary>Call record filters; every one is optional and they combine with AND.</summary>
public sealed record CallRecordFilter
{
    /// <summary>Offered at or after (default: the start of today, UTC).</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Offered before (default: no end).</summary>
    public DateTimeOffset? To { get; init; }
    public CallDirection? Direction { get; init; }
    /// <summary>queue, direct, outbound or internal.</summary>
    public CallKind? Kind { get; init; }
    /// <summary>The call's type (<see cref="CallRecordType"/>).</summary>
    public CallRecordType? Type { get; init; }
    /// <summary>A skill group the caller waited in (the record's last group, or one she moved on from).</summary>
    public Guid? SkillGroupId { get; init; }
    /// <summary>Calls this agent took part in (any leg).</summary>
    public Guid? AgentId { get; init; }
    /// <summary>Substring of the customer number or name (case-insensitive). Readers who see masked numbers search names only.</summary>
    public string? Search { get; init; }
    public CallOutcome? Outcome { get; init; }
    public CallEndReason? EndReason { get; init; }
    /// <summary>Talk time at least this many seconds.</summary>
    public int? MinTalkSeconds { get; init; }
    public Guid? DispositionId { get; init; }
    public bool? HasRecording { get; init; }
}

/// <summary>
/// The type of a call for the records' type filter: how it came (inbound through a skill group, inbound to one agent,
/// dialled by an agent by hand or from a dial task, agent to agent), or what happened in it (transferred from one agent to another, another agent
/// consulted or conferenced in). docs/reports.md.
/// </summary>
public enum CallRecordType
{
    /// <summary>Inbound through a skill group (kind Queue).</summary>
    InboundQueue,
    /// <summary>Inbound to one agent's extension (kind Direct).</summary>
    DirectInbound,
    /// <summary>Dialled by an agent by hand (kind Outbound, not from a dial task).</summary>
    ManualOutbound,
    /// <summary>Agent to agent (kind Internal).</summary>
    Internal,
    /// <summary>An agent's leg ended by transferring the call.</summary>
    Transferred,
    /// <summary>An agent other than the first joined the call (consulted, conferenced in, or handed the call by a transfer).</summary>
    Consulted,
    /// <summary>Dialled for a dial task (kind Outbound, the record names its task). Added last: the values before it keep their numbers.</summary>
    TaskDialled,
}

/// <summary>A disposition to filter call records by.</summary>
public sealed record DispositionChoice(Guid Id, string Code, string Name, bool Enabled);

/// <summary>Sort orders; both are keyset-paged on (offered at, id).</summary>
public enum CallRecordSort
{
    NewestFirst,
    OldestFirst,
}

/// <summary>One call in a list of records.</summary>
public sealed record CallRecordSummary(
    Guid Id, CallDirection Direction, CallKind? Kind, Guid? SkillGroupId, string? SkillGroupName,
    string CustomerNumber, string? CustomerName, string? DialedNumber,
    DateTimeOffset OfferedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, bool InProgress,
    CallOutcome Outcome, CallEndReason? EndReason,
    int WaitSeconds, int RingSeconds, int TalkSeconds, int HoldSeconds, int HoldCount, int OfferCount, int RonaCount,
    Guid? AnsweredById, string? AnsweredByName, Guid? DispositionId, string? DispositionName, bool HasRecording);

/// <summary>A page of records and the cursor of the next one (null: the last page).</summary>
public sealed record CallRecordPage(IReadOnlyList<CallRecordSummary> Items, string? NextCursor);

/// <summary>One party's leg: who, from when to when, how it ended; <c>Rona</c>: an agent's offer that rang without an answer (ring-no-answer or declined).</summary>
public sealed record CallJourneyLeg(CallLegRole Role, Guid? AgentId, string? AgentName, string? Number,
    DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, CallEndReason? EndReason, bool Rona);

/// <summary>Where the caller waited: a skill group, from when to when (an overflow moves her to the next group).</summary>
/// <param name="SkillGroupId">The group.</param>
/// <param name="SkillGroupName">Its name when the caller waited there.</param>
/// <param name="EnteredAt">When she was queued in it.</param>
/// <param name="LeftAt">When she left it: an agent answered, she moved on, or the call ended.</param>
/// <param name="Seconds">How long she waited in it.</param>
public sealed record CallGroupWaitView(Guid SkillGroupId, string SkillGroupName, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, int Seconds);

/// <summary>An agent's wrap-up after the call.</summary>
public sealed record CallWrapUp(Guid AgentId, string? AgentName, DateTimeOffset StartedAt, int Seconds);

/// <summary>A recording of the call.</summary>
public sealed record CallRecordingRef(Guid RecordingId, Guid? AgentId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int DurationSeconds,
    bool InProgress, bool LegalHold);

/// <summary>One agent's own disposition and remarks on the call.</summary>
/// <param name="AgentId">The agent (null: her user was deleted).</param>
/// <param name="AgentName">Her display name.</param>
/// <param name="DispositionId">The disposition code she chose (null: none, or free text of a tenant without codes).</param>
/// <param name="Disposition">The code's name as she saved it, or the free text.</param>
/// <param name="Remarks">Her remarks.</param>
/// <param name="SavedAt">When she last saved them.</param>
public sealed record CallAgentNote(Guid? AgentId, string? AgentName, Guid? DispositionId, string? Disposition, string? Remarks, DateTimeOffset SavedAt);

/// <summary>
/// A call's whole journey. <c>Summary.DispositionId</c> and <c>Remarks</c> are the record's own (the answering agent's
/// notes, else the notes saved last); <c>Notes</c> has each agent's own; <c>Waits</c>, where the caller waited, group by
/// group, in order.
/// </summary>
public sealed record CallRecordDetail(CallRecordSummary Summary, string? Remarks, IReadOnlyList<CallJourneyLeg> Legs,
    IReadOnlyList<CallWrapUp> WrapUps, IReadOnlyDictionary<string, string> AttachedData, IReadOnlyList<CallRecordingRef> Recordings,
    IReadOnlyList<CallAgentNote> Notes, IReadOnlyList<CallGroupWaitView> Waits);
