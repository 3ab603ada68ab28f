using CtiBridge.Application.Common;
using FluentValidation;

namespace CtiBridge.Application.CallerIds;

/// <summary>Error codes of outbound caller IDs (docs/dispositions.md, "Caller IDs").</summary>
public static class CallerIdErrors
{
    /// <summary>The caller ID is not one the agent may present: neither the tenant's nor one of her teams' (403).</summary>
    public const string NotAllowed = "caller_id_not_allowed";
    /// <summary>The same number is already listed for the same team (or for the whole tenant) (409).</summary>
    public const string Taken = "caller_id_taken";
}

/// <summary>A caller ID number agents may present on outbound calls.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Number">The number presented (optional +, then digits).</param>
/// <param name="Label">What agents read in the dial pad (optional).</param>
/// <param name="TeamId">Only this team's agents may present it; null: every agent of the tenant.</param>
/// <param name="TeamName">The team's name.</param>
public sealed record CallerIdView(Guid Id, string Number, string? Label, Guid? TeamId, string? TeamName);

/// <summary>Create or edit a caller ID.</summary>
/// <example>{ "number": "+4930123456", "label": "Sales hotline", "teamId": null }</example>
public sealed record CallerIdRequest
{
    /// <summary>Optional +, then 2–31 digits.</summary>
    public string? Number { get; init; }
    /// <summary>Up to 100 characters.</summary>
    public string? Label { get; init; }
    /// <summary>A team of the tenant; null or left out: the whole tenant.</summary>
    public Guid? TeamId { get; init; }
}

internal sealed class CallerIdRequestValidator : AbstractValidator<CallerIdRequest>
{
    public CallerIdRequestValidator()
    {
        RuleFor(x => x.Number).Required(32).Matches(CallerIdRules.NumberPattern).WithMessage("A number: optional +, then 2–31 digits.");
        RuleFor(x => x.Label).MaximumLength(100);
    }
}

/// <summary>What a caller ID number looks like (the dial request checks the same).</summary>
public static class CallerIdRules
{
    public const string NumberPattern = @"^\+?[0-9]{2,31}$";
}
