using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Supervision;
using CtiBridge.Domain.Tenants;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Admin;

/// <summary>A team: supervisors who lead it and its agents.</summary>
/// <param name="MonitoringModes">What the team's supervisors may do on its agents' calls: <c>Monitor</c>, <c>Whisper</c>, <c>Barge</c>, <c>TakeOver</c>.</param>
public sealed record TeamResponse(Guid Id, string Name, IReadOnlyList<Guid> SupervisorIds, IReadOnlyList<Guid> MemberIds,
    IReadOnlyList<MonitoringMode>? MonitoringModes = null)
{
    internal static TeamResponse From(Team t) => new(t.Id, t.Name, t.Supervisors.Select(s => s.UserId).Order().ToList(), t.Members.Select(m => m.UserId).Order().ToList(),
        ((MonitoringModes)t.MonitoringModes).List());
}

/// <summary>Create or replace a team.</summary>
/// <example>{ "name": "Team North", "supervisorIds": ["5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11"], "memberIds": ["0f8fad5b-d9cb-469f-a165-70867728950e"], "monitoringModes": ["Monitor", "Whisper", "Barge"] }</example>
public sealed record TeamRequest
{
    public string? Name { get; init; }
    /// <summary>Users with the supervisor (or admin) role.</summary>
    public List<Guid>? SupervisorIds { get; init; } = [];
    /// <summary>Users of the tenant (usually agents).</summary>
    public List<Guid>? MemberIds { get; init; } = [];
    /// <summary>
    /// What the team's supervisors may do on its agents' calls (any of <c>Monitor</c>, <c>Whisper</c>, <c>Barge</c>,
    /// <c>TakeOver</c>; empty: nothing). Omitted: a new team gets Monitor, Whisper and Barge; an existing one keeps its modes.
    /// </summary>
    public List<MonitoringMode>? MonitoringModes { get; init; }
}

internal sealed class TeamRequestValidator : AbstractValidator<TeamRequest>
{
    public TeamRequestValidator()
    {
        RuleFor(x => x.Name).Required(100);
        RuleFor(x => x.SupervisorIds).Must(l => l is null || l.Count <= 50).WithMessage("At most 50 supervisors.");
        RuleFor(x => x.MemberIds).Must(l => l is null || l.Count <= 1000).WithMessage("At most 1000 members.");
        RuleForEach(x => x.SupervisorIds).NotEmpty();
        RuleForEach(x => x.MemberIds).NotEmpty();
        RuleForEach(x => x.MonitoringModes).IsInEnum();
    }
}

/// <summary>Team administration inside the actor's tenant.</summary>
public sealed class TeamsAdmin(CtiDbContext db, IInputValidator validator)
{
    private IQueryable<Team> Teams(Actor actor) => db.ScopeToTenant(actor.TenantId).Teams.Include(t => t.Supervisors).Include(t => t.Members);

    public async Task<IReadOnlyList<TeamResponse>> ListAsync(Actor actor, CancellationToken ct = default) =>
        (await Teams(actor).AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(TeamResponse.From).ToList();

    public async Task<TeamResponse> GetAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        TeamResponse.From(await Teams(actor).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw AdminErrors.NotFound("Team"));

    public async Task<TeamResponse> CreateAsync(Actor actor, TeamRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var team = new Team { TenantId = actor.TenantId };
        await ApplyAsync(actor, team, request, ct);
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return TeamResponse.From(team);
    }

    public async Task<TeamResponse> UpdateAsync(Actor actor, Guid id, TeamRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var team = await Teams(actor).FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw AdminErrors.NotFound("Team");
        await ApplyAsync(actor, team, request, ct);
        await db.SaveChangesAsync(ct);
        return TeamResponse.From(team);
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var team = await Teams(actor).FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw AdminErrors.NotFound("Team");
        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyAsync(Actor actor, Team team, TeamRequest request, CancellationToken ct)
    {
        var name = request.Name!.Trim();
        if (await db.Teams.AnyAsync(t => t.Name == name && t.Id != team.Id, ct)) throw AdminErrors.Conflict($"A team named '{name}' exists.");
        var supervisorIds = (request.SupervisorIds ?? []).Distinct().ToList();
        var memberIds = (request.MemberIds ?? []).Distinct().ToList();
        var all = supervisorIds.Concat(memberIds).Distinct().ToList();
        var users = await db.Users.Where(u => all.Contains(u.Id)).Select(u => new { u.Id, u.Roles }).ToListAsync(ct);
        if (users.Count != all.Count) throw AdminErrors.NotFound("One of the users");
        if (users.Any(u => supervisorIds.Contains(u.Id) && (u.Roles & (UserRoles.Supervisor | UserRoles.Admin)) == 0))
            throw AdminErrors.Conflict("Every supervisor of a team must have the supervisor role.");
        team.Name = name;
        if (request.MonitoringModes is { } modes) team.MonitoringModes = (int)modes.ToFlags();
        team.Supervisors.RemoveAll(s => !supervisorIds.Contains(s.UserId));
        foreach (var id in supervisorIds.Where(id => team.Supervisors.All(s => s.UserId != id)))
            team.Supervisors.Add(new TeamSupervisor { TenantId = actor.TenantId, TeamId = team.Id, UserId = id });
        team.Members.RemoveAll(m => !memberIds.Contains(m.UserId));
        foreach (var id in memberIds.Where(id => team.Members.All(m => m.UserId != id)))
            team.Members.Add(new TeamMember { TenantId = actor.TenantId, TeamId = team.Id, UserId = id });
    }
}
