using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

[Collection(DatabaseCollection.Name)]
public class MigrationTests(PostgresServer postgres)
{
    [Fact]
    public void Every_migration_exists_for_the_three_providers_with_a_unique_id_in_order()
    {
        Assert.NotEmpty(SchemaMigrator.All);
        Assert.Equal("0001_initial", SchemaMigrator.All[0].Id);
        Assert.Equal("0002_agent_sessions", SchemaMigrator.All[1].Id);
        Assert.Equal(SchemaMigrator.All.Count, SchemaMigrator.All.Select(m => m.Id).Distinct().Count());
        Assert.Equal(SchemaMigrator.All.OrderBy(m => m.Number).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.Id), SchemaMigrator.All.Select(m => m.Id));
        Assert.All(SchemaMigrator.All, m =>
        {
            foreach (var p in Enum.GetValues<DatabaseProvider>())
                Assert.True(!string.IsNullOrWhiteSpace(m.SqlFor(p)), $"Migration {m.Id} has no {p} file (src/CtiBridge.Data/Migrations/{p}/{m.Id}.sql).");
        });
        // New migrations are numbered by the UTC time they were written (yyyyMMddHHmm), so parallel branches do not collide.
        Assert.All(SchemaMigrator.All.Skip(2), m => Assert.True(m.Number >= 2026_01_01_0000 && m.Number < 2100_01_01_0000,
            $"Migration {m.Id}: number it yyyyMMddHHmm_name (UTC), see docs/database.md."));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Migrations_apply_from_empty_and_a_second_run_applies_nothing(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = database.NewContext();
        var migrator = new SchemaMigrator();

        var first = await migrator.MigrateAsync(db);
        var second = await migrator.MigrateAsync(db);

        Assert.Equal(SchemaMigrator.All.Select(m => m.Id), first);
        Assert.Empty(second);
        var ids = await db.Database.SqlQueryRaw<string>("SELECT id AS \"Value\" FROM __schema_migrations").ToListAsync();
        Assert.Equal(SchemaMigrator.All.Select(m => m.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        // The migrated schema is usable through the model.
        Assert.Equal(0, await db.ScopeToSystem().Tenants.CountAsync());
    }

    /// <summary>
    /// Parallel branches: a migration merged after newer ones were applied (its id sorts before theirs) is applied at the
    /// next start, and a database that has a migration this build does not know (a newer build's) is refused.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_migration_merged_after_newer_ones_is_applied_and_a_database_with_an_unknown_one_is_refused(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        var late = SchemaMigrator.All.Single(m => m.Id == "202612060445_audit_target_id_length");
        Assert.True(SchemaMigrator.All.Any(m => string.CompareOrdinal(m.Id, late.Id) > 0), "newer migrations exist");
        await using (var db = database.NewContext())
        {
            // Every other migration applied and recorded, as on a database whose branch did not have this one yet.
            await db.Database.ExecuteSqlRawAsync(SchemaMigrator.CreateHistoryTableSql(provider));
            foreach (var m in SchemaMigrator.All.Where(m => m != late))
            {
                foreach (var statement in SchemaMigrator.StatementsFor(m, provider))
                    await db.Database.ExecuteSqlRawAsync(statement);
                await db.Database.ExecuteSqlAsync($"INSERT INTO __schema_migrations (id, applied_at) VALUES ({m.Id}, {DateTime.UtcNow})");
            }
        }

        await using (var db = database.NewContext())
            Assert.Equal([late.Id], await new SchemaMigrator().MigrateAsync(db));
        using (var fresh = await TestDatabase.CreateAsync(provider, postgres))
        {
            await fresh.MigrateAsync();
            await using var a = database.NewContext();
            await using var b = fresh.NewContext();
            Assert.Equal(await SchemaInspector.DescribeAsync(b), await SchemaInspector.DescribeAsync(a)); // on PostgreSQL: TargetId is 200 long
        }

        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO __schema_migrations (id, applied_at) VALUES ('209912312359_from_a_newer_build', {DateTime.UtcNow})");
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator().MigrateAsync(db));
            Assert.Contains("209912312359_from_a_newer_build", refused.Message);
            Assert.Contains("newer CtiBridge", refused.Message);
        }
    }

    /// <summary>
    /// A SQLite file runs in write-ahead-log mode after migrating, so an open read (a CSV export streaming to a slow
    /// client) does not hold up a write (a session refresh): in the rollback journal the write below waited for the
    /// reader and failed with "database is locked" after its timeout.
    /// </summary>
    [Fact]
    public async Task A_sqlite_file_writes_while_another_connection_is_reading()
    {
        using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await database.MigrateAsync();
        await using var reading = database.NewContext();
        var conn = reading.Database.GetDbConnection();
        await conn.OpenAsync();
        await using (var mode = conn.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        }
        await using var readTx = ((Microsoft.Data.Sqlite.SqliteConnection)conn).BeginTransaction(deferred: true); // a plain read, as a query's
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = readTx;
            cmd.CommandText = "SELECT count(*) FROM __schema_migrations";
            Assert.True(Convert.ToInt64(await cmd.ExecuteScalarAsync()) > 0); // the read transaction now holds its snapshot
        }

        await using var writing = database.NewContext();
        writing.Database.SetCommandTimeout(TimeSpan.FromSeconds(2));
        var written = await writing.Database.ExecuteSqlRawAsync("UPDATE __schema_migrations SET id = id");
        Assert.True(written > 0);
    }

    /// <summary>
    /// The drift check: the schema the migrations build must equal the schema EF would create from the
    /// current model. A model change without a matching migration (for either provider) fails here,
    /// and the message lists the difference.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Migrated_schema_matches_the_model(DatabaseProvider provider)
    {
        using var migrated = await TestDatabase.CreateAsync(provider, postgres);
        using var fromModel = await TestDatabase.CreateAsync(provider, postgres);
        await migrated.MigrateAsync();
        await using (var db = fromModel.NewContext())
        {
            // EnsureCreated on an existing empty PostgreSQL database would be a no-op; run the script.
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = db.Database.GenerateCreateScript();
            await cmd.ExecuteNonQueryAsync();
        }

        await using var a = migrated.NewContext();
        await using var b = fromModel.NewContext();
        var actual = await SchemaInspector.DescribeAsync(a);
        var expected = await SchemaInspector.DescribeAsync(b);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The {provider} migrations do not produce the model's schema. Add a migration (see docs/database.md).\n" +
            $"In the model but not in the migrated database:\n  {string.Join("\n  ", missing)}\n" +
            $"In the migrated database but not in the model:\n  {string.Join("\n  ", extra)}");
        Assert.Contains(actual, l => l.Contains("Tenants", StringComparison.Ordinal));
    }
}
