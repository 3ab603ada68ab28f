using CtiBridge.Application.Admin;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using CtiBridge.Data.Audit;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Provisioning;

/// <summary>What a desk phone registers with: server-side user name (= endpoint name) and password.</summary>
/// <param name="Endpoint">The PJSIP endpoint, e.g. <c>acme-2001</c>.</param>
/// <param name="Username">SIP user and authentication name (the endpoint's name).</param>
/// <param name="Password">The SIP password: shown in this answer only.</param>
public sealed record PhoneSipCredentials(string Endpoint, string Username, string Password);

/// <summary>
/// An admin obtains a desk phone's SIP credentials: shown once, when the phone is created (its answer) or when they are
/// issued anew here (a new password; the phone must then be configured with it). Every issue is in the audit log
/// (<c>phone.sip_credentials_issued</c>, naming the endpoint, never the password). The password itself lives only in
/// the provisioning file (docs/provisioning.md); reading it back without issuing a new one is not offered, so a password
/// shown once is never shown again.
/// </summary>
public sealed class PhoneCredentials(CtiDbContext db, IAuditActor auditActor, TimeProvider clock, IEndpointProvisioner? provisioner = null)
{
    public const string IssuedAction = "phone.sip_credentials_issued";

    /// <summary>Gives the phone's endpoint a new password and returns its credentials.</summary>
    public async Task<PhoneSipCredentials> IssueAsync(Actor actor, Guid phoneId, CancellationToken ct = default)
    {
        var phone = await db.ScopeToTenant(actor.TenantId).Phones.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phoneId, ct)
            ?? throw AdminErrors.NotFound("Phone");
        if (provisioner is not { IsActive: true })
            throw new CtiException(ErrorCodes.ProvisioningOff,
                "CtiBridge does not provision SIP endpoints here (Asterisk:Provisioning:IncludeFile is not set, or this is the sandbox).");
        var domain = await db.Tenants.Where(t => t.Id == actor.TenantId).Select(t => t.Domain).FirstAsync(ct);
        var issued = await provisioner.ProvisionAsync(new EndpointSpec(domain, phone.Extension, ProvisionedEndpointKind.Sip,
            phone.Description, phone.EndpointName, NewPassword: true), ct)
            ?? throw new CtiException(ErrorCodes.ProvisioningOff, "CtiBridge does not provision SIP endpoints here.");
        return await RecordIssuedAsync(actor, phone.Id, issued, ct);
    }

    /// <summary>Writes the audit entry of credentials given to an admin, and returns them.</summary>
    internal async Task<PhoneSipCredentials> RecordIssuedAsync(Actor actor, Guid phoneId, SipCredentials issued, CancellationToken ct)
    {
        AuditTrail.Add(db, auditActor, clock.GetUtcNow(), actor.TenantId, IssuedAction, "phone", phoneId.ToString(),
            after: new { endpoint = issued.Endpoint, username = issued.Username });
        await db.SaveChangesAsync(ct);
        return new PhoneSipCredentials(issued.Endpoint, issued.Username, issued.Password);
    }
}
