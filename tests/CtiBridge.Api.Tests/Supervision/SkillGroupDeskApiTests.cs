using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Reports;
using CtiBridge.Domain.Calls;
using Microsoft.AspNetCore.SignalR.Client;

namespace CtiBridge.Api.Tests.Supervision;

/// <summary>
/// The supervisor desk's skill groups on the sandbox demo tenant (super leads Team A: agent1–agent3; Sales: agent1, agent2;
/// Support: agent3, agent2): the live dashboard with today's figures, and moving / handing waiting calls with every refusal.
/// </summary>
public class SkillGroupDeskApiTests
{
    private const string Url = "/api/v1/supervision/skill-groups";

    private static async Task<List<SkillGroupStats>> GroupsAsync(HttpClient client) => await (await client.GetAsync(Url)).ReadAsync<List<SkillGroupStats>>();

    private static async Task<SkillGroupStats> WaitForGroupAsync(HttpClient client, string name, Func<SkillGroupStats, bool> until, string what)
    {
        SkillGroupStats? last = null;
        for (var i = 0; i < 250; i++)
        {
            last = (await GroupsAsync(client)).SingleOrDefault(g => g.Name == name);
            if (last is not null && until(last)) return last;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"{name}: {what}; last {JsonSerializer.Serialize(last)}");
    }

    /// <summary>A skill group nobody of Team A is in (agent4, outside every team, is its only member when given).</summary>
    private static async Task<Guid> AddGroupOutsideTeamsAsync(CtiApiFactory host)
    {
        var admin = await host.ClientForAsync("demo", "admin");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/skill-groups", new { name = "Billing", number = "809" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await WaitForGroupAsync(admin, "Billing", _ => true, "loaded");
        return id;
    }

    private static async Task<Guid> AddAgentOutsideTeamsAsync(CtiApiFactory host)
    {
        var admin = await host.ClientForAsync("demo", "admin");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            username = "agent4", displayName = "Agent 4", agentNumber = "1004", roles = new[] { "agent" }, password = CtiApiFactory.DemoPassword,
            agentProfile = new { extension = "1004" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task NotReadyAsync(HttpClient agent) =>
        await agent.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);

    [Fact]
    public async Task The_dashboard_shows_waiting_callers_agents_by_state_and_todays_figures_as_the_skill_group_report_computes_them_live_on_the_hub()
    {
        using var host = new CtiApiFactory();
        var super = await host.ClientForAsync("demo", "super");
        var superSession = await host.LoginAsync("demo", "super");
        await using var hub = await TestHub.ConnectAsync(host.Server, superSession.AccessToken);
        await hub.Connection.InvokeAsync<JsonElement>("Resume", null, 0);

        var groups = await GroupsAsync(super);
        Assert.Equal(["Sales", "Support"], groups.Select(g => g.Name));
        Assert.All(groups, g => Assert.Equal(20, g.ServiceLevelSeconds));
        var salesId = groups[0].SkillGroupId;

        // One answered call: agent1 answers after a short wait, the customer hangs up.
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        await agent1.LoginReadyAsync();
        await NotReadyAsync(agent2);
        var answeredLeg = await agent1.PlaceCallAsync("Sales", from: "+4930555701");
        var offered = await agent1.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent1.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent1.WaitForCallAsync(c => c.State == CallState.Connected);
        await super.PostAsync($"/api/v1/sandbox/legs/{answeredLeg}/hangup").OkAsync();
        for (var i = 0; i < 100 && (await agent1.StateAsync()).Status == Domain.Agents.AgentStatus.OnCall; i++) await Task.Delay(20);
        if ((await agent1.StateAsync()).Status == Domain.Agents.AgentStatus.WrapUp) await agent1.PostAsync("/api/v1/agent/wrap-up/end").OkAsync(HttpStatusCode.OK);
        await agent1.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Break" }).OkAsync(HttpStatusCode.OK);
        Assert.Equal(Domain.Agents.AgentStatus.NotReady, (await agent1.StateAsync()).Status);

        // Two callers wait (nobody Ready), the first hangs up: abandoned.
        var abandonedLeg = await super.PlaceCallAsync("Sales", from: "+4930555702");
        await super.PlaceCallAsync("Sales", from: "+4930555703");
        var waiting = await WaitForGroupAsync(super, "Sales", g => g.Waiting == 2, "two waiting");
        Assert.Equal(["+4930555702", "+4930555703"], waiting.Callers!.Select(c => c.CustomerNumber));
        Assert.Equal([1, 2], waiting.Callers!.Select(c => c.Position));
        Assert.True(waiting.Callers![0].EnqueuedAt <= waiting.Callers[1].EnqueuedAt);
        Assert.True(waiting.LongestWaitSeconds >= 0);
        await super.PostAsync($"/api/v1/sandbox/legs/{abandonedLeg}/hangup").OkAsync();

        var sales = await WaitForGroupAsync(super, "Sales", g => g.Today is { Figures.Offered: 2 } && g.Waiting == 1, "today: 2 offered, 1 waiting");
        Assert.Equal(2, sales.AgentsLoggedIn);
        Assert.Equal(2, sales.AgentsNotReady);
        Assert.Equal(0, sales.AgentsReady);
        Assert.Equal(0, sales.AgentsBusy);
        Assert.Equal(0, sales.AgentsWrapUp);
        Assert.Equal("+4930555703", Assert.Single(sales.Callers!).CustomerNumber);
        var today = sales.Today!;
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), today.Day);
        Assert.Equal(1, today.Figures.Answered);
        Assert.Equal(1, today.Figures.Abandoned);
        Assert.Equal(1, today.Figures.AnsweredWithinServiceLevel);
        Assert.NotNull(today.Figures.AverageTalkSeconds);

