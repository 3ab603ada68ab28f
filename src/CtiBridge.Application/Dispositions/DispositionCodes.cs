using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Dispositions;

/// <summary>A disposition an agent chose, checked against the tenant's codes.</summary>
/// <param name="Id">The code's id; null for the free text of a tenant without codes.</param>
/// <param name="Text">The code's name, or the free text.</param>
public sealed record ChosenDisposition(Guid? Id, string Text);

/// <summary>
/// The tenant's disposition codes as agents (and other features: callbacks, dial tasks) use them: the active codes to
/// offer, and the check of a code an agent chose.
/// </summary>
public sealed class DispositionCodes(CtiDbContext db)
{
    /// <summary>The active codes, by category then name (what the wrap-up form offers).</summary>
    public async Task<IReadOnlyList<DispositionCodeView>> ActiveAsync(Guid tenantId, CancellationToken ct = default) =>
        (await db.ScopeToTenant(tenantId).Dispositions.AsNoTracking().Where(d => d.Enabled)
            .OrderBy(d => d.Category).ThenBy(d => d.Name).ToListAsync(ct)).Select(DispositionCodeView.From).ToList();

    /// <summary>
    /// Checks a disposition an agent chose, by id or as text (a code or a name, any case). Refuses another tenant's
    /// code and any unknown id (<c>disposition_unknown</c>) and an inactive code (<c>disposition_inactive</c>). Text that
    /// names no code is refused too, except for a tenant that has no codes at all: its agents keep typing free text.
    /// </summary>
    public async Task<ChosenDisposition> ChooseAsync(Guid tenantId, Guid? id, string? text, CancellationToken ct = default)
    {
        var codes = db.ScopeToTenant(tenantId).Dispositions.AsNoTracking();
        Disposition? code;
        if (id is { } wanted)
        {
            code = await codes.FirstOrDefaultAsync(d => d.Id == wanted, ct);
        }
        else
        {
            var trimmed = text!.Trim();
            var upper = trimmed.ToUpperInvariant();
            var matches = await codes.Where(d => d.Code.ToUpper() == upper || d.Name.ToUpper() == upper).ToListAsync(ct);
            // A code wins over another code's name; an active code over an inactive one.
            code = matches.OrderByDescending(d => string.Equals(d.Code, trimmed, StringComparison.OrdinalIgnoreCase)).ThenByDescending(d => d.Enabled).FirstOrDefault();
            if (code is null && !await codes.AnyAsync(ct)) return new ChosenDisposition(null, trimmed);
        }
        if (code is null) throw new CtiException(DispositionErrors.Unknown, "No such disposition code in this tenant.", ErrorKind.Validation);
        if (!code.Enabled) throw new CtiException(DispositionErrors.Inactive, $"The disposition code '{code.Code}' is inactive.", ErrorKind.Conflict);
        return new ChosenDisposition(code.Id, code.Name);
    }

    /// <summary>Whether the code requires remarks (false for free text and for a code deleted since).</summary>
    public async Task<bool> RemarksRequiredAsync(Guid tenantId, Guid? id, CancellationToken ct = default) =>
        id is { } wanted && await db.ScopeToTenant(tenantId).Dispositions.AnyAsync(d => d.Id == wanted && d.RemarksRequired, ct);
}
