using System.Collections.Concurrent;
using CtiBridge.Data;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Auth;

/// <summary>
/// An access token stays valid until it expires (15 minutes); the user it names may not. Before a request with a token is
/// served, the gate checks that the user still exists and is enabled and that their tenant is enabled — read from the
/// database at most once per <see cref="Freshness"/> per user, and afresh after any admin change (<see cref="Forget"/>),
/// so disabling a user or a tenant locks them out of the API and the hub at once, not at the token's expiry. While the
/// database cannot be read, the last answer stands for up to <see cref="OutageTolerance"/> (a user never read yet gets 503
/// <c>database_unavailable</c>, as every request the database cannot serve: <c>ErrorHandling</c>).
/// </summary>
public sealed class AccessTokenGate(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How long a user's status read from the database is trusted.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (DateTimeOffset ReadAt, bool Allowed)> _users = new();

    /// <summary>
    /// How long the last answer read from the database is still used while the database cannot be read (an outage or a
    /// fail-over): agents go on working through a database blip; a user disabled meanwhile is locked out once it answers.
    /// </summary>
    public static readonly TimeSpan OutageTolerance = TimeSpan.FromMinutes(10);

    public async ValueTask<bool> AllowsAsync(Guid tenantId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_users.TryGetValue(userId, out var known) && now - known.ReadAt < Freshness && known.ReadAt.UtcTicks > Interlocked.Read(ref _forgottenAt)) return known.Allowed;
        bool allowed;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = ForTenant(scope, tenantId);
            allowed = await db.Users.AsNoTracking().AnyAsync(u => u.Id == userId && u.Enabled, ct)
                      && await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenantId && t.Enabled, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && known.ReadAt != default && now - known.ReadAt < OutageTolerance)
        {
            return known.Allowed; // the database cannot be read now: the last answer stands (the read is tried again next time)
        }
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

    /// <summary>
    /// Makes what was read stale (after an admin change), so the next request of every user reads the database. The last
    /// answers are kept for a database outage (<see cref="OutageTolerance"/>).
    /// </summary>
    public void Forget() => Interlocked.Exchange(ref _forgottenAt, time.GetUtcNow().UtcTicks);

    private long _forgottenAt; // UTC ticks of the last Forget: answers read before it are stale

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
