using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Application.Events;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;

namespace CtiBridge.Api.Tests.CallCenter;

public class AuthorizationTests
{
    [Fact]
    public async Task Agent_cannot_act_on_or_see_a_call_they_are_not_a_party_of()
    {
        using var host = new CtiApiFactory();
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        await agent1.LoginReadyAsync();
        await agent2.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Lunch" }).OkAsync(HttpStatusCode.OK);
        await agent1.PlaceCallAsync("Sales");
        var call = await agent1.WaitForCallAsync();

        await Problem.AssertAsync(await agent2.PostAsync($"/api/v1/calls/{call.CallId}/hangup"), 404, "call_not_found");
        await Problem.AssertAsync(await agent2.PostAsync($"/api/v1/calls/{call.CallId}/answer"), 404, "call_not_found"); // does not confirm the call exists
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/answer").OkAsync();
        await Problem.AssertAsync(await agent2.PostAsync($"/api/v1/calls/{call.CallId}/hold"), 404, "call_not_found");
        await Problem.AssertAsync(await agent2.PostAsync($"/api/v1/calls/{call.CallId}/softphone/return"), 404, "call_not_found");
        await Problem.AssertAsync(await agent2.GetAsync($"/api/v1/calls/{call.CallId}"), 404, "call_not_found");
        // The same answer as for a call that does not exist: nothing tells agent2 this call is real.
        foreach (var path in new[] { "", "/hold", "/hangup" })
        {
            var request = path == "" ? HttpMethod.Get : HttpMethod.Post;
            var real = await agent2.SendAsync(new HttpRequestMessage(request, $"/api/v1/calls/{call.CallId}{path}"));
            var none = await agent2.SendAsync(new HttpRequestMessage(request, $"/api/v1/calls/{Guid.NewGuid()}{path}"));
            static async Task<string?> TitleAsync(HttpResponseMessage r) =>
                JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
            Assert.Equal((none.StatusCode, await TitleAsync(none)), (real.StatusCode, await TitleAsync(real)));
        }
        await Problem.AssertAsync(await agent2.PutAsJsonAsync($"/api/v1/calls/{call.CallId}/disposition", new { remarks = "x" }), 404, "call_not_found");
        // Nor through the agent-scoped route naming the colleague.
        var agent1Id = await host.UserIdAsync("agent1");
        await Problem.AssertAsync(await agent2.PostAsync($"/api/v1/agents/{agent1Id}/calls/{call.CallId}/hangup"), 403, "not_your_agent");
        await Problem.AssertAsync(await agent2.PutAsJsonAsync($"/api/v1/agents/{agent1Id}/state", new { state = "Ready" }), 403, "not_your_agent");
        // After the call ended, its stored record is refused too.
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();
        await Problem.AssertAsync(await agent2.PutAsJsonAsync($"/api/v1/calls/{call.CallId}/disposition", new { remarks = "x" }), 404, "call_not_found");
    }

    [Fact]
    public async Task Supervisor_changes_states_of_their_team_only_and_sees_their_calls()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            username = "agent4", displayName = "Agent 4", agentNumber = "1004", roles = new[] { "agent" }, password = "Quiet-Harbor-2026",
            agentProfile = new { extension = "1004" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var agent4Id = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The admin write reloaded the tenant: agent4 is an agent of the call center at once.
        var agent4 = await host.ClientForAsync("demo", "agent4");
        await agent4.LoginReadyAsync();

        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();
        var agent1Id = await host.UserIdAsync("agent1");
        var super = await host.ClientForAsync("demo", "super");

        var changed = await (await super.PutAsJsonAsync($"/api/v1/agents/{agent1Id}/state", new { state = "NotReady", reason = "Meeting" })).ReadAsync<AgentView>();
        Assert.Equal(AgentStatus.NotReady, changed.Status);
        Assert.Equal("Meeting", changed.Reason);
        Assert.Equal(AgentStatus.NotReady, (await (await super.GetAsync($"/api/v1/agents/{agent1Id}/state")).ReadAsync<AgentView>()).Status);
        await Problem.AssertAsync(await super.PutAsJsonAsync($"/api/v1/agents/{agent4Id}/state", new { state = "NotReady", reason = "Meeting" }), 403, "not_your_agent");
        await Problem.AssertAsync(await super.GetAsync($"/api/v1/agents/{agent4Id}/state"), 403, "not_your_agent");
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/agent/login", new { }), 400, "validation_failed");
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/agent/login", new { ready = true }), 403, "not_an_agent");
        // A tenant admin oversees every agent.
        Assert.Equal(AgentStatus.Ready,
            (await (await admin.PutAsJsonAsync($"/api/v1/agents/{agent4Id}/state", new { state = "Ready" })).ReadAsync<AgentView>()).Status);

        // The supervisor sees a team agent's call, but an agent's GET of it needs them to be a party.
        await agent1.PutAsJsonAsync("/api/v1/agent/state", new { state = "Ready" }).OkAsync(HttpStatusCode.OK);
        await agent1.PlaceCallAsync("Sales");
        var call = await agent1.WaitForCallAsync();
        Assert.Equal(call.CallId, (await (await super.GetAsync($"/api/v1/calls/{call.CallId}")).ReadAsync<CallView>()).CallId);
        Assert.NotEmpty(await (await super.GetAsync($"/api/v1/agents/{agent1Id}/calls")).ReadAsync<List<CallView>>());
        // Only supervisors reorder waiting lists.
        var sales = (await (await super.GetAsync("/api/v1/skill-groups")).ReadAsync<List<SkillGroupStats>>()).Single(g => g.Name == "Sales");
        await Problem.AssertAsync(await agent1.PutAsJsonAsync($"/api/v1/skill-groups/{sales.SkillGroupId}/waiting/{call.CallId}/position", new { position = 1 }), 403, "forbidden");
        await Problem.AssertAsync(await super.PutAsJsonAsync($"/api/v1/skill-groups/{sales.SkillGroupId}/waiting/{call.CallId}/position", new { position = 1 }), 404, "call_not_found");
    }

