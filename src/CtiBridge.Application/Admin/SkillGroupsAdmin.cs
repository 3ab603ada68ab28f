using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Admin;

/// <summary>One agent's membership in a skill group. Lower priority is offered calls first.</summary>
public sealed record SkillGroupMemberModel
{
    public Guid UserId { get; init; }
    /// <summary>1–100; 1 is offered first.</summary>
    public int Priority { get; init; } = 1;
}

/// <summary>A skill group (queue).</summary>
public sealed record SkillGroupResponse(Guid Id, string Name, string? Number, int? MaxWaitSeconds, Guid? OverflowSkillGroupId, string? OverflowDestination,
    bool AnnouncePosition, int AnnounceIntervalSeconds, int RingTimeoutSeconds, NoAgentRule NoAgentRule, string? FallbackDestination,
    BusinessHours? BusinessHours, string? ClosedDestination, string? MusicOnHoldClass, IReadOnlyList<SkillGroupMemberModel> Members,
    int ServiceLevelSeconds)
{
    internal static SkillGroupResponse From(SkillGroup g) => new(g.Id, g.Name, g.Number, g.MaxWaitSeconds, g.OverflowSkillGroupId, g.OverflowDestination,
        g.AnnouncePosition, g.AnnounceIntervalSeconds, g.RingTimeoutSeconds, g.NoAgentRule, g.FallbackDestination, g.BusinessHours, g.ClosedDestination,
        g.MusicOnHoldClass, g.Memberships.OrderBy(m => m.Priority).ThenBy(m => m.UserId).Select(m => new SkillGroupMemberModel { UserId = m.UserId, Priority = m.Priority }).ToList(),
        g.ServiceLevelSeconds);
}

/// <summary>Create or replace a skill group's settings (members are managed separately).</summary>
/// <example>{ "name": "Sales", "number": "500", "maxWaitSeconds": 300, "announcePosition": true, "announceIntervalSeconds": 45, "ringTimeoutSeconds": 15, "serviceLevelSeconds": 20, "noAgentRule": "KeepWaiting", "musicOnHoldClass": "default" }</example>
public sealed record SkillGroupRequest
{
    public string? Name { get; init; }
    public string? Number { get; init; }
    public int? MaxWaitSeconds { get; init; }
    public Guid? OverflowSkillGroupId { get; init; }
    public string? OverflowDestination { get; init; }
    public bool AnnouncePosition { get; init; }
    public int AnnounceIntervalSeconds { get; init; } = 60;
    public int RingTimeoutSeconds { get; init; } = 20;
    /// <summary>Service-level threshold for reports: answered within this many seconds of waiting (1–3600, default 20; docs/reports.md).</summary>
    public int ServiceLevelSeconds { get; init; } = 20;
    public NoAgentRule NoAgentRule { get; init; } = NoAgentRule.KeepWaiting;
    public string? FallbackDestination { get; init; }
    /// <summary>Null = always open.</summary>
    public BusinessHours? BusinessHours { get; init; }
    public string? ClosedDestination { get; init; }
    public string? MusicOnHoldClass { get; init; }
}

/// <summary>Replace the members of a skill group.</summary>
/// <example>{ "members": [{ "userId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11", "priority": 1 }, { "userId": "0f8fad5b-d9cb-469f-a165-70867728950e", "priority": 2 }] }</example>
public sealed record SkillGroupMembersRequest
{
    public List<SkillGroupMemberModel>? Members { get; init; }
}

/// <summary>Set one member's priority (adds the member when absent).</summary>
/// <example>{ "priority": 2 }</example>
public sealed record SkillGroupMemberPriorityRequest
{
    public int Priority { get; init; } = 1;
}

