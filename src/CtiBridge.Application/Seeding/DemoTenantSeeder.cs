using CtiBridge.Application.Admin;
using CtiBridge.Application.Auth;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Seeding;

/// <summary>
/// Sandbox seeding: on an empty database, creates tenant <c>demo</c> with an admin, a supervisor,
/// three agents, a team, two skill groups and the pause reasons, all with password
/// <see cref="Password"/>, and logs the credentials.
/// </summary>
public sealed class DemoTenantSeeder(CtiDbContext db, PasswordHasher hasher, TimeProvider clock, ILogger<DemoTenantSeeder> log)
{
    public const string Domain = "demo";
    public const string Password = "Quiet-Harbor-2026";

    /// <summary>Seeds when no tenant exists; returns true when it did.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        db.ScopeToSystem();
        if (await db.Tenants.AnyAsync(ct))
        {
            if (await db.Tenants.AnyAsync(t => t.Domain == Domain, ct))
                log.LogWarning("Sandbox: demo tenant '{Domain}' exists. Demo users (if unchanged): admin, super, agent1, agent2, agent3 with password '{Password}'.", Domain, Password);
            return false;
        }

        var now = clock.GetUtcNow();
        var hash = hasher.Hash(Password); // one hash for all demo users: the same password anyway
        var tenant = new Tenant { Domain = Domain, Name = "Demo Company", CreatedAt = now, Settings = new TenantSettings { AttachedDataKeys = ["orderId", "customerName", "language"], NumberMaskingRule = "" } };
        db.Tenants.Add(tenant);

        User NewUser(string username, string display, UserRoles roles, string? agentNumber = null) => new()
        {
            TenantId = tenant.Id, Username = username, DisplayName = display, Roles = roles, AgentNumber = agentNumber,
            Email = $"{username}@demo.example", PasswordHash = hash, PasswordChangedAt = now, CreatedAt = now,
        };
        var admin = NewUser("admin", "Demo Admin", UserRoles.Admin);
        admin.IsPlatformAdmin = true; // so the sandbox can try the tenant endpoints too
        var super = NewUser("super", "Sam Supervisor", UserRoles.Supervisor);
        var agents = Enumerable.Range(1, 3).Select(i =>
        {
            var a = NewUser($"agent{i}", $"Agent {i}", UserRoles.Agent, $"100{i}");
            a.AgentProfile = new AgentProfile { UserId = a.Id, TenantId = tenant.Id, Extension = $"100{i}", ExtensionKind = ExtensionKind.Web };
            return a;
        }).ToList();
        db.Users.AddRange([admin, super, .. agents]);

        var team = new Team { TenantId = tenant.Id, Name = "Team A" };
        team.Supervisors.Add(new TeamSupervisor { TenantId = tenant.Id, TeamId = team.Id, UserId = super.Id });
        foreach (var a in agents) team.Members.Add(new TeamMember { TenantId = tenant.Id, TeamId = team.Id, UserId = a.Id });
        db.Teams.Add(team);

        var sales = new SkillGroup { TenantId = tenant.Id, Name = "Sales", Number = "800" };
        sales.Memberships.Add(new SkillGroupMembership { TenantId = tenant.Id, SkillGroupId = sales.Id, UserId = agents[0].Id, Priority = 1 });
        sales.Memberships.Add(new SkillGroupMembership { TenantId = tenant.Id, SkillGroupId = sales.Id, UserId = agents[1].Id, Priority = 1 });
        var support = new SkillGroup { TenantId = tenant.Id, Name = "Support", Number = "801" };
        support.Memberships.Add(new SkillGroupMembership { TenantId = tenant.Id, SkillGroupId = support.Id, UserId = agents[1].Id, Priority = 2 });
        support.Memberships.Add(new SkillGroupMembership { TenantId = tenant.Id, SkillGroupId = support.Id, UserId = agents[2].Id, Priority = 1 });
        db.SkillGroups.AddRange(sales, support);

        var code = 1;
        foreach (var name in new[] { "Break", "Lunch", "Meeting", "Training" })
            db.PauseReasons.Add(new PauseReason { TenantId = tenant.Id, Code = code++, Name = name });
        db.PauseReasons.AddRange(TenantsAdmin.SystemPauseReasons(tenant.Id));
        db.SelfServiceFlows.Add(SelfService.SelfServiceFlowsAdmin.BuiltInPin(tenant.Id));

        await db.SaveChangesAsync(ct);
        log.LogWarning(
            "Sandbox: seeded demo tenant '{Domain}'. Sign in with domain '{Domain}' and password '{Password}' as " +
            "admin (admin), super (supervisor), agent1/agent2/agent3 (agents; agent numbers 1001-1003, web extensions 1001-1003). " +
            "Skill groups: Sales (agent1, agent2), Support (agent3 first, then agent2).",
            Domain, Domain, Password);
        return true;
    }
}
