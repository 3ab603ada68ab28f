using System.Collections.Concurrent;
using CtiBridge.Data;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Auth;

/// <summary>
/// An access token stays valid until it expires (15 minutes); the user it names may not. Before a request with a token is
/// served, the gate checks that the user still exists and is enabled and that their tenant is enabled — read from the
/// database at most once per <see cref="Freshness"/> per user, and afresh after any admin change (<see cref="Forget"/>),
/// so disabling a user or a tenant locks them out of the API and the hub at once, not at the token's expiry.
/// </summary>
public sealed class AccessTokenGate(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long a user's status read from the database is trusted.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset ReadAt, bool Allowed)> _users = new();

    public async ValueTask<bool> AllowsAsync(Guid tenantId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_users.TryGetValue(userId, out var known) && now - known.ReadAt < Freshness) return known.Allowed;
        await using var scope = scopes.CreateAsyncScope();
        var db = ForTenant(scope, tenantId);
        var allowed = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.Enabled, ct)
                      && await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenantId && t.Enabled, ct);
        _users[userId] = (now, allowed);
        return allowed;
    }

    /// <summary>
    /// Which of <paramref name="users"/> (all of <paramref name="tenantId"/>) are refused now: one database read for them
    /// all (closing the hub connections of disabled users after an admin change checks every connected user).
    /// </summary>
    public async Task<IReadOnlySet<Guid>> RefusedAsync(Guid tenantId, IReadOnlyCollection<Guid> users, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = ForTenant(scope, tenantId);
        var tenantEnabled = await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenantId && t.Enabled, ct);
        var enabled = tenantEnabled
            ? (await db.Users.AsNoTracking().Where(u => users.Contains(u.Id) && u.Enabled).Select(u => u.Id).ToListAsync(ct)).ToHashSet()
            : [];
        foreach (var user in users) _users[user] = (now, enabled.Contains(user));
        return users.Where(u => !enabled.Contains(u)).ToHashSet();
    }

    /// <summary>
    /// A context over <paramref name="tenantId"/>. A scope created inside a request starts scoped to the signed-in user's
    /// tenant (the context reads it from the HTTP context), and the gate checks users of every tenant (after an admin
    /// write it checks each tenant connected to the hub): it leaves that scope explicitly, then narrows to the tenant asked.
    /// </summary>
    private static CtiDbContext ForTenant(AsyncServiceScope scope, Guid tenantId) =>
        scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToSystem().ScopeToTenant(tenantId);

    /// <summary>Forgets what was read (after an admin change), so the next request of every user reads the database.</summary>
    public void Forget() => _users.Clear();

    // Access tokens of sessions signed out, by token id, until they expire. Kept in memory: a restart (or another node)
    // forgets them, and such a token then lives to its expiry, as all of them did before.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _signedOut = new(StringComparer.Ordinal);

    /// <summary>Refuses the access token <paramref name="tokenId"/> (its <c>jti</c>) from now until it expires.</summary>
    public void SignedOut(string tokenId, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        if (_signedOut.Count > 1000)
            foreach (var (id, until) in _signedOut)
                if (until <= now) _signedOut.TryRemove(id, out _);
        _signedOut[tokenId] = expiresAt;
    }

    /// <summary>Whether the token was signed out.</summary>
    public bool IsSignedOut(string? tokenId) => tokenId is not null && _signedOut.ContainsKey(tokenId);
}
