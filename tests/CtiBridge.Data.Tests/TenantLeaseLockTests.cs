using CtiBridge.Data.Cluster;
using CtiBridge.Data.Entities;

namespace CtiBridge.Data.Tests;

/// <summary>
/// The lease row's locks on PostgreSQL (docs/architecture.md, "Several nodes"): a journal write of the holder, fenced by
/// reading the row in its transaction, holds back another node's takeover until it commits, but never the holder's own
/// renewal — a long write must not make its node lose the lease it is fenced by.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class TenantLeaseLockTests(PostgresServer postgres)
{
    [Theory]
    [PostgresData]
    public async Task A_fenced_write_in_progress_holds_a_takeover_back_but_not_the_holders_renewal(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var tenant = new Tenant { Domain = "acme", Name = "Acme" };
        var now = DateTimeOffset.UtcNow;
        await using (var seed = database.NewContext())
        {
            seed.ScopeToSystem().Tenants.Add(tenant);
            await seed.SaveChangesAsync();
            var store = new TenantLeaseStore(seed);
            await store.EnsureRowsAsync([tenant.Id]);
            Assert.Equal(1, await store.TryAcquireAsync(tenant.Id, 0, "node-a", "http://a", 1_000, 3_000, now));
        }

        // Node A's journal writes, fenced: the transaction has read the lease row and is still running.
        await using var journal = database.NewContext();
        await using var write = await journal.Database.BeginTransactionAsync();
        Assert.True(await new TenantLeaseStore(journal).HoldsAsync(tenant.Id, 1, "node-a"));

        // Node A renews meanwhile: at once.
        await using (var renewal = database.NewContext())
            Assert.True(await new TenantLeaseStore(renewal).TryRenewAsync(tenant.Id, 1, "node-a", 2_000, 3_000).WaitAsync(TimeSpan.FromSeconds(5)));

        // Node B, whose clock says the lease expired, takes it over: it waits for the write to commit…
        await using var other = database.NewContext();
        var takeover = new TenantLeaseStore(other).TryAcquireAsync(tenant.Id, 1, "node-b", "http://b", 10_000, 3_000, now);
        await Task.Delay(500);
        Assert.False(takeover.IsCompleted, "the takeover waits for the holder's fenced write");
        await write.CommitAsync();
        Assert.Equal(2, await takeover.WaitAsync(TimeSpan.FromSeconds(5)));

        // …and A's next fenced write is refused.
        await using var next = database.NewContext();
        Assert.False(await new TenantLeaseStore(next).HoldsAsync(tenant.Id, 1, "node-a"));
        Assert.Equal(("node-b", 2L), await new TenantLeaseStore(next).ReadAsync(tenant.Id) is { } row ? (row.NodeId, row.Epoch) : default);
    }
}
