using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// A database made by CtiBridge before migrations had ids (the integer-versioned migrator, versions 1 and 2) is
/// upgraded in place and keeps its data. The databases are real ones that build made (Fixtures/main-3e8edf6.*.sql:
/// the sandbox Api run on an empty database, the demo tenant seeded, an agent logged in; dumped).
/// </summary>
[Collection(DatabaseCollection.Name)]
public class UpgradeFromIntegerVersionsTests(PostgresServer postgres)
{
    private static string Fixture(DatabaseProvider provider, string commit) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", $"main-{commit}.{(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres")}.sql"));

    private static Task RestoreAsync(TestDatabase database) => RestoreAsync(database, "3e8edf6");

    /// <summary>Loads Fixtures/main-&lt;commit&gt;.&lt;provider&gt;.sql, a dump of a database that build made, into an empty database.</summary>
    internal static async Task RestoreAsync(TestDatabase database, string commit)
    {
        await using var db = database.NewContext();
        var conn = db.Database.GetDbConnection();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // pg_dump empties search_path for its session: restore on a connection of its own.
            var csb = new Npgsql.NpgsqlConnectionStringBuilder(database.Options.ConnectionString) { Pooling = false };
            await using var own = new Npgsql.NpgsqlConnection(csb.ConnectionString);
            await own.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand(Fixture(database.Provider, commit), own);
            await cmd.ExecuteNonQueryAsync();
            return;
        }
        await conn.OpenAsync();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = Fixture(database.Provider, commit);
            await cmd.ExecuteNonQueryAsync();
        }
        await conn.CloseAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_database_made_by_the_integer_versioned_migrator_is_upgraded_in_place_and_read_back(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await RestoreAsync(database);

        IReadOnlyList<string> applied;
        await using (var db = database.NewContext())
            applied = await new SchemaMigrator().MigrateAsync(db);

        // Versions 1 and 2 are recognised as applied: only the migrations written since run.
        Assert.Equal(SchemaMigrator.All.Select(m => m.Id).Where(id => id is not "0001_initial" and not "0002_agent_sessions"), applied);
        await using (var db = database.NewContext())
        {
            var ids = await db.Database.SqlQueryRaw<string>("SELECT id AS \"Value\" FROM __schema_migrations").ToListAsync();
            Assert.Equal(SchemaMigrator.All.Select(m => m.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
            // An older build started on the upgraded database refuses it instead of running on a schema it does not know.
            var legacyMax = await db.Database.SqlQueryRaw<int>("SELECT max(version) AS \"Value\" FROM __schema_versions").SingleAsync();
            Assert.Equal(SchemaMigrator.LegacySentinelVersion, legacyMax);
        }

        // The data the old build wrote reads back through today's model.
        await using (var db = database.NewContext())
        {
            var tenant = await db.ScopeToSystem().Tenants.SingleAsync(t => t.Domain == "demo");
            db.ScopeToTenant(tenant.Id);
            Assert.Equal(["admin", "agent1", "agent2", "agent3", "super"], (await db.Users.Select(u => u.Username).ToListAsync()).Order());
            var agent1 = await db.Users.SingleAsync(u => u.Username == "agent1");
            var session = await db.AgentSessions.SingleAsync();
            Assert.Equal(agent1.Id, session.UserId);
            Assert.Equal("Ready", session.Status);
            Assert.True(await db.RefreshTokens.AnyAsync(t => t.UserId == agent1.Id));
            Assert.True(await db.SkillGroups.AnyAsync());
            Assert.True(await db.PauseReasons.AnyAsync());
            // New tables are there and usable with the old data.
            db.AuditEntries.Add(new Audit.AuditEntry { At = DateTimeOffset.UtcNow, ActorType = Audit.AuditActorType.System, Action = "schema.upgraded", TargetType = "database" });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.AuditEntries.CountAsync());
        }

        // Upgraded, the schema is the model's, as if made from scratch.
        using var fresh = await TestDatabase.CreateAsync(provider, postgres);
        await fresh.MigrateAsync();
        await using var a = database.NewContext();
        await using var b = fresh.NewContext();
        Assert.Equal(await SchemaInspector.DescribeAsync(b), await SchemaInspector.DescribeAsync(a));

        // And a second start applies nothing.
        await using (var db = database.NewContext())
            Assert.Empty(await new SchemaMigrator().MigrateAsync(db));
    }
}
