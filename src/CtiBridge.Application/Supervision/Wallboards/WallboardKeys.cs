using System.Security.Cryptography;
using System.Text;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Supervision.Wallboards;

/// <summary>A wallboard key as admins see it (never the key itself).</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">Where the screen hangs or what it is for.</param>
/// <param name="Prefix">The key's first characters.</param>
/// <param name="SkillGroupIds">The skill groups the wallboard shows.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked (null: it works).</param>
public sealed record WallboardKeyInfo(Guid Id, string Name, string Prefix, IReadOnlyList<Guid> SkillGroupIds, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A created wallboard key: <see cref="Key"/> is shown this once (the server keeps its hash).</summary>
/// <param name="Info">The key's details.</param>
/// <param name="Key">The key: open <c>/wallboard?key=&lt;Key&gt;</c> on the wall screen.</param>
public sealed record CreatedWallboardKey(WallboardKeyInfo Info, string Key);

/// <summary>What a valid key opens: one tenant's chosen skill groups, read-only.</summary>
public sealed record WallboardGrant(Guid KeyId, Guid TenantId, string Name, IReadOnlySet<Guid> SkillGroupIds, bool TenantEnabled = true);

/// <summary>
/// Wallboard keys: created by tenant admins for chosen skill groups of their tenant, revocable, checked on every wallboard
/// request and connection. Keys are random (<c>wb_</c> + 32 random bytes), stored as a SHA-256 hash and found by prefix.
/// </summary>
public sealed class WallboardKeys(CtiDbContext db, TimeProvider clock)
{
    private const string KeyStart = "wb_";
    private const int PrefixLength = 12;

    public async Task<IReadOnlyList<WallboardKeyInfo>> ListAsync(Guid tenantId, CancellationToken ct = default) =>
        (await db.ScopeToTenant(tenantId).WallboardKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct)).Select(Info).ToList();

    /// <summary>Creates a key for skill groups of the tenant (400 <c>validation_failed</c> for none or another tenant's).</summary>
    public async Task<CreatedWallboardKey> CreateAsync(Guid tenantId, string name, IReadOnlyCollection<Guid> groups, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var wanted = groups.Distinct().ToList();
        var known = await db.SkillGroups.AsNoTracking().Where(g => wanted.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        if (wanted.Count == 0 || known.Count != wanted.Count)
            throw new Application.Common.InputValidationException(new Dictionary<string, string[]>
                { ["skillGroupIds"] = ["Give one or more skill groups of this tenant."] });
        var key = KeyStart + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var row = new WallboardKey
        {
            TenantId = tenantId, Name = name.Trim(), Prefix = key[..PrefixLength], KeyHash = Hash(key),
            SkillGroupIds = string.Join(',', wanted), CreatedAt = clock.GetUtcNow(),
        };
        db.WallboardKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return new CreatedWallboardKey(Info(row), key);
    }

    /// <summary>Revokes a key; false when the tenant has no such key. Already revoked keys stay as they were.</summary>
    public async Task<bool> RevokeAsync(Guid tenantId, Guid id, CancellationToken ct = default)
    {
        var row = await db.ScopeToTenant(tenantId).WallboardKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (row is null) return false;
        row.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>What a key opens (<see cref="WallboardGrant.TenantEnabled"/> false: its tenant is disabled), or null for a missing, unknown or revoked key.</summary>
    public async Task<WallboardGrant?> FindAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(key) || !key.StartsWith(KeyStart, StringComparison.Ordinal) || key.Length < PrefixLength || key.Length > 100) return null;
        db.ScopeToSystem();
        var row = await db.WallboardKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == key.Substring(0, PrefixLength), ct);
        if (row is null || row.RevokedAt is not null) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.KeyHash), Encoding.ASCII.GetBytes(Hash(key)))) return null;
        var enabled = await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == row.TenantId && t.Enabled, ct);
        return new WallboardGrant(row.Id, row.TenantId, row.Name, GroupsOf(row).ToHashSet(), enabled);
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    private static IReadOnlyList<Guid> GroupsOf(WallboardKey k) =>
        k.SkillGroupIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    private static WallboardKeyInfo Info(WallboardKey k) => new(k.Id, k.Name, k.Prefix, GroupsOf(k), k.CreatedAt, k.RevokedAt);
}
