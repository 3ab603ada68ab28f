using CtiBridge.Application.Admin;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Dispositions;

/// <summary>The tenant's disposition codes, as admins manage them.</summary>
public sealed class DispositionsAdmin(CtiDbContext db, IInputValidator validator)
{
    private IQueryable<Disposition> Codes(Actor actor) => db.ScopeToTenant(actor.TenantId).Dispositions;

    /// <summary>Every code, active or not, by category then name.</summary>
    public async Task<IReadOnlyList<DispositionCodeView>> ListAsync(Actor actor, CancellationToken ct = default) =>
        (await Codes(actor).AsNoTracking().OrderBy(d => d.Category).ThenBy(d => d.Name).ToListAsync(ct))
            .Select(DispositionCodeView.From).ToList();

    public async Task<DispositionCodeView> CreateAsync(Actor actor, DispositionCodeRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var code = new Disposition { TenantId = actor.TenantId };
        await ApplyAsync(actor, code, request, ct);
        db.Dispositions.Add(code);
        await db.SaveChangesAsync(ct);
        return DispositionCodeView.From(code);
    }

    public async Task<DispositionCodeView> UpdateAsync(Actor actor, Guid id, DispositionCodeRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var code = await Codes(actor).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw AdminErrors.NotFound("Disposition code");
        await ApplyAsync(actor, code, request, ct);
        await db.SaveChangesAsync(ct);
        return DispositionCodeView.From(code);
    }

    /// <summary>Deletes a code no call carries; one in use is refused (<c>disposition_in_use</c>): deactivate it instead.</summary>
    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var code = await Codes(actor).FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw AdminErrors.NotFound("Disposition code");
        if (await db.CallRecords.AnyAsync(c => c.DispositionId == id, ct) || await db.CallAgentDispositions.AnyAsync(n => n.DispositionId == id, ct))
            throw new CtiException(DispositionErrors.InUse, "Calls carry this disposition code; deactivate it instead.", ErrorKind.Conflict);
        db.Dispositions.Remove(code);
        await db.SaveChangesAsync(ct);
    }

    private async Task ApplyAsync(Actor actor, Disposition code, DispositionCodeRequest request, CancellationToken ct)
    {
        var text = request.Code!.Trim();
        var upper = text.ToUpperInvariant();
        // Codes are matched without regard to case (API clients send them as text), so two may not differ by case only.
        if (await Codes(actor).AnyAsync(d => d.Code.ToUpper() == upper && d.Id != code.Id, ct))
            throw new CtiException(DispositionErrors.CodeTaken, $"The code '{text}' is used by another disposition.", ErrorKind.Conflict);
        code.Code = text;
        code.Name = request.Name!.Trim();
        code.Category = string.IsNullOrWhiteSpace(request.Category) ? null : request.Category.Trim();
        code.Enabled = request.Active;
        code.RemarksRequired = request.RemarksRequired;
    }
}
