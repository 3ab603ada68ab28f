using System.Net;
using System.Net.Http.Json;
using CtiBridge.Application.Admin;

namespace CtiBridge.Api.Tests;

public class AdminTests
{
    private static async Task<List<UserResponse>> UsersAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<UserResponse>>("/api/v1/admin/users", CtiApiFactory.Json))!;

    [Fact]
    public async Task An_admin_of_one_tenant_never_sees_or_changes_another_tenants_users()
    {
        using var host = new CtiApiFactory();
        var demoAdmin = await host.ClientForAsync("demo", "admin");
        var demoUsers = await UsersAsync(demoAdmin);
        var victim = demoUsers.Single(u => u.Username == "agent1");
        var demoGroups = (await demoAdmin.GetFromJsonAsync<List<SkillGroupResponse>>("/api/v1/admin/skill-groups", CtiApiFactory.Json))!;
        var other = await host.CreateTenantAsync("other");

        var otherUsers = await UsersAsync(other);
        Assert.Equal(["boss"], otherUsers.Select(u => u.Username));

        await Problem.AssertAsync(await other.GetAsync($"/api/v1/admin/users/{victim.Id}"), 404, "not_found");
        await Problem.AssertAsync(await other.PutAsJsonAsync($"/api/v1/admin/users/{victim.Id}",
            new { displayName = "Hacked", roles = new[] { "admin" }, enabled = false }), 404, "not_found");
        await Problem.AssertAsync(await other.PostAsJsonAsync($"/api/v1/admin/users/{victim.Id}/password", new { password = "Hacked-Orchard-2026" }), 404, "not_found");
        await Problem.AssertAsync(await other.PostAsync($"/api/v1/admin/users/{victim.Id}/unlock", null), 404, "not_found");
        await Problem.AssertAsync(await other.PutAsJsonAsync($"/api/v1/admin/users/{victim.Id}/agent-profile", new { extension = "5555" }), 404, "not_found");
        await Problem.AssertAsync(await other.GetAsync($"/api/v1/admin/skill-groups/{demoGroups[0].Id}"), 404, "skill_group_not_found");
        await Problem.AssertAsync(await other.DeleteAsync($"/api/v1/admin/skill-groups/{demoGroups[0].Id}"), 404, "skill_group_not_found");

        // Pulling a foreign user into one's own team or skill group is refused too.
        await Problem.AssertAsync(await other.PostAsJsonAsync("/api/v1/admin/teams", new { name = "T", memberIds = new[] { victim.Id } }), 404, "not_found");
        var group = await other.PostAsJsonAsync("/api/v1/admin/skill-groups", new { name = "Sales" }); // same name as demo's: no clash across tenants
        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        var groupId = (await group.Content.ReadFromJsonAsync<SkillGroupResponse>(CtiApiFactory.Json))!.Id;
        await Problem.AssertAsync(await other.PutAsJsonAsync($"/api/v1/admin/skill-groups/{groupId}/members",
            new { members = new[] { new { userId = victim.Id, priority = 1 } } }), 404, "not_found");

        // Nothing changed in demo.
        var after = (await UsersAsync(demoAdmin)).Single(u => u.Id == victim.Id);
        Assert.Equal(victim.DisplayName, after.DisplayName);
        Assert.True(after.Enabled);
        await host.LoginAsync("demo", "agent1");
        Assert.Equal(demoUsers.Count, (await UsersAsync(demoAdmin)).Count);
    }

    [Fact]
    public async Task Agents_and_supervisors_cannot_use_admin_endpoints()
    {
        using var host = new CtiApiFactory();
        foreach (var login in new[] { "agent1", "super" })
        {
            var client = await host.ClientForAsync("demo", login);
            await Problem.AssertAsync(await client.GetAsync("/api/v1/admin/users"), 403, "forbidden");
            await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "123" }), 403, "forbidden");
            await Problem.AssertAsync(await client.GetAsync("/api/v1/admin/tenants"), 403, "forbidden");
        }
        await Problem.AssertAsync(await host.CreateClient().GetAsync("/api/v1/admin/users"), 401, "unauthenticated");
    }

    [Fact]
    public async Task Tenant_creation_needs_a_platform_admin_or_the_bootstrap_key()
    {
        using var host = new CtiApiFactory();
        var body = new { domain = "acme", name = "Acme", adminUsername = "root", adminPassword = "Silver-Orchard-2026" };
        await Problem.AssertAsync(await host.CreateClient().PostAsJsonAsync("/api/v1/admin/tenants", body), 401, "unauthenticated");
        var wrongKey = host.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-Bootstrap-Key", "wrong-key-wrong-key-wrong");
        await Problem.AssertAsync(await wrongKey.PostAsJsonAsync("/api/v1/admin/tenants", body), 401, "unauthenticated");

        var platform = await host.ClientForAsync("demo", "admin"); // the sandbox admin is a platform admin
        Assert.Equal(HttpStatusCode.Created, (await platform.PostAsJsonAsync("/api/v1/admin/tenants", body)).StatusCode);
        await Problem.AssertAsync(await platform.PostAsJsonAsync("/api/v1/admin/tenants", body), 409, "conflict");
        await Problem.AssertAsync(await platform.PostAsJsonAsync("/api/v1/admin/tenants", body with { domain = "weak", adminPassword = "weakweak" }), 400, "weak_password");

        var acmeAdmin = await host.ClientForAsync("acme", "root", "Silver-Orchard-2026");
        await Problem.AssertAsync(await acmeAdmin.GetAsync("/api/v1/admin/tenants"), 403, "forbidden");
        var own = await acmeAdmin.GetFromJsonAsync<TenantResponse>("/api/v1/admin/tenant", CtiApiFactory.Json);
        Assert.Equal("acme", own!.Domain);
        var reasons = await acmeAdmin.GetFromJsonAsync<List<PauseReasonResponse>>("/api/v1/admin/pause-reasons", CtiApiFactory.Json);
        Assert.Equal(["device_unavailable", "missed"], reasons!.Where(r => r.IsSystem).Select(r => r.SystemKey).Order());
    }

    [Fact]
    public async Task The_demo_tenant_is_seeded_as_documented()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var users = await UsersAsync(admin);
        Assert.Equal(["admin", "agent1", "agent2", "agent3", "super"], users.Select(u => u.Username));
        Assert.All(users.Where(u => u.Username.StartsWith("agent", StringComparison.Ordinal)), u =>
        {
            Assert.Equal(u.Username[^1..], u.AgentNumber![^1..]);
            Assert.Equal(u.AgentNumber, u.AgentProfile!.Extension);
            Assert.Equal(Domain.Tenants.ExtensionKind.Web, u.AgentProfile.ExtensionKind);
        });
        var groups = (await admin.GetFromJsonAsync<List<SkillGroupResponse>>("/api/v1/admin/skill-groups", CtiApiFactory.Json))!;
        Assert.Equal(["Sales", "Support"], groups.Select(g => g.Name));
        string Name(Guid id) => users.Single(u => u.Id == id).Username;
        Assert.Equal(["agent1", "agent2"], groups[0].Members.Select(m => Name(m.UserId)).Order());
        Assert.Equal(["agent3", "agent2"], groups[1].Members.Select(m => Name(m.UserId))); // by priority
        var teams = (await admin.GetFromJsonAsync<List<TeamResponse>>("/api/v1/admin/teams", CtiApiFactory.Json))!;
        Assert.Equal("Team A", Assert.Single(teams).Name);
        Assert.Equal(["super"], teams[0].SupervisorIds.Select(Name));
        Assert.Equal(3, teams[0].MemberIds.Count);
        var reasons = (await admin.GetFromJsonAsync<List<PauseReasonResponse>>("/api/v1/admin/pause-reasons", CtiApiFactory.Json))!;
        Assert.Equal(["Break", "Lunch", "Meeting", "Training", "Missed", "Device unavailable"], reasons.Select(r => r.Name).Take(4).Concat(reasons.Skip(4).OrderByDescending(r => r.SystemKey).Select(r => r.Name)));
        Assert.Equal([1, 2, 3, 4], reasons.Where(r => !r.IsSystem).Select(r => r.Code!.Value));
    }

    [Fact]
    public async Task A_remote_agent_without_agent_number_or_pin_is_refused_naming_each_field_as_she_could_never_log_in_by_phone()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var before = (await admin.GetFromJsonAsync<List<UserResponse>>("/api/v1/admin/users", CtiApiFactory.Json))!.Count;

        var refused = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            username = "rhea", displayName = "Rhea Remote", roles = new[] { "agent" }, password = "Copper-Kettle-2026",
            agentProfile = new { extension = "2071", extensionKind = "Remote", mobileNumber = "+4915100071" },
        });
        await Problem.AssertAsync(refused, 400, "validation_failed");
        var errors = (await Problem.ReadAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            username = "rhea", displayName = "Rhea Remote", roles = new[] { "agent" }, password = "Copper-Kettle-2026",
            agentProfile = new { extension = "2071", extensionKind = "Remote", mobileNumber = "+4915100071" },
        }))).GetProperty("errors");
        Assert.Equal(["agentNumber", "agentProfile.ivrPin"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.StartsWith("Required for a remote agent", errors.GetProperty("agentProfile.ivrPin")[0].GetString());
        Assert.Equal(before, (await admin.GetFromJsonAsync<List<UserResponse>>("/api/v1/admin/users", CtiApiFactory.Json))!.Count);
        // A web agent needs neither.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            username = "wanda", displayName = "Wanda Web", roles = new[] { "agent" }, password = "Copper-Kettle-2026",
            agentProfile = new { extension = "2072", extensionKind = "Web" },
        })).StatusCode);

        // Made remote later: the PIN is needed (the user has an agent number), and kept once set.
        var wanda = (await admin.GetFromJsonAsync<List<UserResponse>>("/api/v1/admin/users", CtiApiFactory.Json))!.Single(u => u.Username == "wanda");
        var noNumber = await Problem.ReadAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{wanda.Id}/agent-profile", new { extension = "2072", extensionKind = "Remote" }));
        Assert.Equal(["agentNumber", "ivrPin"], noNumber.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        (await admin.PutAsJsonAsync($"/api/v1/admin/users/{wanda.Id}", new { displayName = "Wanda Web", agentNumber = "2072", roles = new[] { "agent" }, enabled = true })).EnsureSuccessStatusCode();
        var noPin = await admin.PutAsJsonAsync($"/api/v1/admin/users/{wanda.Id}/agent-profile", new { extension = "2072", extensionKind = "Remote" });
        Assert.Equal(["ivrPin"], (await Problem.ReadAsync(noPin)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());
        (await admin.PutAsJsonAsync($"/api/v1/admin/users/{wanda.Id}/agent-profile", new { extension = "2072", extensionKind = "Remote", ivrPin = "4242" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/v1/admin/users/{wanda.Id}/agent-profile", new { extension = "2072", extensionKind = "Remote", mobileNumber = "+4915100072" })).EnsureSuccessStatusCode();
        // Her agent number cannot be taken away while she is remote.
        var cleared = await admin.PutAsJsonAsync($"/api/v1/admin/users/{wanda.Id}", new { displayName = "Wanda Web", roles = new[] { "agent" }, enabled = true });
        Assert.Equal(["agentNumber"], (await Problem.ReadAsync(cleared)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task An_admin_manages_users_teams_groups_reasons_blocklist_and_phones()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");

        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            username = "agent4", displayName = "Agent 4", email = "a4@demo.example", agentNumber = "1004", roles = new[] { "agent" },
            password = "Copper-Kettle-2026", agentProfile = new { extension = "1004", extensionKind = "Remote", ivrPin = "4321", acwMode = "Disabled", workingMode = "Inbound", mobileNumber = "+4915100000" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var agent4 = (await created.Content.ReadFromJsonAsync<UserResponse>(CtiApiFactory.Json))!;
        Assert.True(agent4.AgentProfile!.HasIvrPin);
        Assert.Equal(Domain.Tenants.ExtensionKind.Remote, agent4.AgentProfile.ExtensionKind);
        await host.LoginAsync("demo", "1004", "Copper-Kettle-2026");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "agent4", displayName = "X", roles = new[] { "agent" }, password = "Copper-Kettle-2026" }), 409, "conflict");
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{agent4.Id}/agent-profile", new { extension = "1001" }), 409, "conflict");

        var team = await admin.PostAsJsonAsync("/api/v1/admin/teams", new { name = "Team B", supervisorIds = Array.Empty<Guid>(), memberIds = new[] { agent4.Id } });
        Assert.Equal(HttpStatusCode.Created, team.StatusCode);
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/teams", new { name = "Team C", supervisorIds = new[] { agent4.Id } }), 409, "conflict");

        var group = (await (await admin.PostAsJsonAsync("/api/v1/admin/skill-groups", new
        {
            name = "Billing", number = "802", maxWaitSeconds = 120, announcePosition = true, noAgentRule = "FallbackDestination", fallbackDestination = "900",
            businessHours = new { timeZone = "UTC", rules = new[] { new { days = new[] { "Monday", "Tuesday" }, open = "08:00:00", close = "17:00:00" } } },
        })).Content.ReadFromJsonAsync<SkillGroupResponse>(CtiApiFactory.Json))!;
        Assert.Equal(2, group.BusinessHours!.Rules[0].Days.Count);
        var withMember = await admin.PutAsJsonAsync($"/api/v1/admin/skill-groups/{group.Id}/members/{agent4.Id}", new { priority = 3 });
        Assert.Equal(3, (await withMember.Content.ReadFromJsonAsync<SkillGroupResponse>(CtiApiFactory.Json))!.Members.Single().Priority);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/skill-groups/{group.Id}/members/{agent4.Id}")).StatusCode);
        await Problem.AssertAsync(await admin.DeleteAsync($"/api/v1/admin/skill-groups/{group.Id}/members/{agent4.Id}"), 404, "not_a_member");

        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/pause-reasons", new { code = 1, name = "Coffee" }), 409, "conflict");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/pause-reasons", new { code = 5, name = "Coffee" })).StatusCode);
        var missed = (await admin.GetFromJsonAsync<List<PauseReasonResponse>>("/api/v1/admin/pause-reasons", CtiApiFactory.Json))!.Single(r => r.SystemKey == "missed");
        await Problem.AssertAsync(await admin.DeleteAsync($"/api/v1/admin/pause-reasons/{missed.Id}"), 409, "conflict");

        var blocked = await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "+15550001", direction = "Both", note = "spam" });
        Assert.Equal(HttpStatusCode.Created, blocked.StatusCode);
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "+15550001" }), 409, "conflict");

        var phone = (await (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2001", hotDesk = true })).Content.ReadFromJsonAsync<PhoneResponse>(CtiApiFactory.Json))!;
        Assert.Equal("demo-2001", phone.EndpointName);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/phones/{phone.Id}")).StatusCode);

        // An admin cannot lock themself out.
        var self = (await UsersAsync(admin)).Single(u => u.Username == "admin");
        await Problem.AssertAsync(await admin.PutAsJsonAsync($"/api/v1/admin/users/{self.Id}", new { displayName = "A", roles = new[] { "agent" }, enabled = true }), 409, "conflict");
    }
}
