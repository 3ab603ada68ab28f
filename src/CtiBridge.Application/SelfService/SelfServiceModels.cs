using CtiBridge.Application.Common;
using FluentValidation;

namespace CtiBridge.Application.SelfService;

/// <summary>Error codes of self-service flows (docs/selfservice.md).</summary>
public static class SelfServiceErrors
{
    /// <summary>The tenant has a flow of that name already (names are compared case-insensitively) (409).</summary>
    public const string NameTaken = "self_service_flow_name_taken";
}

/// <summary>A self-service flow as admins see it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">What agents pick in the hand-off list.</param>
/// <param name="Prompt">The sound file Asterisk plays to the customer (name without extension).</param>
/// <param name="MaxDigits">The customer is back as soon as this many digits are typed; null: no limit.</param>
/// <param name="Terminator">The key that ends the input at once (<c>#</c> or <c>*</c>, not kept); null: none.</param>
/// <param name="TimeoutSeconds">The customer is back after this many seconds whatever was typed.</param>
/// <param name="DataKey">The attached-data key that receives the digits.</param>
public sealed record SelfServiceFlowDetails(Guid Id, string Name, string Prompt, int? MaxDigits, string? Terminator, int TimeoutSeconds, string DataKey);

/// <summary>Create or edit a self-service flow. At least one of <c>maxDigits</c> and <c>terminator</c> is required.</summary>
/// <example>{ "name": "account", "prompt": "custom/enter-account", "maxDigits": 8, "terminator": "#", "timeoutSeconds": 20, "dataKey": "accountNumber" }</example>
public sealed record SelfServiceFlowRequest
{
    /// <summary>1–50 characters: letters, digits, space, <c>_</c>, <c>.</c>, <c>-</c>; unique in the tenant.</summary>
    public string? Name { get; init; }
    /// <summary>
    /// A sound file Asterisk has, by name without extension (e.g. <c>conf-getpin</c>, <c>custom/enter-account</c>): letters,
    /// digits, <c>_</c>, <c>-</c>, and <c>/</c> between folders; no path, extension or URI.
    /// </summary>
    public string? Prompt { get; init; }
    /// <summary>1–32, or null for no limit.</summary>
    public int? MaxDigits { get; init; }
    /// <summary><c>#</c>, <c>*</c>, or null/empty for none.</summary>
    public string? Terminator { get; init; }
    /// <summary>3–300 seconds; left out: 30.</summary>
    public int? TimeoutSeconds { get; init; }
    /// <summary>1–64 characters: letters, digits, <c>_</c>, <c>.</c>, <c>-</c> (as the tenant's attached-data keys).</summary>
    public string? DataKey { get; init; }
}

/// <summary>What a flow's fields look like.</summary>
public static class SelfServiceRules
{
    public const string NamePattern = @"^[\p{L}\p{N}][\p{L}\p{N} _.-]*$";
    /// <summary>A name Asterisk resolves under its sounds folder: no leading slash, no "..", no extension, no URI scheme.</summary>
    public const string SoundNamePattern = "^([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+$";
    public const string DataKeyPattern = "^[A-Za-z0-9_.-]+$";
    public const int DefaultTimeoutSeconds = 30;
}

internal sealed class SelfServiceFlowRequestValidator : AbstractValidator<SelfServiceFlowRequest>
{
    public SelfServiceFlowRequestValidator()
    {
        RuleFor(x => x.Name).Required(50).Matches(SelfServiceRules.NamePattern)
            .WithMessage("Letters, digits, space, _, . and - (starting with a letter or digit).");
        RuleFor(x => x.Prompt).Required(80).Matches(SelfServiceRules.SoundNamePattern)
            .WithMessage("A sound file name without extension, e.g. conf-getpin or custom/enter-account (letters, digits, _, - and / between folders).");
        RuleFor(x => x.MaxDigits).InclusiveBetween(1, 32);
        RuleFor(x => x.Terminator).Must(t => string.IsNullOrEmpty(t) || t is "#" or "*").WithMessage("# or *, or empty for none.");
        RuleFor(x => x.MaxDigits).NotNull().When(x => string.IsNullOrEmpty(x.Terminator))
            .WithMessage("Say when the digits are complete: a maximum number of digits, a terminator key, or both.");
        RuleFor(x => x.TimeoutSeconds).InclusiveBetween(3, 300);
        RuleFor(x => x.DataKey).Required(64).Matches(SelfServiceRules.DataKeyPattern).WithMessage("Letters, digits, _, . and -.");
    }
}
