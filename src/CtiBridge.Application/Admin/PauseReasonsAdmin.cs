using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Admin;

/// <summary>A pause (Not Ready) reason.</summary>
public sealed record PauseReasonResponse(Guid Id, int? Code, string Name, bool IsSystem, string? SystemKey, bool Enabled)
{
    internal static PauseReasonResponse From(PauseReason r) => new(r.Id, r.Code, r.Name, r.IsSystem, r.SystemKey, r.Enabled);
}

/// <summary>Create or edit a pause reason. System reasons accept a new name and enabled flag only.</summary>
/// <example>{ "code": 4, "name": "Training", "enabled": true }</example>
public sealed record PauseReasonRequest
{
    /// <summary>The IVR digit (1–9) remote agents press after *66.</summary>
    public int? Code { get; init; }
    public string? Name { get; init; }
    public bool Enabled { get; init; } = true;
}

internal sealed class PauseReasonRequestValidator : AbstractValidator<PauseReasonRequest>
{
    public PauseReasonRequestValidator()
    {
        RuleFor(x => x.Code).InclusiveBetween(1, 9);
        RuleFor(x => x.Name).Required(50);
    }
}

/// <summary>Pause reasons inside the actor's tenant.</summary>
public sealed class PauseReasonsAdmin(CtiDbContext db, IInputValidator validator)
{
    private IQueryable<PauseReason> Reasons(Actor actor) => db.ScopeToTenant(actor.TenantId).PauseReasons;

    public async Task<IReadOnlyList<PauseReasonResponse>> ListAsync(Actor actor, CancellationToken ct = default) =>
        (await Reasons(actor).AsNoTracking().OrderBy(r => r.IsSystem).ThenBy(r => r.Code).ThenBy(r => r.Name).ToListAsync(ct))
            .Select(PauseReasonResponse.From).ToList();

    public async Task<PauseReasonResponse> CreateAsync(Actor actor, PauseReasonRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var reason = new PauseReason { TenantId = actor.TenantId };
        await ApplyAsync(actor, reason, request, ct);
        db.PauseReasons.Add(reason);
        await db.SaveChangesAsync(ct);
        return PauseReasonResponse.From(reason);
    }

    public async Task<PauseReasonResponse> UpdateAsync(Actor actor, Guid id, PauseReasonRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var reason = await Reasons(actor).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AdminErrors.NotFound("Pause reason");
        await ApplyAsync(actor, reason, request, ct);
        await db.SaveChangesAsync(ct);
        return PauseReasonResponse.From(reason);
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var reason = await Reasons(actor).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AdminErrors.NotFound("Pause reason");
        if (reason.IsSystem) throw AdminErrors.Conflict("System pause reasons cannot be deleted.");
        db.PauseReasons.Remove(reason);
        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyAsync(Actor actor, PauseReason reason, PauseReasonRequest request, CancellationToken ct)
    {
        var name = request.Name!.Trim();
        if (reason.IsSystem && request.Code is not null) throw AdminErrors.Conflict("System pause reasons have no IVR code.");
        if (!reason.IsSystem && request.Code is null) throw new InputValidationException(new Dictionary<string, string[]> { ["code"] = ["Required."] });
        var reasons = Reasons(actor);
        if (await reasons.AnyAsync(r => r.Name == name && r.Id != reason.Id, ct)) throw AdminErrors.Conflict($"A pause reason named '{name}' exists.");
        if (request.Code is { } code && await reasons.AnyAsync(r => r.Code == code && r.Id != reason.Id, ct))
            throw AdminErrors.Conflict($"Code {code} is used by another reason.");
        reason.Name = name;
        reason.Code = reason.IsSystem ? null : request.Code;
        reason.Enabled = request.Enabled;
    }
}
