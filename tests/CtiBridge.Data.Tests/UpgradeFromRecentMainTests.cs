using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// A database made by a recent main (commit bbfbbfd, 2026-12-06, schema at 202612060315_monitoring_notice_sound) is
/// upgraded in place by today's migrations and keeps its data. Fixtures/main-bbfbbfd.*.sql are real databases that build
/// made: the sandbox Api on an empty database, the demo tenant seeded, agent1 signed in Ready, a phone "lobby" and a
/// contact created by the admin (audited), one sandbox call offered, answered and hung up; then dumped
/// (sqlite3 .dump; pg_dump --inserts).
/// </summary>
[Collection(DatabaseCollection.Name)]
public class UpgradeFromRecentMainTests(PostgresServer postgres)
{
    private const string Commit = "bbfbbfd";
    private const string LastMigrationOfThatBuild = "202612060315_monitoring_notice_sound";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_database_made_by_a_recent_main_is_upgraded_in_place_and_read_back(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await UpgradeFromIntegerVersionsTests.RestoreAsync(database, Commit);

        IReadOnlyList<string> applied;
        await using (var db = database.NewContext())
            applied = await new SchemaMigrator().MigrateAsync(db);
        // Exactly the migrations written after that build, and no earlier one again.
        var newer = SchemaMigrator.All.Select(m => m.Id).Where(id => string.CompareOrdinal(id, LastMigrationOfThatBuild) > 0).ToList();
        Assert.NotEmpty(newer);
        Assert.Equal(newer, applied);

        await using (var db = database.NewContext())
        {
            var tenant = await db.ScopeToSystem().Tenants.SingleAsync(t => t.Domain == "demo");
            db.ScopeToTenant(tenant.Id);
            Assert.Equal(["admin", "agent1", "agent2", "agent3", "super"], (await db.Users.Select(u => u.Username).ToListAsync()).Order());
            var agent1 = await db.Users.SingleAsync(u => u.Username == "agent1");
            Assert.Equal(agent1.Id, (await db.AgentSessions.SingleAsync()).UserId);
            Assert.Equal("demo-lobby", (await db.Phones.SingleAsync()).EndpointName);
            Assert.Equal("Ada Lovelace", (await db.Contacts.SingleAsync()).Name);
            var call = await db.CallRecords.SingleAsync();
            Assert.Equal(agent1.Id, call.AnsweredByUserId);
            Assert.Null(call.DialTaskId);                                          // column added by the upgrade
            Assert.True(await db.CallLegs.AnyAsync(l => l.CallId == call.Id));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "phone.created"));
            // The self-service migration gave the existing tenant its built-in flow.
            Assert.Contains("pin", await db.SelfServiceFlows.Select(f => f.Name).ToListAsync());
            // New tables take rows next to the old data.
            db.DialTasks.Add(new Entities.DialTask { Name = "Upgrade check", FirstDay = new DateOnly(2026, 12, 7), LastDay = new DateOnly(2026, 12, 8),
                DailyStart = new TimeOnly(9, 0), DailyEnd = new TimeOnly(17, 0) });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.DialTasks.CountAsync());
        }

        // Upgraded, the schema is the model's, as if made from scratch; a second start applies nothing.
        using var fresh = await TestDatabase.CreateAsync(provider, postgres);
        await fresh.MigrateAsync();
        await using (var a = database.NewContext())
        await using (var b = fresh.NewContext())
            Assert.Equal(await SchemaInspector.DescribeAsync(b), await SchemaInspector.DescribeAsync(a));
        await using (var db = database.NewContext())
            Assert.Empty(await new SchemaMigrator().MigrateAsync(db));
    }
}
