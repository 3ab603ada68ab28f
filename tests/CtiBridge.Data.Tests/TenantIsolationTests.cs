using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

[Collection(DatabaseCollection.Name)]
public class TenantIsolationTests(PostgresServer postgres)
{
    private static async Task<(Guid A, Guid B)> SeedTwoTenantsAsync(TestDatabase database)
    {
        var a = SampleData.Graph("alpha");
        var b = SampleData.Graph("bravo");
        await using var db = database.NewContext();
        db.ScopeToSystem();
        db.AddRange(a);
        db.AddRange(b);
        await db.SaveChangesAsync();
        return (((Tenant)a[0]).Id, ((Tenant)b[0]).Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_context_scoped_to_one_tenant_sees_only_that_tenants_rows(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var (a, b) = await SeedTwoTenantsAsync(database);

        await using var db = database.NewContext();
        db.ScopeToTenant(a);
        Assert.Equal([a], await db.Tenants.Select(t => t.Id).ToListAsync());
        Assert.All(await db.Users.ToListAsync(), u => Assert.Equal(a, u.TenantId));
        Assert.All(await db.CallLegs.ToListAsync(), l => Assert.Equal(a, l.TenantId));
        Assert.Single(await db.Users.ToListAsync());
        Assert.Null(await db.Users.FirstOrDefaultAsync(u => u.TenantId == b));
        var bravoUserCount = await db.Users.CountAsync(u => u.Username == "agent1");
        Assert.Equal(1, bravoUserCount); // same username exists in both tenants; only one is visible
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task An_unscoped_context_sees_nothing(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        await SeedTwoTenantsAsync(database);

        await using var db = database.NewContext();
        Assert.Empty(await db.Tenants.ToListAsync());
        Assert.Empty(await db.Users.ToListAsync());
        Assert.Equal(2, await db.ScopeToSystem().Tenants.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Writing_a_row_of_another_tenant_is_refused(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var (a, b) = await SeedTwoTenantsAsync(database);

        await using var db = database.NewContext();
        db.ScopeToTenant(a);
        db.BlockedNumbers.Add(new BlockedNumber { TenantId = b, Number = "123" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var db2 = database.NewContext();
        db2.ScopeToTenant(a);
        Assert.Throws<InvalidOperationException>(() => db2.ScopeToTenant(b));
        db2.BlockedNumbers.Add(new BlockedNumber { Number = "456" }); // stamped with the scoped tenant
        await db2.SaveChangesAsync();
        Assert.Equal(a, (await db2.BlockedNumbers.SingleAsync(n => n.Number == "456")).TenantId);
    }
}
