using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Events;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>Auto-answer as the agent's setting (PUT /agent/auto-answer) and the transfer picker's skill groups.</summary>
public class AutoAnswerAndTransferTargetTests
{
    private static async Task<string> CodeOf(HttpResponseMessage r) =>
        JsonSerializer.Deserialize<JsonElement>(await r.Content.ReadAsStringAsync()).GetProperty("code").GetString()!;

    private static async Task AllowAgentsToChooseAutoAnswerAsync(HttpClient admin, bool allow)
    {
        var tenant = await (await admin.GetAsync("/api/v1/admin/tenant")).ReadAsync<JsonElement>();
        var settings = JsonSerializer.Deserialize<Dictionary<string, object?>>(tenant.GetProperty("settings").GetRawText())!;
        settings["agentsMayChooseAutoAnswer"] = allow;
        await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = tenant.GetProperty("name").GetString(), settings }).OkAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_agent_may_switch_auto_answer_only_when_the_tenant_allows_it_and_it_is_kept_in_her_profile()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        var admin = await host.ClientForAsync("demo", "admin");
        var me = await agent.LoginReadyAsync();
        Assert.False(me.AutoAnswer);
        Assert.False(me.AutoAnswerChangeable);

        var refused = await agent.PutAsJsonAsync("/api/v1/agent/auto-answer", new { enabled = true });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("auto_answer_not_allowed", await CodeOf(refused));
        Assert.False((await agent.StateAsync()).AutoAnswer);

        await AllowAgentsToChooseAutoAnswerAsync(admin, true);
        Assert.True((await agent.StateAsync()).AutoAnswerChangeable);
        var on = await (await agent.PutAsJsonAsync("/api/v1/agent/auto-answer", new { enabled = true })).ReadAsync<AgentView>();
        Assert.True(on.AutoAnswer);
        Assert.True(await host.DbAsync(db => db.AgentProfiles.Where(p => p.UserId == me.AgentId).Select(p => p.AutoAnswer).SingleAsync()));

        // The sandbox's simulated phone honours the auto-answer request: the next customer is connected without a click.
        await agent.PlaceCallAsync("Sales");
        var call = await agent.WaitForCallAsync(c => c.State == Domain.Calls.CallState.Connected);
        Assert.Equal(Domain.Agents.AgentStatus.OnCall, (await agent.StateAsync()).Status);
        await agent.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();
    }

    [Fact]
    public async Task An_admin_sets_auto_answer_for_an_agent_even_when_agents_may_not()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent2");
        var admin = await host.ClientForAsync("demo", "admin");
        var me = await agent.LoginReadyAsync();

        var set = await (await admin.PutAsJsonAsync($"/api/v1/agents/{me.AgentId}/auto-answer", new { enabled = true })).ReadAsync<AgentView>();

        Assert.True(set.AutoAnswer);
        Assert.True((await agent.StateAsync()).AutoAnswer);
        var super = await host.ClientForAsync("demo", "super");
        var bySupervisor = await super.PutAsJsonAsync($"/api/v1/agents/{me.AgentId}/auto-answer", new { enabled = false });
        Assert.Equal("auto_answer_not_allowed", await CodeOf(bySupervisor)); // the tenant's rule binds supervisors too
    }

    [Fact]
    public async Task Auto_answer_without_a_value_is_a_validation_problem()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();

        var r = await agent.PutAsJsonAsync("/api/v1/agent/auto-answer", new { });

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("validation_failed", await CodeOf(r));
    }

    [Fact]
    public async Task Transfer_targets_are_every_group_of_the_tenant_with_its_free_agents_not_only_the_agents_own()
    {
        using var host = new CtiApiFactory();
        var agent1 = await host.ClientForAsync("demo", "agent1");   // in Sales only
        var agent3 = await host.ClientForAsync("demo", "agent3");   // in Support
        await agent3.LoginReadyAsync();

        var own = await (await agent1.GetAsync("/api/v1/skill-groups")).ReadAsync<List<SkillGroupStats>>();
        var targets = await (await agent1.GetAsync("/api/v1/skill-groups/transfer-targets")).ReadAsync<List<TransferTargetGroup>>();

        Assert.Equal(["Sales"], own.Select(g => g.Name));
        Assert.Equal(["Sales", "Support"], targets.Select(g => g.Name));
        Assert.Equal(1, targets.Single(g => g.Name == "Support").AgentsFree);
        Assert.Equal(0, targets.Single(g => g.Name == "Sales").AgentsFree);
        var anonymous = await host.CreateClient().GetAsync("/api/v1/skill-groups/transfer-targets");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