    [Fact]
    public async Task A_token_of_one_tenant_finds_nothing_of_another()
    {
        using var host = new CtiApiFactory();
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();
        await agent1.PlaceCallAsync("Sales");
        var call = await agent1.WaitForCallAsync();
        var agent1Id = await host.UserIdAsync("agent1");
        var sales = (await (await agent1.GetAsync("/api/v1/skill-groups")).ReadAsync<List<SkillGroupStats>>()).Single(g => g.Name == "Sales");

        var boss = await host.CreateTenantAsync("other"); // an admin of tenant "other"
        await Problem.AssertAsync(await boss.GetAsync($"/api/v1/calls/{call.CallId}"), 404, "call_not_found");
        await Problem.AssertAsync(await boss.GetAsync($"/api/v1/agents/{agent1Id}/state"), 404, "agent_not_found");
        await Problem.AssertAsync(await boss.PutAsJsonAsync($"/api/v1/agents/{agent1Id}/state", new { state = "Ready" }), 404, "agent_not_found");
        await Problem.AssertAsync(await boss.PostAsync($"/api/v1/agents/{agent1Id}/calls/{call.CallId}/hangup"), 404, "agent_not_found");
        await Problem.AssertAsync(await boss.GetAsync($"/api/v1/skill-groups/{sales.SkillGroupId}/waiting"), 404, "skill_group_not_found");
        await Problem.AssertAsync(await boss.PostAsJsonAsync("/api/v1/sandbox/calls", new { skillGroup = "Sales", callerNumber = "123" }), 404, "skill_group_not_found");
        Assert.Empty(await (await boss.GetAsync("/api/v1/skill-groups")).ReadAsync<List<SkillGroupStats>>());
        Assert.DoesNotContain(await (await boss.GetAsync("/api/v1/directory")).ReadAsync<List<JsonElement>>(), e => e.GetProperty("agentId").GetGuid() == agent1Id);
        var leg = call.Parties.Single(p => p.Role == Domain.Calls.PartyRole.Customer).LegId;
        await Problem.AssertAsync(await boss.PostAsync($"/api/v1/sandbox/legs/{leg}/hangup"), 404, "not_found");
        // An API key of tenant "other" neither.
        var key = await host.ApiKeyClientAsync("other", ApiKeyScopes.Read | ApiKeyScopes.CallControl);
        await Problem.AssertAsync(await key.GetAsync($"/api/v1/agents/{agent1Id}/state"), 404, "agent_not_found");
        await Problem.AssertAsync(await key.GetAsync($"/api/v1/calls/{call.CallId}"), 404, "call_not_found");
    }

    [Fact]
    public async Task Api_keys_act_as_their_tenant_within_their_scopes()
    {
        using var host = new CtiApiFactory();
        var agent1Id = await host.UserIdAsync("agent1");
        var reader = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read);
        var controller = await host.ApiKeyClientAsync("demo", ApiKeyScopes.CallControl);

        Assert.Equal(AgentStatus.LoggedOut, (await (await reader.GetAsync($"/api/v1/agents/{agent1Id}/state")).ReadAsync<AgentView>()).Status);
        await Problem.AssertAsync(await reader.PostAsJsonAsync($"/api/v1/agents/{agent1Id}/login", new { ready = true }), 403, "insufficient_scope");
        await Problem.AssertAsync(await reader.PostAsJsonAsync("/api/v1/sandbox/calls", new { skillGroup = "Sales", callerNumber = "123" }), 403, "insufficient_scope");
        await Problem.AssertAsync(await controller.GetAsync("/api/v1/agent/state"), 400, "agent_id_required");

        Assert.Equal(AgentStatus.Ready, (await (await controller.PostAsJsonAsync($"/api/v1/agents/{agent1Id}/login", new { ready = true })).ReadAsync<AgentView>()).Status);
        await controller.PlaceCallAsync("Sales");
        var call = await controller.WaitForCallAsync(prefix: $"/api/v1/agents/{agent1Id}");
        await controller.PostAsync($"/api/v1/agents/{agent1Id}/calls/{call.CallId}/answer").OkAsync();
        await Problem.AssertAsync(await reader.PostAsync($"/api/v1/agents/{agent1Id}/calls/{call.CallId}/hold"), 403, "insufficient_scope");
        Assert.Equal(call.CallId, (await (await reader.GetAsync($"/api/v1/calls/{call.CallId}")).ReadAsync<CallView>()).CallId);
        await controller.PostAsync($"/api/v1/agents/{agent1Id}/calls/{call.CallId}/hold").OkAsync();

        var bad = host.CreateClient();
        bad.DefaultRequestHeaders.Add("X-Api-Key", "ctk_00000000_nope-nope-nope");
        await Problem.AssertAsync(await bad.GetAsync("/api/v1/skill-groups"), 401, "unauthenticated");
        await Problem.AssertAsync(await host.CreateClient().GetAsync("/api/v1/agent/state"), 401, "unauthenticated");
    }
}
