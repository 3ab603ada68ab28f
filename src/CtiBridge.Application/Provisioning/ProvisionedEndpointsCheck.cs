using CtiBridge.Data;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Provisioning;

/// <summary>
/// At start, makes the PBX have every endpoint the database names: each phone, each web or SIP agent extension and each
/// supervisor device of every tenant. Admin saves provision as they go; this catches what happened without them — a
/// database upgraded in place whose phones the schema migration <c>202612051600_tenant_endpoint_names</c> renamed
/// (<c>lobby</c> became <c>demo-lobby</c>: the renamed endpoint takes over the former one's password, so the device only
/// needs its new user name), or a lost provisioning file (new passwords). Endpoints the PBX has are left as they are;
/// an endpoint of another tenant under the same name is left to its owner and logged. See docs/provisioning.md.
/// </summary>
public sealed class ProvisionedEndpointsCheck(CtiDbContext db, IEndpointProvisioner provisioner, ILogger<ProvisionedEndpointsCheck> log)
{
    /// <summary>Provisions what is missing; returns the endpoint names added (none when provisioning is off).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct = default)
    {
        if (!provisioner.IsActive) return [];
        db.ScopeToSystem(); // every tenant's endpoints share the PBX
        var domains = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Domain, ct);
        var wanted = new List<EndpointSpec>();
        foreach (var p in await db.Phones.AsNoTracking().ToListAsync(ct))
            wanted.Add(new EndpointSpec(domains[p.TenantId], p.Extension, ProvisionedEndpointKind.Sip, p.Description, p.EndpointName));
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.TenantId, u.DisplayName, u.SupervisorExtension, u.SupervisorExtensionKind, Profile = u.AgentProfile })
            .ToListAsync(ct);
        foreach (var u in users)
        {
            if (u.Profile is { ExtensionKind: not ExtensionKind.Remote } p)
                wanted.Add(new EndpointSpec(domains[u.TenantId], p.Extension, Kind(p.ExtensionKind), u.DisplayName));
            if (u.SupervisorExtension is { } ext)
                wanted.Add(new EndpointSpec(domains[u.TenantId], ext, Kind(u.SupervisorExtensionKind), u.DisplayName));
        }

        var wantedNames = wanted.Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        var missing = new List<MissingEndpoint>();
        foreach (var endpoint in wanted.DistinctBy(w => w.Name))
        {
            var owner = await provisioner.OwnerOfAsync(endpoint.Name, ct);
            if (owner == endpoint.Tenant) continue;
            if (owner is not null)
            {
                log.LogWarning("Endpoint {Endpoint} of tenant {Tenant} is provisioned for tenant {Owner}; left as it is", endpoint.Name, endpoint.Tenant, owner);
                continue;
            }
            missing.Add(new MissingEndpoint(endpoint, await FormerNameAsync(endpoint, wantedNames, ct)));
        }
        return missing.Count == 0 ? [] : await provisioner.AddMissingAsync(missing, ct);
    }

    /// <summary>
    /// The name the endpoint-name migration took the prefix-less phone from: <c>&lt;domain&gt;-&lt;former&gt;</c>, when the
    /// PBX has <c>former</c> for the same tenant and nothing in the database is called that any more.
    /// </summary>
    private async Task<string?> FormerNameAsync(EndpointSpec endpoint, HashSet<string> wantedNames, CancellationToken ct)
    {
        if (endpoint.EndpointName is null || !endpoint.Name.StartsWith(endpoint.Tenant + "-", StringComparison.Ordinal)) return null;
        var former = endpoint.Name[(endpoint.Tenant.Length + 1)..];
        if (former.Length == 0 || wantedNames.Contains(former)) return null;
        return await provisioner.OwnerOfAsync(former, ct) == endpoint.Tenant ? former : null;
    }

    private static ProvisionedEndpointKind Kind(ExtensionKind kind) => kind == ExtensionKind.Web ? ProvisionedEndpointKind.Web : ProvisionedEndpointKind.Sip;
}
