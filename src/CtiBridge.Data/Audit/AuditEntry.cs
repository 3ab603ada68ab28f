using CtiBridge.Data.Entities;

namespace CtiBridge.Data.Audit;

/// <summary>Who made an audited change.</summary>
public enum AuditActorType
{
    /// <summary>A signed-in user (access token).</summary>
    User,
    /// <summary>An integration's API key.</summary>
    ApiKey,
    /// <summary>CtiBridge itself (a scheduled job, start-up).</summary>
    System,
}

/// <summary>
/// One entry of the audit log: who (user or API key) did what (action, target) in which tenant, when, from where,
/// and for changes the target's state before and after (JSON). Written in the same transaction as the change it
/// records (added to the same context before its one <c>SaveChanges</c>); never updated. No foreign key to the
/// actor or the target: the entry outlives them. Goes with its tenant. See docs/database.md, docs/api.md.
/// </summary>
public class AuditEntry : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public DateTimeOffset At { get; set; }
    public AuditActorType ActorType { get; set; }
    /// <summary>The user's or API key's id; null for <see cref="AuditActorType.System"/>.</summary>
    public Guid? ActorId { get; set; }
    /// <summary>The user's login or the API key's name at the time (kept as it was).</summary>
    public string? ActorName { get; set; }
    /// <summary>What was done, <c>target.verb</c> in lower case, e.g. <c>user.created</c>, <c>skill_group.deleted</c>.</summary>
    public string Action { get; set; } = "";
    /// <summary>The kind of thing acted on, e.g. <c>user</c>, <c>skill_group</c>.</summary>
    public string TargetType { get; set; } = "";
    public string? TargetId { get; set; }
    /// <summary>The client's IP address as the Api saw it.</summary>
    public string? IpAddress { get; set; }
    /// <summary>JSON of the target before the change (null for a creation or a non-change action).</summary>
    public string? Before { get; set; }
    /// <summary>JSON of the target after the change (null for a deletion).</summary>
    public string? After { get; set; }
}
