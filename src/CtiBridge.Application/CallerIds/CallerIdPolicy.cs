using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.CallerIds;

/// <summary>A caller ID an agent may present, as the dial pad offers it.</summary>
/// <param name="Number">The number.</param>
/// <param name="Label">Its label (optional).</param>
/// <param name="TeamName">The team it belongs to; null: the whole tenant's.</param>
public sealed record AllowedCallerId(string Number, string? Label, string? TeamName);

/// <summary>
/// Which caller IDs an agent may present on outbound calls: the tenant's and those of her teams. Dialling (and other
/// features that place calls for an agent: callbacks, dial tasks) check a chosen number with <see cref="CheckAsync"/>.
/// </summary>
public sealed class CallerIdPolicy(CtiDbContext db)
{
    /// <summary>The agent's caller IDs: her teams' first (the more specific), then the tenant's; each number once.</summary>
    public async Task<IReadOnlyList<AllowedCallerId>> AllowedForAsync(Guid tenantId, Guid agentId, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var teams = await db.TeamMembers.Where(m => m.UserId == agentId).Select(m => m.TeamId).ToListAsync(ct);
        var rows = await db.OutboundCallerIds.AsNoTracking().Where(r => r.TeamId == null || teams.Contains(r.TeamId.Value)).ToListAsync(ct);
        var names = await db.Teams.AsNoTracking().Where(t => teams.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return rows.Select(r => new AllowedCallerId(r.Number, r.Label, r.TeamId is { } t ? names.GetValueOrDefault(t) : null))
            .OrderBy(r => r.TeamName is null).ThenBy(r => r.TeamName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Number, StringComparer.Ordinal)
            .DistinctBy(r => r.Number).ToList();
    }

    /// <summary>
    /// The caller ID a call of the agent presents: the one she chose, when she may present it (else
    /// <c>caller_id_not_allowed</c>, 403); none chosen: the first of hers, or null (the trunk's default) when she has none.
    /// </summary>
    public async Task<string?> ResolveAsync(Guid tenantId, Guid agentId, string? chosen, CancellationToken ct = default)
    {
        var allowed = await AllowedForAsync(tenantId, agentId, ct);
        if (chosen is null) return allowed.FirstOrDefault()?.Number;
        if (allowed.Any(a => a.Number == chosen)) return chosen;
        throw new CtiException(CallerIdErrors.NotAllowed,
            allowed.Count == 0 ? $"Caller ID {chosen} is not allowed: no caller ID is configured for you; leave it out to use the default."
                : $"Caller ID {chosen} is not allowed; choose one of: {string.Join(", ", allowed.Select(a => a.Number))}.",
            ErrorKind.Forbidden);
    }

    /// <summary>Refuses (<c>caller_id_not_allowed</c>) a caller ID the agent may not present.</summary>
    public async Task CheckAsync(Guid tenantId, Guid agentId, string callerId, CancellationToken ct = default) =>
        await ResolveAsync(tenantId, agentId, callerId, ct);
}
