using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Cluster;

/// <summary>A lease as read from the database.</summary>
public sealed record TenantLeaseRow(Guid TenantId, string NodeId, string? NodeAddress, long Epoch, long ExpiresAtMs);

/// <summary>
/// The <c>TenantLeases</c> table (docs/architecture.md, "Several nodes"). Every change is one conditional UPDATE, so
/// the database decides races: an acquisition is a compare-and-set on the epoch it read (two nodes that read the same
/// expired row cannot both win: the second UPDATE finds the epoch changed and touches no row), a renewal succeeds only
/// for the holder at its epoch. Provider-neutral (SQLite, PostgreSQL, SQL Server).
/// </summary>
public sealed class TenantLeaseStore(CtiDbContext db)
{
    /// <summary>Leases of every tenant, without moving the context's tenant scope (the journal's context stays scoped).</summary>
    private IQueryable<TenantLease> Leases => db.TenantLeases.IgnoreQueryFilters();

    /// <summary>Every tenant's lease row (missing rows are created by <see cref="EnsureRowsAsync"/>).</summary>
    public async Task<IReadOnlyList<TenantLeaseRow>> ReadAllAsync(CancellationToken ct = default) =>
        await Leases.AsNoTracking()
            .Select(l => new TenantLeaseRow(l.TenantId, l.NodeId, l.NodeAddress, l.Epoch, l.ExpiresAtMs))
            .ToListAsync(ct).ConfigureAwait(false);

    public async Task<TenantLeaseRow?> ReadAsync(Guid tenantId, CancellationToken ct = default) =>
        await Leases.AsNoTracking().Where(l => l.TenantId == tenantId)
            .Select(l => new TenantLeaseRow(l.TenantId, l.NodeId, l.NodeAddress, l.Epoch, l.ExpiresAtMs))
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);

    /// <summary>Adds an unheld row (epoch 0, expired) for each of <paramref name="tenantIds"/> that has none.</summary>
    public async Task EnsureRowsAsync(IEnumerable<Guid> tenantIds, CancellationToken ct = default)
    {
        var have = (await Leases.AsNoTracking().Select(l => l.TenantId).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        foreach (var id in tenantIds.Where(id => !have.Contains(id)))
        {
            db.ScopeToSystem().TenantLeases.Add(new TenantLease { TenantId = id, AcquiredAt = DateTimeOffset.UnixEpoch });
            try { await db.SaveChangesAsync(ct).ConfigureAwait(false); }
            catch (DbUpdateException) { } // another node added it meanwhile
            finally { db.ChangeTracker.Clear(); }
        }
    }

    /// <summary>
    /// Takes the lease if it is still as read (<paramref name="seenEpoch"/>) and expired at <paramref name="nowMs"/>;
    /// returns the new epoch, or null when another node changed it first or it has not expired.
    /// </summary>
    public async Task<long?> TryAcquireAsync(Guid tenantId, long seenEpoch, string nodeId, string? address, long nowMs, long leaseMs,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var next = seenEpoch + 1;
        // On PostgreSQL the row is locked FOR UPDATE first: the one lock that waits for the fenced writes' FOR KEY SHARE
        // (see HoldsAsync). The UPDATE alone would not wait for them: it changes no key column.
        await using var tx = db.Database.IsNpgsql() && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        if (db.Database.IsNpgsql())
            await db.Database.SqlQuery<long>($"SELECT \"Epoch\" AS \"Value\" FROM \"TenantLeases\" WHERE \"TenantId\" = {tenantId} FOR UPDATE")
                .ToListAsync(ct).ConfigureAwait(false);
        var changed = await Leases
            .Where(l => l.TenantId == tenantId && l.Epoch == seenEpoch && l.ExpiresAtMs <= nowMs)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.NodeId, nodeId)
                .SetProperty(l => l.NodeAddress, address)
                .SetProperty(l => l.Epoch, next)
                .SetProperty(l => l.ExpiresAtMs, nowMs + leaseMs)
                .SetProperty(l => l.AcquiredAt, now), ct).ConfigureAwait(false);
        if (tx is not null) await tx.CommitAsync(ct).ConfigureAwait(false);
        return changed == 1 ? next : null;
    }

    /// <summary>Extends the lease the node holds at <paramref name="epoch"/>, unexpired; false when it does not hold it any more.</summary>
    public async Task<bool> TryRenewAsync(Guid tenantId, long epoch, string nodeId, long nowMs, long leaseMs, CancellationToken ct = default) =>
        await Leases
            .Where(l => l.TenantId == tenantId && l.Epoch == epoch && l.NodeId == nodeId && l.ExpiresAtMs > nowMs)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtMs, nowMs + leaseMs), ct).ConfigureAwait(false) == 1;

    /// <summary>Gives the lease up (a graceful stop): it expires now, so another node may take it at once.</summary>
    public async Task ReleaseAsync(Guid tenantId, long epoch, string nodeId, CancellationToken ct = default) =>
        await Leases
            .Where(l => l.TenantId == tenantId && l.Epoch == epoch && l.NodeId == nodeId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAtMs, 0L), ct).ConfigureAwait(false);

    /// <summary>
    /// The write fence: true when <paramref name="nodeId"/> still holds the tenant at <paramref name="epoch"/>. Run it in
    /// the transaction of the write it guards; on PostgreSQL the row is read <c>FOR KEY SHARE</c>, so a node taking the
    /// lease over (which locks the row <c>FOR UPDATE</c>) waits for that transaction and the guarded write cannot land
    /// after the takeover — while the holder's own renewal (an UPDATE of no key column) does not wait for it: a long
    /// journal transaction must not starve the renewal of the very lease it is fenced by (seen in the soak under load:
    /// a takeover's first writes held the row 6 s and the new holder lost its lease).
    /// </summary>
    public async Task<bool> HoldsAsync(Guid tenantId, long epoch, string nodeId, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            var rows = await db.Database.SqlQuery<long>(
                $"SELECT \"Epoch\" AS \"Value\" FROM \"TenantLeases\" WHERE \"TenantId\" = {tenantId} AND \"NodeId\" = {nodeId} FOR KEY SHARE")
                .ToListAsync(ct).ConfigureAwait(false);
            return rows.Count == 1 && rows[0] == epoch;
        }
        return await Leases.AsNoTracking()
            .AnyAsync(l => l.TenantId == tenantId && l.NodeId == nodeId && l.Epoch == epoch, ct).ConfigureAwait(false);
    }
}
