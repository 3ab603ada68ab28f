using CtiBridge.Data.Audit;
using CtiBridge.Data.Entities;
using CtiBridge.Data.Housekeeping;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Data.Tests;

/// <summary>
/// The audit trail is written by the SaveChanges that makes the change, in its transaction: a save the database
/// refuses leaves no entry; only configuration changes with an actor are recorded. And the daily purges.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class AuditTrailTests(PostgresServer postgres)
{
    private sealed class Admin(Guid tenant, Guid id) : IAuditActor
    {
        public AuditActorType? Type => AuditActorType.User;
        public Guid? Id => id;
        public string? Name => "boss";
        public Guid? TenantId => tenant;
        public string? IpAddress => "192.0.2.7";
    }

    private static CtiDbContext Context(TestDatabase database, IAuditActor? actor)
    {
        var b = new DbContextOptionsBuilder<CtiDbContext>();
        database.Options.Configure(b);
        return new CtiDbContext(b.Options, auditActor: actor);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task An_entry_is_written_with_its_change_and_not_when_the_database_refuses_the_change(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var tenant = new Tenant { Domain = "acme", Name = "Acme", Enabled = true, CreatedAt = SampleData.T0 };
        await using (var db = database.NewContext())
        {
            db.ScopeToSystem().Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }
        var admin = new Admin(tenant.Id, Guid.NewGuid());

        await using (var db = Context(database, admin))
        {
            db.ScopeToTenant(tenant.Id).Users.Add(new User { Username = "ann", DisplayName = "Ann", PasswordHash = "h", CreatedAt = SampleData.T0 });
            await db.SaveChangesAsync();
        }
        await using (var db = Context(database, admin))
        {
            // The same username again: the unique index refuses the row inside SaveChanges.
            db.ScopeToTenant(tenant.Id).Users.Add(new User { Username = "ann", DisplayName = "Ann 2", PasswordHash = "h", CreatedAt = SampleData.T0 });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var db = database.NewContext())
        {
            var entries = await db.ScopeToTenant(tenant.Id).AuditEntries.ToListAsync();
            var entry = Assert.Single(entries);
            Assert.Equal("user.created", entry.Action);
            Assert.Equal(admin.Id, entry.ActorId);
            Assert.Equal("192.0.2.7", entry.IpAddress);
            Assert.Contains("\"Username\":\"ann\"", entry.After);
            Assert.Contains("\"PasswordHash\":\"***\"", entry.After);
        }

        // Bookkeeping columns alone (a sign-in) are not an admin change; no actor, no entry.
        await using (var db = Context(database, admin))
        {
            var ann = await db.ScopeToTenant(tenant.Id).Users.SingleAsync();
            ann.LastLoginAt = SampleData.T0.AddDays(1);
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            var ann = await db.ScopeToTenant(tenant.Id).Users.SingleAsync();
            ann.DisplayName = "Changed by a job";
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.AuditEntries.CountAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_change_to_a_row_with_a_composite_key_is_audited_with_the_whole_key(DatabaseProvider provider)
    {
        // A skill-group membership's key is two GUIDs: 73 characters as a target, which a 64-character column refused on
        // PostgreSQL, failing the admin's change itself.
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var tenant = new Tenant { Domain = "acme", Name = "Acme", Enabled = true, CreatedAt = SampleData.T0 };
        var user = new User { TenantId = tenant.Id, Username = "ann", DisplayName = "Ann", PasswordHash = "h", CreatedAt = SampleData.T0 };
        var group = new SkillGroup { TenantId = tenant.Id, Name = "Sales" };
        await using (var db = database.NewContext())
        {
            db.ScopeToSystem().Tenants.Add(tenant);
            db.Users.Add(user);
            db.SkillGroups.Add(group);
            await db.SaveChangesAsync();
        }
        await using (var db = Context(database, new Admin(tenant.Id, Guid.NewGuid())))
        {
            db.ScopeToTenant(tenant.Id).Set<SkillGroupMembership>().Add(new SkillGroupMembership { TenantId = tenant.Id, SkillGroupId = group.Id, UserId = user.Id, Priority = 2 });
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            var entry = await db.ScopeToTenant(tenant.Id).AuditEntries.SingleAsync();
            Assert.Equal($"{group.Id}/{user.Id}", entry.TargetId);
        }
    }

    [Fact]
    public void Every_audited_entitys_key_fits_the_target_column()
    {
        using var db = new CtiDbContext(new DbContextOptionsBuilder<CtiDbContext>().UseSqlite("Data Source=:memory:").Options);
        var limit = db.Model.FindEntityType(typeof(CtiBridge.Data.Audit.AuditEntry))!.FindProperty(nameof(CtiBridge.Data.Audit.AuditEntry.TargetId))!.GetMaxLength()!.Value;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => AuditTrail.TargetTypeOf(e.ClrType) is not null))
        {
            var key = entity.FindPrimaryKey()!.Properties;
            // GUIDs print as 36 characters; other key parts here are short codes.
            var longest = key.Sum(p => p.ClrType == typeof(Guid) ? 36 : p.GetMaxLength() ?? 36) + key.Count - 1;
            Assert.True(longest <= limit, $"{entity.ClrType.Name}: a key of up to {longest} characters does not fit TargetId ({limit})");
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task The_daily_purges_delete_expired_refresh_tokens_and_old_audit_entries_in_every_tenant_and_nothing_else(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var now = SampleData.T0.AddDays(30);
        foreach (var domain in new[] { "a", "b" })
        {
            var tenant = new Tenant { Domain = domain, Name = domain, Enabled = true, CreatedAt = SampleData.T0 };
            var user = new User { TenantId = tenant.Id, Username = "u", DisplayName = "U", PasswordHash = "h", CreatedAt = SampleData.T0 };
            await using var db = database.NewContext();
            db.ScopeToSystem();
            db.AddRange(tenant, user,
                new RefreshToken { TenantId = tenant.Id, UserId = user.Id, TokenHash = domain + "old", CreatedAt = SampleData.T0, ExpiresAt = now.AddSeconds(-1) },
                new RefreshToken { TenantId = tenant.Id, UserId = user.Id, TokenHash = domain + "live", CreatedAt = SampleData.T0, ExpiresAt = now.AddSeconds(1) },
                new AuditEntry { TenantId = tenant.Id, At = now.AddDays(-366), Action = "user.created", TargetType = "user" },
                new AuditEntry { TenantId = tenant.Id, At = now.AddDays(-364), Action = "user.updated", TargetType = "user" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await ExpiredRefreshTokenPurgeJob.PurgeAsync(db, now));
            Assert.Equal(2, await AuditRetentionJob.PurgeAsync(db, now.AddDays(-365)));
        }
        await using (var db = database.NewContext())
        {
            db.ScopeToSystem();
            Assert.Equal(["alive", "blive"], (await db.RefreshTokens.Select(t => t.TokenHash).ToListAsync()).Order());
            Assert.Equal(["user.updated", "user.updated"], await db.AuditEntries.Select(a => a.Action).ToListAsync());
        }
    }
}