internal sealed class SkillGroupRequestValidator : AbstractValidator<SkillGroupRequest>
{
    public SkillGroupRequestValidator()
    {
        RuleFor(x => x.Name).Required(100);
        RuleFor(x => x.Number).MaximumLength(32).Matches(Rules.PhoneNumberPattern).When(x => x.Number is not null);
        RuleFor(x => x.MaxWaitSeconds).InclusiveBetween(1, 86400);
        RuleFor(x => x.OverflowDestination).MaximumLength(64);
        RuleFor(x => x.AnnounceIntervalSeconds).InclusiveBetween(10, 3600);
        RuleFor(x => x.RingTimeoutSeconds).InclusiveBetween(5, 300);
        RuleFor(x => x.ServiceLevelSeconds).InclusiveBetween(1, 3600);
        RuleFor(x => x.NoAgentRule).IsInEnum();
        RuleFor(x => x.FallbackDestination).MaximumLength(64);
        RuleFor(x => x.FallbackDestination).NotEmpty().When(x => x.NoAgentRule == NoAgentRule.FallbackDestination)
            .WithMessage("Required when the no-agent rule is FallbackDestination.");
        RuleFor(x => x.ClosedDestination).MaximumLength(64);
        RuleFor(x => x.MusicOnHoldClass).MaximumLength(80).Matches("^[A-Za-z0-9_-]*$");
        RuleFor(x => x.BusinessHours!).ChildRules(h =>
        {
            h.RuleFor(b => b.TimeZone).NotEmpty().MaximumLength(64)
                .Must(tz => tz is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _)).WithMessage("Unknown time zone.");
            h.RuleFor(b => b.Rules).NotNull().Must(r => r is null || r.Count <= 50);
            h.RuleForEach(b => b.Rules).ChildRules(r =>
            {
                r.RuleFor(x => x.Days).NotEmpty();
                r.RuleFor(x => x.Close).GreaterThan(x => x.Open).WithMessage("Close must be after open.");
            });
        }).When(x => x.BusinessHours is not null);
    }
}

internal sealed class SkillGroupMembersRequestValidator : AbstractValidator<SkillGroupMembersRequest>
{
    public SkillGroupMembersRequestValidator()
    {
        RuleFor(x => x.Members).NotNull().WithMessage("Required.").Must(m => m is null || m.Count <= 1000);
        RuleFor(x => x.Members).Must(m => m is null || m.Select(x => x.UserId).Distinct().Count() == m.Count).WithMessage("A user appears twice.");
        RuleForEach(x => x.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.UserId).NotEmpty();
            m.RuleFor(x => x.Priority).InclusiveBetween(1, 100);
        });
    }
}

internal sealed class SkillGroupMemberPriorityRequestValidator : AbstractValidator<SkillGroupMemberPriorityRequest>
{
    public SkillGroupMemberPriorityRequestValidator() => RuleFor(x => x.Priority).InclusiveBetween(1, 100);
}

/// <summary>Skill groups and their memberships inside the actor's tenant.</summary>
public sealed class SkillGroupsAdmin(CtiDbContext db, IInputValidator validator)
{
    private IQueryable<SkillGroup> Groups(Actor actor) => db.ScopeToTenant(actor.TenantId).SkillGroups.Include(g => g.Memberships);

