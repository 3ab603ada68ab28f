using CtiBridge.Api.Auth;
using CtiBridge.Application.Contacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Contacts;

/// <summary>
/// The address book (docs/contacts.md). Agents see and edit the contacts they own; supervisors their teams' contacts
/// (the contact's team is one of theirs, or its owner is one of their agents); admins the tenant's. Only supervisors
/// and admins delete. A contact the caller may not see, like one of another tenant, is <c>contact_not_found</c> (404).
/// Numbers are kept as written and normalised to E.164 with the tenant's country; one that cannot be parsed is flagged
/// <c>unparsable</c>.
/// </summary>
[ApiController]
[Route("api/v1/contacts")]
[Authorize]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class ContactsController(ContactBook book, ContactCsv csv) : ControllerBase
{
    /// <summary>Contacts whose name or one of whose numbers contains <paramref name="search"/>, by name, a page at a time.</summary>
    /// <param name="search">Substring of the name (case-insensitive) or of a number (as written, or its digits in E.164).</param>
    /// <param name="page">1-based (default 1).</param>
    /// <param name="pageSize">1–200 (default 50).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">A page of contacts.</response>
    /// <response code="400"><c>validation_failed</c> (page, page size, search longer than 100).</response>
    [HttpGet]
    [ProducesResponseType<ContactPage>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task<ContactPage> Search(string? search, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        await book.SearchAsync(await book.ViewerAsync(User.ToActor(), ct), search, page, pageSize, ct);

    /// <summary>One contact.</summary>
    /// <param name="id">The contact.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The contact.</response>
    /// <response code="404"><c>contact_not_found</c>: no such contact, or not one the caller may see.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ContactResponse>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<ContactResponse> Get(Guid id, CancellationToken ct) =>
        await book.GetAsync(await book.ViewerAsync(User.ToActor(), ct), id, ct);

    /// <summary>Creates a contact (owner: the caller unless given; team: the owner's team unless given).</summary>
    /// <param name="request">The contact.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">The contact.</response>
    /// <response code="400"><c>validation_failed</c> with per-field <c>errors</c>.</response>
    /// <response code="403"><c>contact_assignment_forbidden</c>: an owner or team the caller may not assign (agents: only themselves).</response>
    [HttpPost]
    [ProducesResponseType<ContactResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(403)]
    public async Task<ActionResult<ContactResponse>> Create([FromBody] ContactRequest request, CancellationToken ct)
    {
        var contact = await book.CreateAsync(await book.ViewerAsync(User.ToActor(), ct), request, ct);
        return Created($"/api/v1/contacts/{contact.Id}", contact);
    }

    /// <summary>Edits a contact: every field and the numbers are replaced; owner and team change only when given.</summary>
    /// <param name="id">The contact.</param>
    /// <param name="request">The contact.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The contact.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    /// <response code="403"><c>contact_assignment_forbidden</c>.</response>
    /// <response code="404"><c>contact_not_found</c>: no such contact, or not one the caller may see (an agent editing another's contact).</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<ContactResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<ContactResponse> Update(Guid id, [FromBody] ContactRequest request, CancellationToken ct) =>
        await book.UpdateAsync(await book.ViewerAsync(User.ToActor(), ct), id, request, ct);

    /// <summary>Deletes a contact (supervisors: their teams' contacts; admins).</summary>
    /// <param name="id">The contact.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Deleted.</response>
    /// <response code="403"><c>contact_delete_forbidden</c>: agents do not delete contacts.</response>
    /// <response code="404"><c>contact_not_found</c>.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await book.DeleteAsync(await book.ViewerAsync(User.ToActor(), ct), id, ct);
        return NoContent();
    }

    /// <summary>Creates the contacts of a CSV file, all or none (the format of the export).</summary>
    /// <param name="request">The CSV text.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Every contact of the file was created.</response>
    /// <response code="400">Nothing was created: the file cannot be read (<c>errors.csv</c>), or rows have problems
    /// (<c>validation_failed</c>, one entry per problem under <c>rows[N].field</c>, N being the line of the file).</response>
    [HttpPost("import")]
    [ProducesResponseType<ImportContactsResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<ActionResult<ImportContactsResponse>> Import([FromBody] ImportContactsRequest request, CancellationToken ct)
    {
        var result = await csv.ImportAsync(await book.ViewerAsync(User.ToActor(), ct), request, ct);
        return Created("/api/v1/contacts", result);
    }

    /// <summary>The caller's contacts (matching <paramref name="search"/>) as CSV: <c>name, company, notes, numbers, owner, team</c>.</summary>
    /// <param name="search">As for the search.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The CSV file.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    [HttpGet("export")]
    [Produces("text/csv", "application/problem+json")]
    [ProducesResponseType<FileStreamResult>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task Export(string? search, CancellationToken ct)
    {
        var viewer = await book.ViewerAsync(User.ToActor(), ct);
        book.Matching(viewer, search); // refuses a bad search before the response starts
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"contacts.csv\"";
        await csv.WriteAsync(Response.Body, viewer, search, ct);
    }
}
