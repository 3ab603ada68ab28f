using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// The migration that moves self-service flows into their own table: every existing tenant keeps the flow it had (the
/// built-in "pin"), as a row EF reads back (on SQLite: an id in EF's GUID text form).
/// </summary>
[Collection(DatabaseCollection.Name)]
public class SelfServiceFlowMigrationTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Every_existing_tenant_keeps_the_pin_flow(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = database.NewContext();
        db.ScopeToSystem();
        var flows = SchemaMigrator.All.Single(m => m.Name == "self_service_flows");
        foreach (var earlier in SchemaMigrator.All.Where(m => m.Id != flows.Id))
            foreach (var statement in SchemaMigrator.StatementsFor(earlier, provider))
                await db.Database.ExecuteSqlRawAsync(statement);
        var tenants = new[] { new Tenant { Domain = "first", Name = "First" }, new Tenant { Domain = "second", Name = "Second" } };
        db.Tenants.AddRange(tenants);
        await db.SaveChangesAsync();

        foreach (var statement in SchemaMigrator.StatementsFor(flows, provider))
            await db.Database.ExecuteSqlRawAsync(statement);

        var rows = await db.SelfServiceFlows.AsNoTracking().ToListAsync();
        Assert.Equal(tenants.Select(t => t.Id).Order(), rows.Select(r => r.TenantId).Order());
        Assert.All(rows, r => Assert.Equal(("pin", "conf-getpin", (int?)12, "#", 30, "pin"), (r.Name, r.Prompt, r.MaxDigits, r.Terminator, r.TimeoutSeconds, r.DataKey)));
        Assert.Equal(2, rows.Select(r => r.Id).Distinct().Count());
        // The ids are EF's own: a row is found by its id.
        Assert.NotNull(await db.SelfServiceFlows.FindAsync(rows[0].Id));
    }
}
