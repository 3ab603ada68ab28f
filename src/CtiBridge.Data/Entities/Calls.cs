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
    public List<CallLeg> Legs { get; set; } = new();
    public List<CallAttachedData> AttachedData { get; set; } = new();
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
    public int DurationSeconds { get; set; }
}

/// <summary>A wrap-up outcome agents pick for a call.</summary>
public class Disposition : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Only offered for calls of this group; null = all.</summary>
    public Guid? SkillGroupId { get; set; }
    public bool Enabled { get; set; } = true;
}
