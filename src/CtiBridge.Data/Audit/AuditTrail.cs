using System.Text.Json;
using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CtiBridge.Data.Audit;

/// <summary>Who is changing data through a context: the host supplies it (the Api: the signed-in user or API key).</summary>
public interface IAuditActor
{
    /// <summary>Null when nobody identified is acting (anonymous request, background work): nothing is audited then.</summary>
    AuditActorType? Type { get; }
    Guid? Id { get; }
    string? Name { get; }
    /// <summary>The actor's own tenant (where an entry about a deleted tenant is kept).</summary>
    Guid? TenantId { get; }
    string? IpAddress { get; }
}

/// <summary>No actor: the default outside the Api (jobs, seeding, tests).</summary>
public sealed class NoAuditActor : IAuditActor
{
    public AuditActorType? Type => null;
    public Guid? Id => null;
    public string? Name => null;
    public Guid? TenantId => null;
    public string? IpAddress => null;
}

/// <summary>
/// Writes audit entries for changes to the tenant's configuration, from the change tracker, inside the
/// <c>SaveChanges</c> that makes the change (so in its transaction: both or neither). Called by
/// <see cref="CtiDbContext"/> when an actor is set. Configuration entities only (users, teams, skill groups, …; not
/// calls, sessions or tokens); secrets are written as <c>"***"</c>; bookkeeping columns (last use, last login,
/// failed sign-ins) alone are not a change. Actions that change nothing the change tracker sees (a recording played)
/// add their entry themselves with <see cref="Add"/>.
/// </summary>
public static class AuditTrail
{
    private static readonly Dictionary<Type, string> Audited = new()
    {
        [typeof(Tenant)] = "tenant",
        [typeof(User)] = "user",
        [typeof(AgentProfile)] = "agent_profile",
        [typeof(Team)] = "team",
        [typeof(TeamSupervisor)] = "team_supervisor",
        [typeof(TeamMember)] = "team_member",
        [typeof(SkillGroup)] = "skill_group",
        [typeof(SkillGroupMembership)] = "skill_group_membership",
        [typeof(PauseReason)] = "pause_reason",
        [typeof(Phone)] = "phone",
        [typeof(BlockedNumber)] = "blocked_number",
        [typeof(Disposition)] = "disposition",
        [typeof(OutboundCallerId)] = "outbound_caller_id",
        [typeof(TenantSelfServiceFlow)] = "self_service_flow",
        [typeof(ApiKey)] = "api_key",
        [typeof(WebhookEndpoint)] = "webhook_endpoint",
    };

    /// <summary>Columns that change as a side effect of use, not of an admin's decision.</summary>
    private static readonly HashSet<string> Bookkeeping = ["LastUsedAt", "LastLoginAt", "FailedLoginCount", "FailedLogins", "LockedUntil"];

    private static bool IsSecret(string property) =>
        property.Contains("Hash", StringComparison.Ordinal) || property.Contains("Secret", StringComparison.Ordinal) || property.Contains("Password", StringComparison.Ordinal);

    /// <summary>The target type name an entity is audited under, or null when it is not audited.</summary>
    public static string? TargetTypeOf(Type entity) => Audited.GetValueOrDefault(entity);

    /// <summary>Adds an entry for an action the change tracker does not see. Saved with the context's next SaveChanges.</summary>
    public static AuditEntry Add(CtiDbContext db, IAuditActor actor, DateTimeOffset at, Guid tenantId, string action, string targetType, string? targetId,
        object? before = null, object? after = null)
    {
        var entry = new AuditEntry
        {
            TenantId = tenantId, At = at, ActorType = actor.Type ?? AuditActorType.System, ActorId = actor.Id, ActorName = actor.Name,
            Action = action, TargetType = targetType, TargetId = targetId, IpAddress = actor.IpAddress,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json), After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    internal static void Record(CtiDbContext db, IAuditActor actor, DateTimeOffset at)
    {
        if (actor.Type is null) return;
        var entries = new List<AuditEntry>();
        foreach (var e in db.ChangeTracker.Entries().ToList())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (TargetTypeOf(e.Metadata.ClrType) is not { } targetType) continue;
            var changed = e.State == EntityState.Modified
                ? e.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToList()
                : null;
            if (changed is not null && changed.All(Bookkeeping.Contains)) continue;

            var verb = e.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" };
            Guid tenantId = e.Entity is Tenant t
                ? (e.State == EntityState.Deleted ? actor.TenantId ?? Guid.Empty : t.Id)
                : ((ITenantOwned)e.Entity).TenantId;
            if (tenantId == Guid.Empty) continue; // a deleted tenant, removed by someone without a tenant of their own
            entries.Add(new AuditEntry
            {
                TenantId = tenantId, At = at, ActorType = actor.Type.Value, ActorId = actor.Id, ActorName = actor.Name,
                Action = $"{targetType}.{verb}", TargetType = targetType, TargetId = KeyOf(e), IpAddress = actor.IpAddress,
                Before = e.State == EntityState.Added ? null : Snapshot(e, original: true),
                After = e.State == EntityState.Deleted ? null : Snapshot(e, original: false),
            });
        }
        db.AuditEntries.AddRange(entries);
    }

    private static string KeyOf(EntityEntry e) =>
        string.Join("/", e.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(e.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Snapshot(EntityEntry e, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            var v = original ? p.OriginalValue : p.CurrentValue;
            values[p.Metadata.Name] = IsSecret(p.Metadata.Name) ? (v is null ? null : "***") : v;
        }
        foreach (var c in e.ComplexProperties)
            foreach (var p in c.Properties)
                values[$"{c.Metadata.Name}.{p.Metadata.Name}"] = original ? p.OriginalValue : p.CurrentValue;
        return JsonSerializer.Serialize(values, Json);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
