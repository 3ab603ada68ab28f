using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Supervision.Team;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Tests.Supervision;

/// <summary>The supervisor's live team view on the sandbox demo tenant (super leads Team A: agent1–agent3; agent4 is in no team).</summary>
public class TeamViewApiTests
{
    private const string Url = "/api/v1/supervision/team";

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

    [Fact]
    public async Task A_supervisor_sees_every_agent_of_their_teams_with_state_groups_and_call_and_no_one_else()
    {
        using var host = new CtiApiFactory();
        var agent4Id = await AddAgentOutsideTeamsAsync(host);
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        var agent4 = await host.ClientForAsync("demo", "agent4");
        await agent1.LoginReadyAsync();
        await agent4.LoginReadyAsync();
        await agent2.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Lunch" }).OkAsync(HttpStatusCode.OK);
        var agent2Id = await host.UserIdAsync("agent2");
        await agent1.PlaceCallAsync("Sales", from: "+4930555777");
        var offered = await agent1.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent1.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent1.WaitForCallAsync(c => c.State == CallState.Connected);
        await agent1.PostAsync($"/api/v1/calls/{offered.CallId}/hold").OkAsync();

        var super = await host.ClientForAsync("demo", "super");
        var team = await (await super.GetAsync(Url)).ReadAsync<List<TeamAgentView>>();
        Assert.Equal(["Agent 1", "Agent 2", "Agent 3"], team.Select(a => a.Agent.DisplayName));
        Assert.DoesNotContain(team, a => a.Agent.AgentId == agent4Id);

        var one = team[0];
        Assert.Equal(AgentStatus.OnCall, one.Agent.Status);
        Assert.Equal("1001", one.Agent.Extension);
        Assert.NotNull(one.Agent.StateSince);
        Assert.Equal(["Sales"], one.SkillGroups.Select(g => g.Name));
        Assert.NotNull(one.Call);
        Assert.Equal(offered.CallId, one.Call!.CallId);
        Assert.Equal(CallDirection.Inbound, one.Call.Direction);
        Assert.Equal("Sales", one.Call.SkillGroupName);
        Assert.Equal("+4930555777", one.Call.CustomerNumber); // the demo tenant masks nothing
        Assert.True(one.Call.Held);
        Assert.False(one.Call.Muted);

        var two = team[1];
        Assert.Equal(agent2Id, two.Agent.AgentId);
        Assert.Equal(AgentStatus.NotReady, two.Agent.Status);
        Assert.Equal("Lunch", two.Agent.Reason);
        Assert.Equal(["Sales", "Support"], two.SkillGroups.Select(g => g.Name));
        Assert.Null(two.Call);
        Assert.Equal(AgentStatus.LoggedOut, team[2].Agent.Status);

        // A paused group shows as paused.
        var support = two.SkillGroups.Single(g => g.Name == "Support").SkillGroupId;
        await agent2.PutAsJsonAsync("/api/v1/agent/state", new { state = "Ready" }).OkAsync(HttpStatusCode.OK);
        await agent2.PostAsync($"/api/v1/agent/skill-groups/{support}/pause").OkAsync(HttpStatusCode.OK);
        var after = (await (await super.GetAsync(Url)).ReadAsync<List<TeamAgentView>>()).Single(a => a.Agent.AgentId == agent2Id);
        Assert.Equal([false, true], after.SkillGroups.Select(g => g.Paused));

        // A tenant admin sees every agent.
        var admin = await host.ClientForAsync("demo", "admin");
        Assert.Contains((await (await admin.GetAsync(Url)).ReadAsync<List<TeamAgentView>>()), a => a.Agent.AgentId == agent4Id);
    }

    [Fact]
    public async Task Agents_are_refused_the_team_view()
    {
        using var host = new CtiApiFactory();
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await Problem.AssertAsync(await agent1.GetAsync(Url), 403, "forbidden");
        await Problem.AssertAsync(await host.CreateClient().GetAsync(Url), 401, "unauthenticated");
    }

