using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Provisioning;

/// <summary>
/// PJSIP endpoint names on the Asterisk all tenants share (design decision 5): always <c>&lt;tenant domain&gt;-&lt;name&gt;</c>,
/// the prefix added by CtiBridge, and each name owned by one tenant. Which tenant owns a name is looked up from the stored
/// rows (phones, agent profiles) and the provisioning file — never parsed from the name: domains may contain hyphens, so
/// <c>demo-b-1001</c> may read as tenant <c>demo</c>'s <c>b-1001</c> or tenant <c>demo-b</c>'s <c>1001</c>.
/// </summary>
public sealed class TenantEndpoints(CtiDbContext db, IEndpointProvisioner? provisioner = null)
{
    /// <summary>Longest stored endpoint name.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// The endpoint name of <paramref name="name"/> in tenant <paramref name="domain"/>: the domain and a hyphen in front,
    /// unless the name already starts with exactly that (so saving a phone again does not prefix it twice).
    /// </summary>
    public static string Compose(string domain, string name) =>
        name.StartsWith(domain + "-", StringComparison.Ordinal) ? name : $"{domain}-{name}";

    /// <summary>The endpoint of an agent's web or SIP extension.</summary>
    public static string ForAgent(string domain, string extension) => $"{domain}-{extension}";

    /// <summary>
    /// Refuses (409 <c>endpoint_taken</c>) an endpoint name another tenant owns: one of its phones, its agents' extension
    /// endpoints, or an endpoint the provisioning file records for it. Runs on the caller's context, which is lifted to
    /// the system scope for these reads only and returned to <paramref name="tenantId"/> afterwards.
    /// </summary>
    public async Task EnsureNotOtherTenantsAsync(Guid tenantId, string domain, string endpoint, CancellationToken ct = default)
    {
        bool taken;
        db.ScopeToSystem();
        try
        {
            taken = await db.Phones.AsNoTracking().AnyAsync(p => p.EndpointName == endpoint && p.TenantId != tenantId, ct)
                    || await db.AgentProfiles.AsNoTracking()
                        .Join(db.Tenants.AsNoTracking(), p => p.TenantId, t => t.Id, (p, t) => new { p.TenantId, t.Domain, p.Extension })
                        .AnyAsync(x => x.TenantId != tenantId && x.Domain + "-" + x.Extension == endpoint, ct);
        }
        finally { db.ScopeToTenant(tenantId); }
        if (!taken && provisioner is { IsActive: true } && await provisioner.OwnerOfAsync(endpoint, ct) is { } owner && owner != domain)
            taken = true;
        if (taken) throw Taken(endpoint);
    }

    /// <summary>The refusal: the same for every reason, and it names no tenant.</summary>
    public static CtiException Taken(string endpoint) =>
        new(ErrorCodes.EndpointTaken, $"The endpoint name {endpoint} is in use on the PBX. Choose another name.", ErrorKind.Conflict);
}
