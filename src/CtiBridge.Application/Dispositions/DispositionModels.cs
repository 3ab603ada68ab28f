using CtiBridge.Application.Common;
using CtiBridge.Data.Entities;
using FluentValidation;

namespace CtiBridge.Application.Dispositions;

/// <summary>Error codes of disposition codes and of agents' wrap-up notes (docs/dispositions.md).</summary>
public static class DispositionErrors
{
    /// <summary>The disposition given is not one of the tenant's codes (400): another tenant's code, a deleted one, unknown text.</summary>
    public const string Unknown = "disposition_unknown";
    /// <summary>The code is inactive: not offered and not accepted for new notes (409).</summary>
    public const string Inactive = "disposition_inactive";
    /// <summary>The code chosen requires remarks and none were given or kept (400).</summary>
    public const string RemarksRequired = "disposition_remarks_required";
    /// <summary>The code is on call records or agents' notes; deactivate it instead of deleting it (409).</summary>
    public const string InUse = "disposition_in_use";
    /// <summary>Another code of the tenant has this code (409).</summary>
    public const string CodeTaken = "disposition_code_taken";
}

/// <summary>A disposition code of the tenant.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Code">Short unique code (what API clients send), e.g. <c>SALE</c>.</param>
/// <param name="Name">What agents read, e.g. "Sale".</param>
/// <param name="Category">A grouping of codes (optional), e.g. "Sales".</param>
/// <param name="Active">Offered in the wrap-up form and accepted for new notes.</param>
/// <param name="RemarksRequired">Agents must write remarks when they choose it.</param>
public sealed record DispositionCodeView(Guid Id, string Code, string Name, string? Category, bool Active, bool RemarksRequired)
{
    internal static DispositionCodeView From(Disposition d) => new(d.Id, d.Code, d.Name, d.Category, d.Enabled, d.RemarksRequired);
}

/// <summary>Create or edit a disposition code.</summary>
/// <example>{ "code": "SALE", "name": "Sale", "category": "Sales", "active": true, "remarksRequired": false }</example>
public sealed record DispositionCodeRequest
{
    /// <summary>1–32 of A-Z a-z 0-9 _ - (unique in the tenant, any case).</summary>
    public string? Code { get; init; }
    /// <summary>1–100 characters.</summary>
    public string? Name { get; init; }
    /// <summary>Optional grouping, up to 50 characters.</summary>
    public string? Category { get; init; }
    /// <summary>Offered and accepted (default true).</summary>
    public bool Active { get; init; } = true;
    /// <summary>Agents must write remarks with this code (default false).</summary>
    public bool RemarksRequired { get; init; }
}

internal sealed class DispositionCodeRequestValidator : AbstractValidator<DispositionCodeRequest>
{
    public DispositionCodeRequestValidator()
    {
        RuleFor(x => x.Code).Required(32).Matches("^[A-Za-z0-9_-]+$").WithMessage("Letters, digits, '_' and '-'.");
        RuleFor(x => x.Name).Required(100);
        RuleFor(x => x.Category).MaximumLength(50);
    }
}
