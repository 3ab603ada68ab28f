using CtiBridge.Application.Pbx;
using CtiBridge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.Provisioning;

/// <summary>
/// Several Asterisk servers (docs/architecture.md, "Several Asterisk servers"): each tenant's endpoints are provisioned
/// on the server the tenant is placed on, through that server's own provisioner. An endpoint name is looked up on the
/// server of the tenant whose prefix it carries (<c>&lt;tenant&gt;-…</c>), so after a tenant moved, the start-up check
/// finds its endpoints missing on the new server and adds them there.
/// </summary>
public sealed class PlacedEndpointProvisioner(IReadOnlyDictionary<string, IEndpointProvisioner> byServer, IServiceScopeFactory scopes) : IEndpointProvisioner
{
    public bool IsActive => byServer.Values.Any(p => p.IsActive);

    public async Task<SipCredentials?> ProvisionAsync(EndpointSpec endpoint, CancellationToken ct = default) =>
        await (await OfTenantAsync(endpoint.Tenant, ct)).ProvisionAsync(endpoint, ct);

    public async Task RemoveAsync(string tenant, string endpointName, CancellationToken ct = default) =>
        await (await OfTenantAsync(tenant, ct)).RemoveAsync(tenant, endpointName, ct);

    public async Task<SipCredentials?> GetCredentialsAsync(string tenant, string endpointName, CancellationToken ct = default) =>
        await (await OfTenantAsync(tenant, ct)).GetCredentialsAsync(tenant, endpointName, ct);

    public async Task<string?> OwnerOfAsync(string endpointName, CancellationToken ct = default)
    {
        var placements = await PlacementsAsync(ct);
        // The tenant whose prefix the name carries (the longest, a domain may contain hyphens): its server decides.
        var tenant = placements.Keys.Where(d => endpointName.StartsWith(d + "-", StringComparison.OrdinalIgnoreCase)).MaxBy(d => d.Length);
        if (tenant is not null) return await Server(placements[tenant]).OwnerOfAsync(endpointName, ct);
        foreach (var p in byServer.Values)
            if (await p.OwnerOfAsync(endpointName, ct) is { } owner) return owner;
        return null;
    }

    public async Task<IReadOnlyList<string>> AddMissingAsync(IReadOnlyList<MissingEndpoint> endpoints, CancellationToken ct = default)
    {
        var placements = await PlacementsAsync(ct);
        var added = new List<string>();
        foreach (var group in endpoints.GroupBy(e => PbxServers.NameOf(placements.GetValueOrDefault(e.Endpoint.Tenant)), StringComparer.OrdinalIgnoreCase))
            added.AddRange(await Server(group.Key).AddMissingAsync(group.ToList(), ct));
        return added;
    }

    private async Task<IEndpointProvisioner> OfTenantAsync(string tenant, CancellationToken ct) =>
        Server((await PlacementsAsync(ct)).GetValueOrDefault(tenant));

    private IEndpointProvisioner Server(string? placement) =>
        byServer.TryGetValue(PbxServers.NameOf(placement), out var p) ? p : NoEndpointProvisioner.Instance;

    /// <summary>Every tenant's domain with its server (read at each call: provisioning is an admin action, not a hot path).</summary>
    private async Task<Dictionary<string, string?>> PlacementsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
        db.ScopeToSystem();
        var rows = await db.Tenants.AsNoTracking().Select(t => new { t.Domain, t.AsteriskServer }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Domain, r => r.AsteriskServer, StringComparer.OrdinalIgnoreCase);
    }
}
