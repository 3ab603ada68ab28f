using CtiBridge.Application.Common;
using CtiBridge.Application.Provisioning;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Admin;

/// <summary>A SIP phone.</summary>
public sealed record PhoneResponse(Guid Id, string EndpointName, string Extension, string? Description, bool HotDesk)
{
    internal static PhoneResponse From(Phone p) => new(p.Id, p.EndpointName, p.Extension, p.Description, p.HotDesk);

    /// <summary>
    /// Only in the answer to the phone's creation, when CtiBridge provisions endpoints: what the phone registers with.
    /// Shown this once; later, <c>POST /api/v1/admin/phones/{id}/sip-credentials</c> issues new ones.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public PhoneSipCredentials? SipCredentials { get; init; }
}

/// <summary>Create or edit a phone.</summary>
/// <example>{ "extension": "1007", "endpointName": "acme-1007", "description": "Desk 7, second floor", "hotDesk": false }</example>
public sealed record PhoneRequest
{
    /// <summary>The phone's extension (2–20 digits).</summary>
    public string? Extension { get; init; }
    /// <summary>
    /// Name of the phone's PJSIP endpoint; CtiBridge puts the tenant's domain in front (<c>lobby</c> → <c>acme-lobby</c>;
    /// a name that already starts with <c>&lt;domain&gt;-</c> is kept). Defaults to the extension: <c>&lt;domain&gt;-&lt;extension&gt;</c>.
    /// Endpoint names are unique across all tenants of the PBX (409 <c>endpoint_taken</c>).
    /// </summary>
    public string? EndpointName { get; init; }
    public string? Description { get; init; }
    /// <summary>Any hot-desking agent may sign in on it.</summary>
    public bool HotDesk { get; init; }
}

internal sealed class PhoneRequestValidator : AbstractValidator<PhoneRequest>
{
    public PhoneRequestValidator()
    {
        RuleFor(x => x.Extension).Required(20).Matches(Rules.DigitsPattern).WithMessage("2–20 digits.");
        RuleFor(x => x.EndpointName).MaximumLength(100).Matches("^[A-Za-z0-9_.-]+$").When(x => x.EndpointName is not null);
        RuleFor(x => x.Description).MaximumLength(200);
    }
}

/// <summary>
/// Phones (for hot-desking) inside the actor's tenant; each is provisioned on the PBX after a successful save. Endpoint
/// names are <c>&lt;domain&gt;-&lt;name&gt;</c> and unique across tenants (<see cref="TenantEndpoints"/>).
/// </summary>
public sealed class PhonesAdmin(CtiDbContext db, IInputValidator validator, TenantEndpoints endpoints, IEndpointProvisioner? provisioner = null,
    PhoneCredentials? credentials = null)
{
    private IQueryable<Phone> Phones(Actor actor) => db.ScopeToTenant(actor.TenantId).Phones;

    public async Task<IReadOnlyList<PhoneResponse>> ListAsync(Actor actor, CancellationToken ct = default) =>
        (await Phones(actor).AsNoTracking().OrderBy(p => p.Extension).ToListAsync(ct)).Select(PhoneResponse.From).ToList();

    public async Task<PhoneResponse> CreateAsync(Actor actor, PhoneRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var phone = new Phone { TenantId = actor.TenantId };
        await ApplyAsync(actor, phone, request, ct);
        db.Phones.Add(phone);
        await db.SaveChangesAsync(ct);
        var issued = await ProvisionAsync(actor, phone, null, ct);
        return PhoneResponse.From(phone) with
        {
            SipCredentials = issued is null || credentials is null ? null : await credentials.RecordIssuedAsync(actor, phone.Id, issued, ct),
        };
    }

    public async Task<PhoneResponse> UpdateAsync(Actor actor, Guid id, PhoneRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var phone = await Phones(actor).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AdminErrors.NotFound("Phone");
        var oldEndpoint = phone.EndpointName;
        await ApplyAsync(actor, phone, request, ct);
        await db.SaveChangesAsync(ct);
        await ProvisionAsync(actor, phone, oldEndpoint, ct);
        return PhoneResponse.From(phone);
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var phone = await Phones(actor).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AdminErrors.NotFound("Phone");
        db.Phones.Remove(phone);
        await db.SaveChangesAsync(ct);
        if (provisioner is { IsActive: true }) await provisioner.RemoveAsync(await DomainAsync(actor, ct), phone.EndpointName, ct);
    }

    /// <summary>Creates or updates the phone's PJSIP endpoint (plain SIP); removes the old one when the name changed.</summary>
    private async Task<SipCredentials?> ProvisionAsync(Actor actor, Phone phone, string? oldEndpoint, CancellationToken ct)
    {
        if (provisioner is not { IsActive: true }) return null;
        var domain = await DomainAsync(actor, ct);
        var issued = await provisioner.ProvisionAsync(new EndpointSpec(domain, phone.Extension, ProvisionedEndpointKind.Sip, phone.Description, phone.EndpointName), ct);
        if (oldEndpoint is not null && oldEndpoint != phone.EndpointName) await provisioner.RemoveAsync(domain, oldEndpoint, ct);
        return issued;
    }

    private Task<string> DomainAsync(Actor actor, CancellationToken ct) =>
        db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.Domain).FirstAsync(ct);

    private async Task ApplyAsync(Actor actor, Phone phone, PhoneRequest request, CancellationToken ct)
    {
        var extension = request.Extension!.Trim();
        var domain = await DomainAsync(actor, ct);
        var endpoint = TenantEndpoints.Compose(domain, request.EndpointName?.Trim() is { Length: > 0 } name ? name : extension);
        if (endpoint.Length > TenantEndpoints.MaxLength)
            throw new InputValidationException(new Dictionary<string, string[]>
                { ["endpointName"] = [$"With the domain in front the endpoint name is longer than {TenantEndpoints.MaxLength} characters."] });
        if (await Phones(actor).AnyAsync(p => p.EndpointName == endpoint && p.Id != phone.Id, ct)) throw AdminErrors.Conflict($"Endpoint {endpoint} exists.");
        await endpoints.EnsureNotOtherTenantsAsync(actor.TenantId, domain, endpoint, ct);
        phone.Extension = extension;
        phone.EndpointName = endpoint;
        phone.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        phone.HotDesk = request.HotDesk;
    }
}
