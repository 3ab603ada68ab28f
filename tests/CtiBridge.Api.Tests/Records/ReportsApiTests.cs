using System.Net.Http.Json;
using System.Net;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Reports;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Records;

public class ReportsApiTests
{
    [Fact]
    public async Task An_agent_reads_their_dashboard_after_a_call_and_supervisors_read_team_and_group_reports_others_are_refused()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales", "+4930555123");
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hangup").OkAsync();
        await host.FlushJournalAsync();

        var dashboard = await (await agent.GetAsync("/api/v1/reports/agent-dashboard")).ReadAsync<AgentDashboard>();
        Assert.Equal(1, dashboard.Today.Figures.Answered);
        Assert.True(dashboard.ThisMonth.Figures.Answered >= 1);
        Assert.Equal(0, dashboard.Yesterday.Figures.Offered);
        Assert.True(dashboard.Today.Figures.LoginSeconds >= 0);

        var agent1 = await host.UserIdAsync("agent1");
        var agent2 = await host.UserIdAsync("agent2");
        var (teamId, salesId) = await host.DbAsync(async db => (
            (await db.Teams.SingleAsync(t => t.Name == "Team A")).Id, (await db.SkillGroups.SingleAsync(g => g.Name == "Sales")).Id));

        Assert.Equal(1, (await (await agent.GetAsync($"/api/v1/reports/agents/{agent1}")).ReadAsync<AgentReport>()).Figures.Answered);
        await Problem.AssertAsync(await agent.GetAsync($"/api/v1/reports/agents/{agent2}"), 403, "not_your_agent");
        await Problem.AssertAsync(await agent.GetAsync($"/api/v1/reports/teams/{teamId}"), 403, "forbidden");
        await Problem.AssertAsync(await agent.GetAsync($"/api/v1/reports/skill-groups/{salesId}"), 403, "forbidden");

        var super = await host.ClientForAsync("demo", "super");
        var team = await (await super.GetAsync($"/api/v1/reports/teams/{teamId}")).ReadAsync<TeamReport>();
        Assert.Equal(1, team.Total.Answered);
        // The one queue call was answered as it rang: within Sales' threshold, so the team's answered service level is whole.
        Assert.Equal(100.0, team.Total.ServiceLevelPercent);
        Assert.NotNull(team.Total.AverageWaitSeconds);
        Assert.Equal(3, team.Agents.Count);
        var sales = await (await super.GetAsync($"/api/v1/reports/skill-groups/{salesId}")).ReadAsync<SkillGroupReport>();
        Assert.Equal(1, sales.Figures.Offered);
        Assert.Equal(1, sales.Figures.Answered);
        var timeline = await (await super.GetAsync($"/api/v1/reports/agents/{agent1}/timeline")).ReadAsync<AgentTimeline>();
        Assert.Contains(timeline.Intervals, i => i.Status == Domain.Agents.AgentStatus.OnCall);

