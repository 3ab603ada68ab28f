using System.Data.Common;
using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// AgentSessions (schema version 2): the logged-in agents' sessions a restarted CtiBridge logs in again. One row per
/// agent, rewritten in place, gone with its user or tenant, and added to a database that is already at version 1.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class AgentSessionTests(PostgresServer postgres)
{
    private static async Task<(Tenant Tenant, User User, User Other)> SeedAsync(TestDatabase database)
    {
        var tenant = new Tenant { Domain = "acme", Name = "ACME", Enabled = true, CreatedAt = SampleData.T0 };
        var user = new User { TenantId = tenant.Id, Username = "ann", DisplayName = "Ann", CreatedAt = SampleData.T0 };
        var other = new User { TenantId = tenant.Id, Username = "bob", DisplayName = "Bob", CreatedAt = SampleData.T0 };
        await using var db = database.NewContext();
        db.ScopeToTenant(tenant.Id).AddRange(tenant, user, other);
        await db.SaveChangesAsync();
        return (tenant, user, other);
    }

    private static AgentSession Ready(Guid userId, string? hotDesk = null) => new()
    {
        UserId = userId, Status = "Ready", HotDeskEndpoint = hotDesk, LoggedInAt = SampleData.T0, StateSince = SampleData.T0,
        IdleSince = SampleData.T0, UpdatedAt = SampleData.T0,
    };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_session_is_one_row_per_agent_rewritten_in_place_and_read_back_by_a_list_of_agents(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var (tenant, ann, bob) = await SeedAsync(database);
        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id).AgentSessions.AddRange(Ready(ann.Id, "PJSIP/acme-2001"), Ready(bob.Id));
            await db.SaveChangesAsync();
        }

        // The journal's write: the rows of the agents in a batch, by a list of ids; then changed in place.
        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id);
            var ids = new List<Guid> { ann.Id, Guid.NewGuid() };
            var rows = await db.AgentSessions.Where(s => ids.Contains(s.UserId)).ToListAsync();
            var row = Assert.Single(rows);
            row.Status = "NotReady";
            row.Reason = "Lunch";
            row.UpdatedAt = SampleData.T0.AddMinutes(1);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id);
            var row = await db.AgentSessions.SingleAsync(s => s.UserId == ann.Id);
            Assert.Equal(("NotReady", "Lunch", "PJSIP/acme-2001"), (row.Status, row.Reason, row.HotDeskEndpoint));
            Assert.Equal(2, await db.AgentSessions.CountAsync());
        }
        await using (var db = database.NewContext())
        {
            // A second row for the same agent is refused: the key is the agent.
            db.ScopeToTenant(tenant.Id).AgentSessions.Add(Ready(ann.Id));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_session_goes_with_its_deleted_user_and_with_its_deleted_tenant(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var (tenant, ann, bob) = await SeedAsync(database);
        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id).AgentSessions.AddRange(Ready(ann.Id), Ready(bob.Id));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id);
            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == ann.Id));
            await db.SaveChangesAsync();
            Assert.Equal([bob.Id], await db.AgentSessions.Select(s => s.UserId).ToListAsync());
        }
        await using (var db = database.NewContext())
        {
            db.ScopeToSystem();
            db.Tenants.Remove(await db.Tenants.SingleAsync(t => t.Id == tenant.Id));
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.AgentSessions.CountAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_database_at_version_1_gets_the_sessions_table_and_keeps_its_rows(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = database.NewContext())
        {
            // What a version-1 build left: the initial schema, recorded as version 1, with data in it.
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await ExecAsync(conn, provider == DatabaseProvider.Sqlite
                ? "CREATE TABLE __schema_versions (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                : "CREATE TABLE __schema_versions (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)");
            await ExecAsync(conn, SchemaMigrator.All[0].SqlFor(provider)!);
            await ExecAsync(conn, provider == DatabaseProvider.Sqlite
                ? "INSERT INTO __schema_versions VALUES (1, 'initial', '2026-01-01T00:00:00Z')"
                : "INSERT INTO __schema_versions VALUES (1, 'initial', now())");
            await conn.CloseAsync();
        }
        await using (var db = database.NewContext())
        {
            // A tenant stands for the data to keep, written with version 1's columns (today's model has more).
            var (yes, no, createdAt) = (true, false, SampleData.T0.UtcDateTime);
            await db.Database.ExecuteSqlAsync(
                $@"INSERT INTO ""Tenants"" (""Id"", ""Domain"", ""Name"", ""Enabled"", ""CreatedAt"", ""Settings_AttachedDataKeys"", ""Settings_DefaultMusicOnHoldClass"",
                   ""Settings_DeviceUnavailableAutoReturn"", ""Settings_DirectCallsRequireReady"", ""Settings_NoAgentRule"", ""Settings_NotificationsEnabled"",
                   ""Settings_NumberMaskingRule"", ""Settings_RecordingPolicy"", ""Settings_WrapUpDefaultSeconds"")
                   VALUES ({Guid.NewGuid()}, 'old', 'Old', {yes}, {createdAt}, '[]', 'default', {yes}, {no}, 'KeepWaiting', {yes}, '', 'OnDemand', 30)");
        }

        await using (var db = database.NewContext())
        {
            var applied = await new SchemaMigrator().MigrateAsync(db);
            Assert.Equal("0002_agent_sessions", applied[0]);
            Assert.DoesNotContain("0001_initial", applied);
        }

        var (tenant, ann, _) = await SeedAsync(database);
        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(tenant.Id).AgentSessions.Add(Ready(ann.Id));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            db.ScopeToSystem();
            Assert.Equal(["acme", "old"], await db.Tenants.OrderBy(t => t.Domain).Select(t => t.Domain).ToListAsync());
            Assert.Equal(ann.Id, (await db.AgentSessions.SingleAsync()).UserId);
        }
    }

    private static async Task ExecAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
