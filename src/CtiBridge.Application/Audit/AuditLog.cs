using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Audit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Audit;

/// <summary>Filters and page of an audit log query. Every filter is optional; entries come newest first.</summary>
public sealed record AuditLogQuery
{
    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Entries before this instant.</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>Exact action, e.g. <c>user.updated</c>.</summary>
    public string? Action { get; init; }
    /// <summary>Exact target type, e.g. <c>user</c>.</summary>
    public string? TargetType { get; init; }
    /// <summary>Exact target id.</summary>
    public string? TargetId { get; init; }
    /// <summary>The user or API key that acted.</summary>
    public Guid? ActorId { get; init; }
    /// <summary>1-based page (default 1).</summary>
    public int Page { get; init; } = 1;
    /// <summary>Entries per page, 1–200 (default 50).</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>One audit entry as admins read it. <c>before</c>/<c>after</c> are JSON objects of the target's columns (secrets as <c>***</c>).</summary>
public sealed record AuditEntryResponse(Guid Id, DateTimeOffset At, AuditActorType ActorType, Guid? ActorId, string? ActorName,
    string Action, string TargetType, string? TargetId, string? IpAddress, string? Before, string? After);

/// <summary>A page of audit entries and the number of entries matching the filters.</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditEntryResponse> Items, int Page, int PageSize, int Total);

internal sealed class AuditLogQueryValidator : AbstractValidator<AuditLogQuery>
{
    public AuditLogQueryValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200);
        RuleFor(x => x.Action).MaximumLength(64);
        RuleFor(x => x.TargetType).MaximumLength(64);
        RuleFor(x => x.TargetId).MaximumLength(64);
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("Must be after 'from'.");
    }
}

/// <summary>Reading the audit log of the actor's tenant (admins). Entries are written by the data layer (AuditTrail).</summary>
public sealed class AuditLog(CtiDbContext db, IInputValidator validator)
{
    public async Task<AuditLogPage> QueryAsync(Actor actor, AuditLogQuery query, CancellationToken ct = default)
    {
        await validator.ValidateAsync(query, ct);
        var q = db.ScopeToTenant(actor.TenantId).AuditEntries.AsNoTracking();
        if (query.From is { } from) q = q.Where(a => a.At >= from);
        if (query.To is { } to) q = q.Where(a => a.At < to);
        if (query.Action is { } action) q = q.Where(a => a.Action == action);
        if (query.TargetType is { } type) q = q.Where(a => a.TargetType == type);
        if (query.TargetId is { } id) q = q.Where(a => a.TargetId == id);
        if (query.ActorId is { } actorId) q = q.Where(a => a.ActorId == actorId);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(a => new AuditEntryResponse(a.Id, a.At, a.ActorType, a.ActorId, a.ActorName, a.Action, a.TargetType, a.TargetId, a.IpAddress, a.Before, a.After))
            .ToListAsync(ct);
        return new AuditLogPage(items, query.Page, query.PageSize, total);
    }
}