        await Problem.AssertAsync(await super.GetAsync($"/api/v1/reports/skill-groups/{Guid.NewGuid()}"), 404, "skill_group_not_found");
        await Problem.AssertAsync(await super.GetAsync($"/api/v1/reports/teams/{Guid.NewGuid()}"), 403, "forbidden");
        await Problem.AssertAsync(await super.GetAsync($"/api/v1/reports/skill-groups/{salesId}?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "validation_failed");
        await Problem.AssertAsync(await super.GetAsync($"/api/v1/reports/skill-groups/{salesId}?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "validation_failed");

        var reader = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Read);
        Assert.Equal(1, (await (await reader.GetAsync($"/api/v1/reports/teams/{teamId}")).ReadAsync<TeamReport>()).Total.Answered);
        await Problem.AssertAsync(await reader.GetAsync("/api/v1/reports/agent-dashboard"), 400, "agent_id_required");
        var adminKey = await host.ApiKeyClientAsync("demo", ApiKeyScopes.Admin);
        await Problem.AssertAsync(await adminKey.GetAsync($"/api/v1/reports/teams/{teamId}"), 403, "insufficient_scope");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/v1/reports/agent-dashboard")).StatusCode);
        var superSubjects = await (await super.GetAsync("/api/v1/reports/subjects")).ReadAsync<ReportSubjects>();
        var superTeam = Assert.Single(superSubjects.Teams);
        Assert.Equal((teamId, "Team A"), (superTeam.Id, superTeam.Name));
        Assert.Equal(3, superTeam.Agents.Count);
        Assert.Contains(superTeam.Agents, a => a.Id == agent1);
        Assert.Equal(["Sales", "Support"], superSubjects.SkillGroups.Select(g => g.Name));
        var agentSubjects = await (await agent.GetAsync("/api/v1/reports/subjects")).ReadAsync<ReportSubjects>();
        Assert.Empty(agentSubjects.Teams);
        Assert.Empty(agentSubjects.SkillGroups);
        Assert.Equal(teamId, Assert.Single((await (await reader.GetAsync("/api/v1/reports/subjects")).ReadAsync<ReportSubjects>()).Teams).Id);
        await Problem.AssertAsync(await adminKey.GetAsync("/api/v1/reports/subjects"), 403, "insufficient_scope");
        var other = await host.CreateTenantAsync("other");
        Assert.Empty((await (await other.GetAsync("/api/v1/reports/subjects")).ReadAsync<ReportSubjects>()).Teams);
        await Problem.AssertAsync(await other.GetAsync($"/api/v1/reports/skill-groups/{salesId}"), 404, "skill_group_not_found");
    }

    [Fact]
    public async Task A_phone_only_remote_agent_appears_in_the_reports_like_a_web_agent()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var agent3 = await host.UserIdAsync("agent3");
        var agent1 = await host.UserIdAsync("agent1");
        // Agent 3 works from her mobile only: a remote agent, reached on her own number.
        (await admin.PutAsJsonAsync($"/api/v1/admin/users/{agent3}/agent-profile", new
        {
            extension = "1003", extensionKind = "Remote", ivrPin = "4711", mobileNumber = "+4915100003", acwMode = "Disabled", workingMode = "Inbound",
        })).EnsureSuccessStatusCode();

        // Agent 1 takes a Sales call in the web app; agent 3 a Support call on her mobile (the phone answers and hangs up).
        var web = await host.ClientForAsync("demo", "agent1");
        await web.LoginReadyAsync();
        await web.PlaceCallAsync("Sales", "+4930555001");
        var webCall = await web.WaitForCallAsync(c => c.State == CallState.Ringing);
        await web.PostAsync($"/api/v1/calls/{webCall.CallId}/answer").OkAsync();
        await web.WaitForCallAsync(c => c.State == CallState.Connected);
        await web.PostAsync($"/api/v1/calls/{webCall.CallId}/hangup").OkAsync();

        var remote = await host.ClientForAsync("demo", "agent3");
        await remote.LoginReadyAsync();
        await remote.PlaceCallAsync("Support", "+4930555003");
        var ringing = await remote.WaitForCallAsync(c => c.State == CallState.Ringing);
        var mobile = ringing.Parties.Single(p => p.AgentId == agent3);
        // The simulator rang her mobile over the trunk, not a web phone.
        var sim = host.Services.GetRequiredService<CtiBridge.Simulator.SimulatedPbx>();
        Assert.Contains("+4915100003", sim.Leg(mobile.LegId)!.Endpoint);
        await remote.PostAsync($"/api/v1/sandbox/legs/{mobile.LegId}/answer").OkAsync();
        await remote.WaitForCallAsync(c => c.State == CallState.Connected);
        await remote.PostAsync($"/api/v1/sandbox/legs/{mobile.LegId}/hangup").OkAsync();
        await host.FlushJournalAsync();

        var super = await host.ClientForAsync("demo", "super");
        var team = await (await super.GetAsync($"/api/v1/reports/teams/{(await host.DbAsync(db => db.Teams.SingleAsync(t => t.Name == "Team A"))).Id}"))
            .ReadAsync<TeamReport>();
        var (w, r) = (team.Agents.Single(a => a.AgentId == agent1).Figures, team.Agents.Single(a => a.AgentId == agent3).Figures);
        Assert.Equal((1, 1, 0), (w.Offered, w.Answered, w.NotAnswered));
        Assert.Equal((1, 1, 0), (r.Offered, r.Answered, r.NotAnswered));
        Assert.True(r.LoginSeconds >= 0 && r.BusySeconds >= 0);
        Assert.Equal(2, team.Total.Answered);
        // The state history is written behind the events (its journal): read until the last change is in, within a guard.
        var statuses = new[] { Domain.Agents.AgentStatus.Ready, Domain.Agents.AgentStatus.Ringing, Domain.Agents.AgentStatus.OnCall };
        AgentTimeline remoteDay = null!, webDay = null!;
        for (var deadline = DateTime.UtcNow.AddSeconds(10); ; await Task.Delay(100))
        {
            await host.FlushJournalAsync();
            remoteDay = await (await super.GetAsync($"/api/v1/reports/agents/{agent3}/timeline")).ReadAsync<AgentTimeline>();
            webDay = await (await super.GetAsync($"/api/v1/reports/agents/{agent1}/timeline")).ReadAsync<AgentTimeline>();
            if (statuses.All(s => remoteDay.Intervals.Any(i => i.Status == s) && webDay.Intervals.Any(i => i.Status == s)) || DateTime.UtcNow > deadline) break;
        }
        foreach (var status in statuses)
        {
            Assert.Contains(remoteDay.Intervals, i => i.Status == status);
            Assert.Contains(webDay.Intervals, i => i.Status == status);
        }
        var mine = await (await remote.GetAsync("/api/v1/reports/agent-dashboard")).ReadAsync<AgentDashboard>();
        Assert.Equal(1, mine.Today.Figures.Answered);
        Assert.Equal(ringing.CallId, Assert.Single((await (await remote.GetAsync("/api/v1/agent/calls/recent")).ReadAsync<Application.Records.CallRecordPage>()).Items).Id);
    }
}