        // The same figures as the skill-group report of today: one definition.
        var admin = await host.ClientForAsync("demo", "admin");
        var report = await (await admin.GetAsync($"/api/v1/reports/skill-groups/{salesId}")).ReadAsync<SkillGroupReport>();
        Assert.Equal(report.Figures, today.Figures);

        // The hub carried the same figures to the supervisor, without asking.
        var live = await hub.WaitForStatsAsync("Sales with today's figures", e =>
        {
            var s = e.GetProperty("data").GetProperty("stats");
            return s.GetProperty("name").GetString() == "Sales" && s.GetProperty("today").ValueKind == JsonValueKind.Object
                && s.GetProperty("today").GetProperty("figures").GetProperty("offered").GetInt32() == 2;
        });
        Assert.Equal(1, live.GetProperty("data").GetProperty("stats").GetProperty("today").GetProperty("figures").GetProperty("abandoned").GetInt32());

        // A reconnecting desk reads them in its Resume answer.
        var resumed = await hub.Connection.InvokeAsync<JsonElement>("Resume", null, 0);
        var resumedSales = resumed.GetProperty("skillGroups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Sales");
        Assert.Equal(2, resumedSales.GetProperty("today").GetProperty("figures").GetProperty("offered").GetInt32());
        Assert.Equal(1, resumedSales.GetProperty("callers").GetArrayLength());
    }

    [Fact]
    public async Task A_new_service_level_threshold_recomputes_todays_service_level()
    {
        using var host = new CtiApiFactory();
        var super = await host.ClientForAsync("demo", "super");
        var salesId = (await GroupsAsync(super)).Single(g => g.Name == "Sales").SkillGroupId;
        var admin = await host.ClientForAsync("demo", "admin");
        var group = await (await admin.GetAsync($"/api/v1/admin/skill-groups/{salesId}")).ReadAsync<JsonElement>();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(group.GetRawText())!;
        body["serviceLevelSeconds"] = 45;
        await admin.PutAsJsonAsync($"/api/v1/admin/skill-groups/{salesId}", body).OkAsync(HttpStatusCode.OK);
        var sales = await WaitForGroupAsync(super, "Sales", g => g.ServiceLevelSeconds == 45 && g.Today?.ServiceLevelSeconds == 45, "threshold 45");
        Assert.Equal(0, sales.Today!.Figures.Offered);
    }

    [Fact]
    public async Task Agents_and_api_keys_are_refused_the_dashboard_and_the_actions()
    {
        using var host = new CtiApiFactory();
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await Problem.AssertAsync(await agent1.GetAsync(Url), 403, "forbidden");
        var someId = Guid.NewGuid();
        await Problem.AssertAsync(await agent1.PostAsJsonAsync($"{Url}/{someId}/waiting/{someId}/hand", new { agentId = someId }), 403, "forbidden");
        var key = await host.ApiKeyClientAsync("demo", CtiBridge.Data.Entities.ApiKeyScopes.CallControl);
        await Problem.AssertAsync(await key.GetAsync(Url), 403, "forbidden");
        await Problem.AssertAsync(await host.CreateClient().GetAsync(Url), 401, "unauthenticated");
    }

    [Fact]
    public async Task The_older_position_route_keeps_a_supervisor_to_the_groups_of_their_teams_and_lets_api_keys_move_any()
    {
        using var host = new CtiApiFactory();
        var billing = await AddGroupOutsideTeamsAsync(host);
        var admin = await host.ClientForAsync("demo", "admin");
        await admin.PlaceCallAsync("Billing", from: "+4930555811");
        await admin.PlaceCallAsync("Billing", from: "+4930555812");
        var waiting = await WaitForGroupAsync(admin, "Billing", g => g.Waiting == 2, "two waiting in Billing");
        var second = waiting.Callers![1].CallId;
        var route = $"/api/v1/skill-groups/{billing}/waiting/{second}/position";

        var super = await host.ClientForAsync("demo", "super");
        await Problem.AssertAsync(await super.PutAsJsonAsync(route, new { position = 1 }), 403, "not_your_skill_group");
        Assert.Equal(["+4930555811", "+4930555812"], (await WaitForGroupAsync(admin, "Billing", _ => true, "unchanged")).Callers!.Select(c => c.CustomerNumber));

        var key = await host.ApiKeyClientAsync("demo", CtiBridge.Data.Entities.ApiKeyScopes.CallControl);
        await key.PutAsJsonAsync(route, new { position = 1 }).OkAsync();
        var moved = await WaitForGroupAsync(admin, "Billing", g => g.Callers![0].CallId == second, "moved by the API key");
        Assert.Equal(["+4930555812", "+4930555811"], moved.Callers!.Select(c => c.CustomerNumber));
        await admin.PutAsJsonAsync(route, new { position = 2 }).OkAsync(); // a tenant admin: any group
        await WaitForGroupAsync(admin, "Billing", g => g.Callers![1].CallId == second, "moved back by the admin");
    }

    [Fact]
    public async Task A_supervisor_moves_a_waiting_call_up_and_to_another_group_of_theirs_and_not_into_or_out_of_groups_not_theirs()
    {
        using var host = new CtiApiFactory();
        var billing = await AddGroupOutsideTeamsAsync(host);
        var super = await host.ClientForAsync("demo", "super");
        var groups = await GroupsAsync(super);
        Assert.DoesNotContain(groups, g => g.SkillGroupId == billing);
        var sales = groups.Single(g => g.Name == "Sales").SkillGroupId;
        var support = groups.Single(g => g.Name == "Support").SkillGroupId;

        await super.PlaceCallAsync("Sales", from: "+4930555801");
        await super.PlaceCallAsync("Sales", from: "+4930555802");
        var before = await WaitForGroupAsync(super, "Sales", g => g.Waiting == 2, "two waiting");
        var second = before.Callers![1].CallId;

        // Up: the second caller is next.
        await super.PutAsJsonAsync($"{Url}/{sales}/waiting/{second}/position", new { position = 1 }).OkAsync();
        var moved = await WaitForGroupAsync(super, "Sales", g => g.Callers![0].CallId == second, "second is first");
        Assert.Equal(["+4930555802", "+4930555801"], moved.Callers!.Select(c => c.CustomerNumber));
        await Problem.AssertAsync(await super.PutAsJsonAsync($"{Url}/{sales}/waiting/{second}/position", new { position = 3 }), 400, "validation_failed");
        await Problem.AssertAsync(await super.PutAsJsonAsync($"{Url}/{billing}/waiting/{second}/position", new { position = 1 }), 403, "not_your_skill_group");

        // To Support (nobody logged in there): it keeps its wait.
        await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{second}/move", new { skillGroupId = support }).OkAsync();
        var inSupport = await WaitForGroupAsync(super, "Support", g => g.Waiting == 1, "one in Support");
        Assert.Equal(second, inSupport.Callers![0].CallId);
        Assert.Equal(before.Callers[1].EnqueuedAt, inSupport.Callers[0].EnqueuedAt);
        Assert.Equal(1, (await GroupsAsync(super)).Single(g => g.Name == "Sales").Waiting);

        // Refusals: a group not mine (as target or source), the same group, a call no longer waiting there, no call, no body.
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{support}/waiting/{second}/move", new { skillGroupId = billing }), 403, "not_your_skill_group");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{billing}/waiting/{second}/move", new { skillGroupId = sales }), 403, "not_your_skill_group");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{support}/waiting/{second}/move", new { skillGroupId = support }), 400, "validation_failed");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{second}/move", new { skillGroupId = support }), 409, "call_not_waiting");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{Guid.NewGuid()}/move", new { skillGroupId = support }), 404, "call_not_found");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{Guid.NewGuid()}/waiting/{second}/move", new { skillGroupId = support }), 404, "skill_group_not_found");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{support}/waiting/{second}/move", new { }), 400, "validation_failed");

        // The call is offered in its new group as soon as someone there is Ready.
        var agent3 = await host.ClientForAsync("demo", "agent3");
        await agent3.LoginReadyAsync();
        var offered = await agent3.WaitForCallAsync(c => c.State == CallState.Ringing);
        Assert.Equal(second, offered.CallId);
        Assert.Equal("Support", offered.SkillGroupName);

        // An admin's groups are every group: Billing too.
        var admin = await host.ClientForAsync("demo", "admin");
        Assert.Contains(await GroupsAsync(admin), g => g.SkillGroupId == billing);
    }

    [Fact]
    public async Task A_supervisor_hands_a_waiting_call_to_a_ready_agent_of_their_teams_and_is_refused_otherwise()
    {
        using var host = new CtiApiFactory();
        var billing = await AddGroupOutsideTeamsAsync(host);
        var agent4Id = await AddAgentOutsideTeamsAsync(host);
        var super = await host.ClientForAsync("demo", "super");
        var sales = (await GroupsAsync(super)).Single(g => g.Name == "Sales").SkillGroupId;
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await NotReadyAsync(agent1);
        var agent1Id = await host.UserIdAsync("agent1");
        var agent2Id = await host.UserIdAsync("agent2");
        var agent3 = await host.ClientForAsync("demo", "agent3");
        var agent3Id = await host.UserIdAsync("agent3");
        await (await host.ClientForAsync("demo", "agent4")).LoginReadyAsync();

        await super.PlaceCallAsync("Sales", from: "+4930555901");
        var call = (await WaitForGroupAsync(super, "Sales", g => g.Waiting == 1, "one waiting")).Callers![0].CallId;

        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{call}/hand", new { agentId = agent1Id }), 409, "agent_not_ready");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{call}/hand", new { agentId = agent2Id }), 409, "agent_not_logged_in");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{call}/hand", new { agentId = agent4Id }), 403, "not_your_agent");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{billing}/waiting/{call}/hand", new { agentId = agent3Id }), 403, "not_your_skill_group");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{call}/hand", new { agentId = Guid.NewGuid() }), 404, "agent_not_found");
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{call}/hand", new { }), 400, "validation_failed");
        Assert.Equal(1, (await GroupsAsync(super)).Single(g => g.Name == "Sales").Waiting); // every refusal left it waiting

        // agent3 is in Support only, but of super's team and Ready: the Sales call rings for her.
        await agent3.LoginReadyAsync();
        await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{call}/hand", new { agentId = agent3Id }).OkAsync();
        var offered = await agent3.WaitForCallAsync(c => c.State == CallState.Ringing);
        Assert.Equal(call, offered.CallId);
        Assert.Equal(0, (await WaitForGroupAsync(super, "Sales", g => g.Waiting == 0, "none waiting")).Waiting);

        // Handed already: no longer waiting.
        await Problem.AssertAsync(await super.PostAsJsonAsync($"{Url}/{sales}/waiting/{call}/hand", new { agentId = agent3Id }), 409, "call_not_waiting");

        // She declines: the call goes back to the head of Sales.
        await agent3.PostAsync($"/api/v1/calls/{call}/decline").OkAsync();
        var back = await WaitForGroupAsync(super, "Sales", g => g.Waiting == 1, "back in Sales");
        Assert.Equal(call, back.Callers![0].CallId);
    }
}
