using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CtiBridge.Data.Tests;

[Collection(DatabaseCollection.Name)]
public class EntityTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Every_entity_round_trips_with_every_column(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var graph = SampleData.Graph("acme");
        var tenantId = ((Tenant)graph[0]).Id;

        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenantId);
            foreach (var e in graph) db.Add(e);
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        read.ScopeToTenant(tenantId);
        var entityTypes = read.Model.GetEntityTypes().Where(t => !t.IsOwned()).ToList();
        Assert.All(entityTypes, et => Assert.Contains(graph, e => e.GetType() == et.ClrType)); // the sample covers every entity

        foreach (var original in graph)
        {
            var et = read.Model.FindEntityType(original.GetType())!;
            var key = et.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!.GetValue(original)).ToArray();
            var loaded = await read.FindAsync(original.GetType(), key);
            Assert.True(loaded is not null, $"{et.ClrType.Name} was not read back");
            foreach (var p in et.GetProperties().Where(p => p.PropertyInfo is not null))
                AssertSame(et, p, p.PropertyInfo!.GetValue(original), p.PropertyInfo.GetValue(loaded));
            foreach (var cp in et.GetComplexProperties())
            {
                var a = cp.PropertyInfo!.GetValue(original);
                var b = cp.PropertyInfo.GetValue(loaded);
                foreach (var p in cp.ComplexType.GetProperties())
                    AssertSame(et, p, p.PropertyInfo!.GetValue(a), p.PropertyInfo.GetValue(b));
            }
        }
    }

    private static void AssertSame(IEntityType et, IProperty p, object? expected, object? actual)
    {
        // Instants come back in UTC: compare the instant, not the offset.
        var same = expected is DateTimeOffset e && actual is DateTimeOffset a
            ? e.UtcTicks == a.UtcTicks && a.Offset == TimeSpan.Zero
            : p.GetValueComparer().Equals(expected, actual);
        Assert.True(same,
            $"{et.ClrType.Name}.{p.Name}: wrote {System.Text.Json.JsonSerializer.Serialize(expected)}, read {System.Text.Json.JsonSerializer.Serialize(actual)}");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Instants_compare_and_order_in_queries_on_every_provider(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var graph = SampleData.Graph("clock");
        var tenant = (Tenant)graph[0];
        var user = (User)graph[1];
        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id).AddRange(tenant, user);
            for (var i = 0; i < 5; i++)
                db.AgentStateChanges.Add(new AgentStateChange { UserId = user.Id, At = SampleData.T0.AddMinutes(10 - i), To = Domain.Agents.AgentStatus.Ready });
            await db.SaveChangesAsync();
        }
        await using var read = database.NewContext();
        read.ScopeToTenant(tenant.Id);
        var since = SampleData.T0.AddMinutes(7).ToOffset(TimeSpan.FromHours(-5)); // same instant, other offset
        var rows = await read.AgentStateChanges.Where(c => c.At >= since).OrderBy(c => c.At).Select(c => c.At).ToListAsync();
        Assert.Equal(new[] { 7, 8, 9, 10 }.Select(m => SampleData.T0.AddMinutes(m)), rows);
        Assert.All(rows, r => Assert.Equal(TimeSpan.Zero, r.Offset));
    }
}
