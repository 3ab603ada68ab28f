using CtiBridge.Application.Admin;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.CallerIds;

/// <summary>The tenant's outbound caller IDs, as admins manage them: the whole tenant's and each team's.</summary>
public sealed class CallerIdsAdmin(CtiDbContext db, IInputValidator validator)
{
    private IQueryable<OutboundCallerId> Numbers(Actor actor) => db.ScopeToTenant(actor.TenantId).OutboundCallerIds;

    /// <summary>Every caller ID: the tenant's first, then by team, then by number.</summary>
    public async Task<IReadOnlyList<CallerIdView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var rows = await Numbers(actor).AsNoTracking().ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return rows.Select(r => View(r, teams)).OrderBy(v => v.TeamName is not null).ThenBy(v => v.TeamName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(v => v.Number, StringComparer.Ordinal).ToList();
    }

    public async Task<CallerIdView> CreateAsync(Actor actor, CallerIdRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var row = new OutboundCallerId { TenantId = actor.TenantId };
        var team = await ApplyAsync(actor, row, request, ct);
        db.OutboundCallerIds.Add(row);
        await db.SaveChangesAsync(ct);
        return new CallerIdView(row.Id, row.Number, row.Label, row.TeamId, team);
    }

    public async Task<CallerIdView> UpdateAsync(Actor actor, Guid id, CallerIdRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var row = await Numbers(actor).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AdminErrors.NotFound("Caller ID");
        var team = await ApplyAsync(actor, row, request, ct);
        await db.SaveChangesAsync(ct);
        return new CallerIdView(row.Id, row.Number, row.Label, row.TeamId, team);
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var row = await Numbers(actor).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AdminErrors.NotFound("Caller ID");
        db.OutboundCallerIds.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    private async Task<string?> ApplyAsync(Actor actor, OutboundCallerId row, CallerIdRequest request, CancellationToken ct)
    {
        string? teamName = null;
        if (request.TeamId is { } teamId)
        {
            // Another tenant's team is as unknown as a team that does not exist.
            teamName = await db.ScopeToTenant(actor.TenantId).Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct)
                ?? throw new InputValidationException(new Dictionary<string, string[]> { ["teamId"] = ["No such team."] });
        }
        var number = request.Number!.Trim();
        if (await Numbers(actor).AnyAsync(r => r.Number == number && r.TeamId == request.TeamId && r.Id != row.Id, ct))
            throw new CtiException(CallerIdErrors.Taken, teamName is null ? $"{number} is already a caller ID of the tenant." : $"{number} is already a caller ID of team {teamName}.", ErrorKind.Conflict);
        row.Number = number;
        row.Label = string.IsNullOrWhiteSpace(request.Label) ? null : request.Label.Trim();
        row.TeamId = request.TeamId;
        return teamName;
    }

    private static CallerIdView View(OutboundCallerId r, IReadOnlyDictionary<Guid, string> teams) =>
        new(r.Id, r.Number, r.Label, r.TeamId, r.TeamId is { } t ? teams.GetValueOrDefault(t) : null);
}