    public async Task<IReadOnlyList<SkillGroupResponse>> ListAsync(Actor actor, CancellationToken ct = default) =>
        (await Groups(actor).AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct)).Select(SkillGroupResponse.From).ToList();

    public async Task<SkillGroupResponse> GetAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        SkillGroupResponse.From(await Find(actor, id, ct, tracking: false));

    public async Task<SkillGroupResponse> CreateAsync(Actor actor, SkillGroupRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var group = new SkillGroup { TenantId = actor.TenantId };
        await ApplyAsync(group, request, ct);
        db.SkillGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return SkillGroupResponse.From(group);
    }

    public async Task<SkillGroupResponse> UpdateAsync(Actor actor, Guid id, SkillGroupRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var group = await Find(actor, id, ct);
        await ApplyAsync(group, request, ct);
        await db.SaveChangesAsync(ct);
        return SkillGroupResponse.From(group);
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var group = await Find(actor, id, ct);
        db.SkillGroups.Remove(group);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Replaces the whole member list.</summary>
    public async Task<SkillGroupResponse> SetMembersAsync(Actor actor, Guid id, SkillGroupMembersRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var group = await Find(actor, id, ct);
        var wanted = request.Members!;
        var ids = wanted.Select(m => m.UserId).ToList();
        if (await db.Users.CountAsync(u => ids.Contains(u.Id), ct) != ids.Count) throw AdminErrors.NotFound("One of the users");
        group.Memberships.RemoveAll(m => !ids.Contains(m.UserId));
        foreach (var w in wanted)
        {
            var existing = group.Memberships.FirstOrDefault(m => m.UserId == w.UserId);
            if (existing is null)
                group.Memberships.Add(new SkillGroupMembership { TenantId = actor.TenantId, SkillGroupId = id, UserId = w.UserId, Priority = w.Priority });
            else
                existing.Priority = w.Priority;
        }
        await db.SaveChangesAsync(ct);
        return SkillGroupResponse.From(group);
    }

    /// <summary>Adds a member or changes its priority.</summary>
    public async Task<SkillGroupResponse> SetMemberAsync(Actor actor, Guid id, Guid userId, SkillGroupMemberPriorityRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var group = await Find(actor, id, ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw AdminErrors.NotFound("User");
        var existing = group.Memberships.FirstOrDefault(m => m.UserId == userId);
        if (existing is null)
            group.Memberships.Add(new SkillGroupMembership { TenantId = actor.TenantId, SkillGroupId = id, UserId = userId, Priority = request.Priority });
        else
            existing.Priority = request.Priority;
        await db.SaveChangesAsync(ct);
        return SkillGroupResponse.From(group);
    }

    /// <summary>Removes a member.</summary>
    public async Task RemoveMemberAsync(Actor actor, Guid id, Guid userId, CancellationToken ct = default)
    {
        var group = await Find(actor, id, ct);
        var existing = group.Memberships.FirstOrDefault(m => m.UserId == userId)
            ?? throw new CtiException(ErrorCodes.NotAMember, "The user is not a member of this group.", ErrorKind.NotFound);
        group.Memberships.Remove(existing);
        await db.SaveChangesAsync(ct);
    }

    private async Task<SkillGroup> Find(Actor actor, Guid id, CancellationToken ct, bool tracking = true)
    {
        var q = Groups(actor);
        if (!tracking) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(g => g.Id == id, ct)
            ?? throw new CtiException(ErrorCodes.SkillGroupNotFound, "Skill group not found.", ErrorKind.NotFound);
    }

    private async Task ApplyAsync(SkillGroup g, SkillGroupRequest r, CancellationToken ct)
    {
        var name = r.Name!.Trim();
        var number = string.IsNullOrWhiteSpace(r.Number) ? null : r.Number.Trim();
        if (await db.SkillGroups.AnyAsync(x => x.Name == name && x.Id != g.Id, ct)) throw AdminErrors.Conflict($"A skill group named '{name}' exists.");
        if (number is not null && await db.SkillGroups.AnyAsync(x => x.Number == number && x.Id != g.Id, ct)) throw AdminErrors.Conflict($"Number {number} is taken.");
        if (r.OverflowSkillGroupId is { } overflow)
        {
            if (overflow == g.Id) throw AdminErrors.Conflict("A group cannot overflow to itself.");
            if (!await db.SkillGroups.AnyAsync(x => x.Id == overflow, ct))
                throw new CtiException(ErrorCodes.SkillGroupNotFound, "The overflow skill group does not exist.", ErrorKind.NotFound);
        }
        g.Name = name;
        g.Number = number;
        g.MaxWaitSeconds = r.MaxWaitSeconds;
        g.OverflowSkillGroupId = r.OverflowSkillGroupId;
        g.OverflowDestination = Blank(r.OverflowDestination);
        g.AnnouncePosition = r.AnnouncePosition;
        g.AnnounceIntervalSeconds = r.AnnounceIntervalSeconds;
        g.RingTimeoutSeconds = r.RingTimeoutSeconds;
        g.ServiceLevelSeconds = r.ServiceLevelSeconds;
        g.NoAgentRule = r.NoAgentRule;
        g.FallbackDestination = Blank(r.FallbackDestination);
        g.BusinessHours = r.BusinessHours;
        g.ClosedDestination = Blank(r.ClosedDestination);
        g.MusicOnHoldClass = Blank(r.MusicOnHoldClass);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
