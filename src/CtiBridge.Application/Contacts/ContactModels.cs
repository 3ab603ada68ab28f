using CtiBridge.Application.Common;
using FluentValidation;

namespace CtiBridge.Application.Contacts;

/// <summary>Error codes of contacts.</summary>
public static class ContactErrors
{
    /// <summary>No such contact, or one the caller may not see (404; another tenant's contacts are never seen).</summary>
    public const string NotFound = "contact_not_found";
    /// <summary>Only supervisors and admins delete contacts (403).</summary>
    public const string DeleteForbidden = "contact_delete_forbidden";
    /// <summary>The owner or team given is not one the caller may assign (403): agents keep their own contacts, supervisors assign within their teams.</summary>
    public const string AssignmentForbidden = "contact_assignment_forbidden";
}

/// <summary>One number of a contact, as sent.</summary>
public sealed record ContactNumberInput
{
    /// <summary>e.g. <c>mobile</c>, <c>work</c> (optional, up to 32 characters).</summary>
    public string? Label { get; init; }
    /// <summary>The number as written (<c>+49 30 1234567</c>, <c>030 1234567</c> with the tenant's country); up to 32 characters, at least one digit.</summary>
    public string? Number { get; init; }
}

/// <summary>Create or edit a contact (an edit replaces every field and the numbers).</summary>
/// <example>{ "name": "Jonas Berg", "company": "Berg Tools", "notes": "Prefers calls after 2 pm.", "numbers": [{ "label": "mobile", "number": "+491701234567" }] }</example>
public sealed record ContactRequest
{
    /// <summary>Required, up to 200 characters.</summary>
    public string? Name { get; init; }
    /// <summary>Up to 200 characters.</summary>
    public string? Company { get; init; }
    /// <summary>Up to 2000 characters.</summary>
    public string? Notes { get; init; }
    /// <summary>Up to 10 labelled numbers.</summary>
    public List<ContactNumberInput>? Numbers { get; init; }
    /// <summary>The owning agent; absent: the caller on create, unchanged on edit. Agents may only name themselves; supervisors an agent of their teams.</summary>
    public Guid? OwnerId { get; init; }
    /// <summary>The team whose supervisors see the contact; absent: the owner's team on create, unchanged on edit. Supervisors: one of their teams.</summary>
    public Guid? TeamId { get; init; }
}

/// <summary>One number of a contact.</summary>
/// <param name="Label">e.g. <c>mobile</c>.</param>
/// <param name="Number">As given.</param>
/// <param name="E164">The number in E.164; null when it could not be parsed.</param>
/// <param name="Unparsable">Flag: the number could not be parsed with the tenant's country and is kept as given.</param>
public sealed record ContactNumberResponse(string? Label, string Number, string? E164, bool Unparsable);

/// <summary>A contact.</summary>
public sealed record ContactResponse(
    Guid Id, string Name, string? Company, string? Notes, IReadOnlyList<ContactNumberResponse> Numbers,
    Guid? OwnerId, string? OwnerName, Guid? TeamId, string? TeamName, DateTimeOffset CreatedAt);

/// <summary>A page of contacts, by name.</summary>
/// <param name="Items">The contacts of the page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Contacts per page.</param>
/// <param name="HasMore">A further page exists.</param>
public sealed record ContactPage(IReadOnlyList<ContactResponse> Items, int Page, int PageSize, bool HasMore);

/// <summary>Contacts to create from a CSV file.</summary>
/// <example>{ "csv": "name,company,numbers\nJonas Berg,Berg Tools,mobile: +491701234567; work: +4930123456\n" }</example>
public sealed record ImportContactsRequest
{
    /// <summary>
    /// The CSV text: a header row, then one contact per row. Columns by header name (any order, any case): <c>name</c>
    /// (required), <c>company</c>, <c>notes</c>, <c>numbers</c> (<c>label: number</c> pairs separated by <c>;</c> or
    /// <c>|</c>, e.g. <c>mobile: +49 151 2345678; work: 030 1234567</c>), <c>owner</c> (username), <c>team</c> (team name).
    /// Comma, semicolon or tab separated — the format the export writes.
    /// </summary>
    public string? Csv { get; init; }
}

/// <summary>The contacts created, in file order.</summary>
public sealed record ImportContactsResponse(int Created, IReadOnlyList<ContactResponse> Contacts);

internal sealed class ContactNumberInputValidator : AbstractValidator<ContactNumberInput>
{
    public ContactNumberInputValidator()
    {
        RuleFor(x => x.Label).Optional(32);
        RuleFor(x => x.Number).Required(32)
            .Must(n => n is null || n.Any(char.IsAsciiDigit)).WithMessage("A number has at least one digit.");
    }
}

internal sealed class ContactRequestValidator : AbstractValidator<ContactRequest>
{
    public const int MaxNumbers = 10;

    public ContactRequestValidator()
    {
        RuleFor(x => x.Name).Required(200).Must(n => n is null || n.Trim().Length > 0).WithMessage("Required.");
        RuleFor(x => x.Company).Optional(200);
        RuleFor(x => x.Notes).Optional(2000);
        RuleFor(x => x.Numbers).Must(n => n is null || n.Count <= MaxNumbers).WithMessage($"At most {MaxNumbers} numbers.");
        RuleForEach(x => x.Numbers).NotNull().SetValidator(new ContactNumberInputValidator());
    }
}

internal sealed class ImportContactsRequestValidator : AbstractValidator<ImportContactsRequest>
{
    public ImportContactsRequestValidator() =>
        RuleFor(x => x.Csv).NotEmpty().WithMessage("Required.").MaximumLength(5_000_000).WithMessage("At most 5 MB of text.");
}
