using CtiBridge.Domain.Tenants;

namespace CtiBridge.Data.Entities;

/// <summary>A queue: calls for it wait until a Ready member agent takes them.</summary>
public class SkillGroup : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Optional dialable number of the group.</summary>
    public string? Number { get; set; }
    /// <summary>After this long waiting, the call overflows; null = waits forever.</summary>
    public int? MaxWaitSeconds { get; set; }
    public Guid? OverflowSkillGroupId { get; set; }
    /// <summary>An extension or number the call overflows to when no overflow group is set.</summary>
    public string? OverflowDestination { get; set; }
    public bool AnnouncePosition { get; set; }
    public int AnnounceIntervalSeconds { get; set; } = 60;
    /// <summary>How long an offer rings an agent before it is re-routed.</summary>
    public int RingTimeoutSeconds { get; set; } = 20;
    public NoAgentRule NoAgentRule { get; set; } = NoAgentRule.KeepWaiting;
    public string? FallbackDestination { get; set; }
    /// <summary>Opening hours; null = always open.</summary>
    public BusinessHours? BusinessHours { get; set; }
    /// <summary>Where calls go outside business hours.</summary>
    public string? ClosedDestination { get; set; }
    public string? MusicOnHoldClass { get; set; }
    /// <summary>Service level threshold: a call answered within this many seconds of waiting counts as in service level.</summary>
    public int ServiceLevelSeconds { get; set; } = 20;
    public List<SkillGroupMembership> Memberships { get; set; } = new();
}

/// <summary>Opening hours of a skill group (stored as JSON).</summary>
public class BusinessHours
{
    /// <summary>IANA time zone, e.g. <c>Europe/Berlin</c>.</summary>
    public string TimeZone { get; set; } = "UTC";
    public List<BusinessHoursRule> Rules { get; set; } = new();
}

/// <summary>Open from <see cref="Open"/> to <see cref="Close"/> on the listed days.</summary>
public class BusinessHoursRule
{
    public List<DayOfWeek> Days { get; set; } = new();
    public TimeOnly Open { get; set; }
    public TimeOnly Close { get; set; }
}

/// <summary>An agent in a skill group. Lower <see cref="Priority"/> is offered first.</summary>
public class SkillGroupMembership : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid SkillGroupId { get; set; }
    public Guid UserId { get; set; }
    public int Priority { get; set; } = 1;
}

/// <summary>Why an agent is Not Ready. Code is the IVR digit (1–9); system reasons have none.</summary>
public class PauseReason : ITenantOwned
{
    public const string SystemMissed = "missed";
    public const string SystemDeviceUnavailable = "device_unavailable";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    /// <summary>IVR digit 1–9 for *66; null for system reasons.</summary>
    public int? Code { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Set by the system only (missed offer, device unavailable); agents cannot choose it.</summary>
    public bool IsSystem { get; set; }
    /// <summary>Stable key of a system reason (<see cref="SystemMissed"/>, <see cref="SystemDeviceUnavailable"/>).</summary>
    public string? SystemKey { get; set; }
    public bool Enabled { get; set; } = true;
}

/// <summary>A SIP phone; hot-desk phones can be taken by any agent allowed to hot-desk.</summary>
public class Phone : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    /// <summary>
    /// PJSIP endpoint name on Asterisk: <c>&lt;domain&gt;-&lt;name&gt;</c> (the name defaults to the extension), unique across
    /// all tenants. The owner is <see cref="TenantId"/>, never what the name seems to say.
    /// </summary>
    public string EndpointName { get; set; } = "";
    public string Extension { get; set; } = "";
    public string? Description { get; set; }
    public bool HotDesk { get; set; }
}

/// <summary>Which calls a blocked number may not make.</summary>
public enum BlockDirection
{
    Inbound,
    Outbound,
    Both,
}

/// <summary>A number on the tenant's blocklist.</summary>
public class BlockedNumber : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    /// <summary>Digits (and an optional leading +) only.</summary>
    public string Number { get; set; } = "";
    public BlockDirection Direction { get; set; } = BlockDirection.Inbound;
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