    [Fact]
    public async Task The_supervisors_snapshot_has_the_team_and_their_changes_arrive_live_but_not_other_teams()
    {
        using var host = new CtiApiFactory();
        var agent4Id = await AddAgentOutsideTeamsAsync(host);
        var superSession = await host.LoginAsync("demo", "super");
        await using var hub = await TestHub.ConnectAsync(host.Server, superSession.AccessToken);
        var snapshot = await hub.Connection.InvokeAsync<JsonElement>("Snapshot");
        var team = snapshot.GetProperty("snapshot").GetProperty("team");
        Assert.Equal(["Agent 1", "Agent 2", "Agent 3"],
            team.EnumerateArray().Select(a => a.GetProperty("agent").GetProperty("displayName").GetString()));

        // An agent's own snapshot has no team.
        var agentSession = await host.LoginAsync("demo", "agent1");
        await using var agentHub = await TestHub.ConnectAsync(host.Server, agentSession.AccessToken);
        Assert.Equal(JsonValueKind.Null,
            (await agentHub.Connection.InvokeAsync<JsonElement>("Snapshot")).GetProperty("snapshot").GetProperty("team").ValueKind);

        // agent4 (no team of super's) changes first, then agent1: super hears agent1's change and never agent4's.
        await (await host.ClientForAsync("demo", "agent4")).LoginReadyAsync();
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();
        var agent1Id = await host.UserIdAsync("agent1");
        var change = await hub.WaitForStateAsync("Ready");
        Assert.Equal(agent1Id, change.GetProperty("data").GetProperty("agent").GetProperty("agentId").GetGuid());
        Assert.DoesNotContain(hub.Events, e => e.GetProperty("name").GetString() == "agentStateChanged"
            && e.GetProperty("data").GetProperty("agent").GetProperty("agentId").GetGuid() == agent4Id);

        // A call offered to a team agent reaches the supervisor's stream too.
        await agent1.PlaceCallAsync("Sales");
        await hub.WaitForAsync(e => e.GetProperty("name").GetString() == "callOffered", "callOffered");
    }

    [Fact]
    public async Task A_supervisor_changes_a_team_agents_state_with_a_message_the_agent_hears_who_and_why_and_the_history_keeps_it()
    {
        using var host = new CtiApiFactory();
        var agent4Id = await AddAgentOutsideTeamsAsync(host);
        var agentSession = await host.LoginAsync("demo", "agent1");
        await using var agentHub = await TestHub.ConnectAsync(host.Server, agentSession.AccessToken);
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();
        var agent1Id = await host.UserIdAsync("agent1");
        var superId = await host.UserIdAsync("super");
        var super = await host.ClientForAsync("demo", "super");

        var changed = await (await super.PutAsJsonAsync($"/api/v1/agents/{agent1Id}/state",
            new { state = "NotReady", reason = "Meeting", message = "  Team meeting in room 2, now please. " })).ReadAsync<JsonElement>();
        Assert.Equal("NotReady", changed.GetProperty("status").GetString());

        var heard = await agentHub.WaitForStateAsync("NotReady");
        var by = heard.GetProperty("data").GetProperty("changedBy");
        Assert.Equal(superId, by.GetProperty("userId").GetGuid());
        Assert.Equal("Sam Supervisor", by.GetProperty("name").GetString());
        Assert.Equal("Team meeting in room 2, now please.", by.GetProperty("message").GetString());
        // The agent's own change names nobody.
        Assert.Equal(JsonValueKind.Null, agentHub.Events.First(e => e.GetProperty("name").GetString() == "agentStateChanged")
            .GetProperty("data").GetProperty("changedBy").ValueKind);

        // Logged out by the supervisor, without a message.
        await super.PutAsJsonAsync($"/api/v1/agents/{agent1Id}/state", new { state = "LoggedOut" }).OkAsync(HttpStatusCode.OK);
        var out1 = await agentHub.WaitForStateAsync("LoggedOut");
        Assert.Equal(JsonValueKind.Null, out1.GetProperty("data").GetProperty("changedBy").GetProperty("message").ValueKind);

        // The state history keeps who and why.
        List<(Guid? By, string? Message)> rows = [];
        for (var i = 0; i < 100 && rows.Count < 2; i++)
        {
            rows = (await host.DbAsync(db => db.AgentStateChanges.Where(c => c.UserId == agent1Id && c.ChangedByUserId != null)
                .OrderBy(c => c.Id).Select(c => new { c.ChangedByUserId, c.Message }).ToListAsync()))
                .Select(r => (r.ChangedByUserId, r.Message)).ToList();
            if (rows.Count < 2) await Task.Delay(20);
        }
        Assert.Equal([(superId, "Team meeting in room 2, now please."), (superId, null)], rows);

        // Refusals: an agent outside the supervisor's teams, an agent not logged in, a message too long.
        await (await host.ClientForAsync("demo", "agent4")).LoginReadyAsync();
        await Problem.AssertAsync(await super.PutAsJsonAsync($"/api/v1/agents/{agent4Id}/state", new { state = "Ready", message = "x" }), 403, "not_your_agent");
        await Problem.AssertAsync(await super.PutAsJsonAsync($"/api/v1/agents/{agent1Id}/state", new { state = "Ready", message = "back" }), 409, "agent_not_logged_in");
        await agent1.LoginReadyAsync();
        await Problem.AssertAsync(await super.PutAsJsonAsync($"/api/v1/agents/{agent1Id}/state",
            new { state = "NotReady", reason = "Meeting", message = new string('m', 201) }), 400, "validation_failed");
        Assert.Equal(AgentStatus.Ready, (await agent1.StateAsync()).Status);
    }
}
