using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Data.Entities;

/// <summary>One row per agent state change; the history supervisors and reports read.</summary>
public class AgentStateChange : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public AgentStatus From { get; set; }
    public AgentStatus To { get; set; }
    /// <summary>Free-text or pause reason name (e.g. "Lunch", "Missed").</summary>
    public string? Reason { get; set; }
    public Guid? PauseReasonId { get; set; }
    /// <summary>A Not Ready requested during a call or wrap-up, applied when it ends.</summary>
    public bool Pending { get; set; }
    public Guid? CallId { get; set; }
    /// <summary>The supervisor or admin who changed the agent's state on their behalf (null: the agent or the system).</summary>
    public Guid? ChangedByUserId { get; set; }
    /// <summary>Their message to the agent.</summary>
    public string? Message { get; set; }
}

/// <summary>The call detail record of one customer call; agents are found through its legs.</summary>
public class CallRecord : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public CallDirection Direction { get; set; }
    public Guid? SkillGroupId { get; set; }
    public string CustomerNumber { get; set; } = "";
    /// <summary>The number the customer dialled (inbound) or the agent dialled (outbound).</summary>
    public string? DialedNumber { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int WaitSeconds { get; set; }
    public int RingSeconds { get; set; }
    public int TalkSeconds { get; set; }
    public int HoldSeconds { get; set; }
    public CallEndReason? EndReason { get; set; }
    public Guid? DispositionId { get; set; }
    public string? Remarks { get; set; }
    /// <summary>How the call came to exist (queue, direct, outbound, internal); null on records written before it was kept.</summary>
    public CallKind? Kind { get; set; }
    /// <summary>The customer's name when known (directory, CRM, attached data).</summary>
    public string? CustomerName { get; set; }
    /// <summary>Answered, not answered, abandoned, busy or failed (docs/reports.md defines each).</summary>
    public CallOutcome Outcome { get; set; }
    /// <summary>How many times the customer was put on hold.</summary>
    public int HoldCount { get; set; }
    /// <summary>How many times the call was offered to an agent.</summary>
    public int OfferCount { get; set; }
    /// <summary>Offers that rang an agent without an answer (ring-no-answer).</summary>
    public int RonaCount { get; set; }
    /// <summary>The agent who answered first; null when no agent answered.</summary>
    public Guid? AnsweredByUserId { get; set; }
    /// <summary>At least one recording of the call exists.</summary>
    public bool HasRecording { get; set; }
    /// <summary>The dial task the call was placed for (preview dialling, docs/dialtasks.md); null for other calls.</summary>
    public Guid? DialTaskId { get; set; }
    public List<CallLeg> Legs { get; set; } = new();
    public List<CallAttachedData> AttachedData { get; set; } = new();
    /// <summary>Where the caller waited, group by group (an overflow adds one).</summary>
    public List<CallGroupWait> GroupWaits { get; set; } = new();
}

/// <summary>What became of a call, for search and reports (docs/reports.md).</summary>
public enum CallOutcome
{
    /// <summary>Never answered, for a reason that is neither the caller giving up, busy nor a failure (ring-no-answer, no agent, closed, overflow, …).</summary>
    NotAnswered,
    /// <summary>An agent (or, outbound, the called party) answered.</summary>
    Answered,
    /// <summary>The caller hung up before an answer.</summary>
    Abandoned,
    /// <summary>The called party was busy.</summary>
    Busy,
    /// <summary>The call could not be set up (unreachable, technical failure).</summary>
    Failed,
}

/// <summary>What a leg's party is in the call.</summary>
public enum CallLegRole
{
    Customer,
    Agent,
    Consult,
    Conference,
    Supervisor,
}

/// <summary>One party's channel in a call (customer, agent, consulted agent, supervisor).</summary>
public class CallLeg : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid CallId { get; set; }
    public CallLegRole Role { get; set; }
    public Guid? UserId { get; set; }
    public string? Endpoint { get; set; }
    /// <summary>The PBX channel id (ARI channel id / AMI uniqueid).</summary>
    public string? ChannelId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public CallEndReason? EndReason { get; set; }
}

/// <summary>A key/value the caller's journey attached to a call (IVR choices, CRM ids).</summary>
public class CallAttachedData : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid CallId { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>A caller's wait in one skill group (<see cref="Seq"/>: its place in the call's journey, from 0).</summary>
public class CallGroupWait : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid CallId { get; set; }
    public int Seq { get; set; }
    public Guid SkillGroupId { get; set; }
    /// <summary>The group's name when the caller waited (a group renamed or deleted later keeps the record readable).</summary>
    public string SkillGroupName { get; set; } = "";
    public DateTimeOffset EnteredAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    /// <summary>The caller left this group for another (an overflow): the record names a later group, not this one.</summary>
    public bool MovedOn { get; set; }
}

/// <summary>A recording of (part of) a call.</summary>
public class Recording : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid CallId { get; set; }
    public Guid? UserId { get; set; }
    public RecordingType Type { get; set; }
    /// <summary>The PBX's recording name (ARI stored recording).</summary>
    public string Name { get; set; } = "";
    public string Format { get; set; } = "wav";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>The recording's own length: from its start to its stop (or the call's end); 0 while it runs.</summary>
    public int DurationSeconds { get; set; }
    /// <summary>Kept past the tenant's retention (set by a supervisor).</summary>
    public bool LegalHold { get; set; }
}

/// <summary>A wrap-up outcome (disposition code) agents pick for a call (docs/dispositions.md).</summary>
public class Disposition : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>A grouping for the wrap-up form and reports (e.g. "Sales", "Service"); null = none.</summary>
    public string? Category { get; set; }
    /// <summary>Agents must write remarks when they choose this code.</summary>
    public bool RemarksRequired { get; set; }
    /// <summary>Only offered for calls of this group; null = all. Not used by the wrap-up form yet.</summary>
    public Guid? SkillGroupId { get; set; }
    /// <summary>Active: offered in the wrap-up form and accepted; inactive codes stay on older records.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// One agent's own disposition and remarks on a call (each agent of a call keeps hers). The record's own
/// <see cref="CallRecord.DispositionId"/>/<see cref="CallRecord.Remarks"/> are the answering agent's (docs/dispositions.md).
/// </summary>
public class CallAgentDisposition : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid CallId { get; set; }
    /// <summary>The agent; null after her user is deleted (the notes stay with the call).</summary>
    public Guid? UserId { get; set; }
    public Guid? DispositionId { get; set; }
    /// <summary>The code's name when chosen, or the free text of a tenant without codes.</summary>
    public string? Disposition { get; set; }
    public string? Remarks { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
