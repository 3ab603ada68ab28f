using CtiBridge.Data;
using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Persistence;

/// <summary>A hot-desk phone of a tenant.</summary>
public sealed record HotDeskPhone(Guid Id, string EndpointName, string Extension, string? Description);

/// <summary>An API key as admins see it (never the key itself, except once at creation).</summary>
public sealed record ApiKeyInfo(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>The database reads and writes the call-center API needs beyond the engine (the Api never sees the DbContext).</summary>
public sealed class CallCenterData(CtiDbContext db)
{
    /// <summary>The tenant's hot-desk phones.</summary>
    public async Task<IReadOnlyList<HotDeskPhone>> HotDeskPhonesAsync(Guid tenantId, CancellationToken ct = default) =>
        (await db.ScopeToTenant(tenantId).Phones.AsNoTracking().Where(p => p.HotDesk).OrderBy(p => p.Extension).ToListAsync(ct))
        .Select(p => new HotDeskPhone(p.Id, p.EndpointName, p.Extension, p.Description)).ToList();

    /// <summary>Whether the agent's profile allows hot-desking.</summary>
    public Task<bool> MayHotDeskAsync(Guid tenantId, Guid agentId, CancellationToken ct = default) =>
        db.ScopeToTenant(tenantId).AgentProfiles.AnyAsync(p => p.UserId == agentId && p.HotDesking, ct);

    /// <summary>An API key row by its prefix, across tenants (authentication), with its tenant's domain and state.</summary>
    public async Task<(ApiKey Key, string Domain, bool TenantEnabled)?> FindApiKeyAsync(string prefix, CancellationToken ct = default)
    {
        db.ScopeToSystem();
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null) return null;
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == key.TenantId, ct);
        return tenant is null ? null : (key, tenant.Domain, tenant.Enabled);
    }

    /// <summary>Stores a new key's hash.</summary>
    public async Task<ApiKeyInfo> CreateApiKeyAsync(Guid tenantId, string name, string prefix, string hash, ApiKeyScopes scopes,
        DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var key = new ApiKey { TenantId = tenantId, Name = name, Prefix = prefix, KeyHash = hash, Scopes = scopes, CreatedAt = now, ExpiresAt = expiresAt };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return Info(key);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(Guid tenantId, CancellationToken ct = default) =>
        (await db.ScopeToTenant(tenantId).ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct)).Select(Info).ToList();

    /// <summary>Revokes a key; false when the tenant has no such key.</summary>
    public async Task<bool> RevokeApiKeyAsync(Guid tenantId, Guid id, DateTimeOffset now, CancellationToken ct = default)
    {
        var key = await db.ScopeToTenant(tenantId).ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return false;
        key.RevokedAt ??= now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static ApiKeyInfo Info(ApiKey k) => new(k.Id, k.Name, k.Prefix,
        new[] { (ApiKeyScopes.Read, "read"), (ApiKeyScopes.CallControl, "call-control"), (ApiKeyScopes.Admin, "admin") }
            .Where(s => k.Scopes.HasFlag(s.Item1)).Select(s => s.Item2).ToList(),
        k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.LastUsedAt);
}
