using System.Net.Http.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Supervision.Team;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Api.Tests.Supervision;

/// <summary>The team view's teams, phone registration and consultation / conference markers (sandbox demo tenant).</summary>
public class TeamViewDetailsApiTests
{
    private const string Url = "/api/v1/supervision/team";

    [Fact]
    public async Task Each_agent_shows_their_teams_and_phone_and_the_call_shows_a_consultation_then_a_conference()
    {
        using var host = new CtiApiFactory();
        var super = await host.ClientForAsync("demo", "super");
        var agent1 = await host.ClientForAsync("demo", "agent1");
        await agent1.LoginReadyAsync();

        var team = await (await super.GetAsync(Url)).ReadAsync<List<TeamAgentView>>();
        Assert.All(team, a => Assert.Equal(["Team A"], a.Teams!.Select(t => t.Name)));
        Assert.Equal("PJSIP/demo-1001", team[0].Phone!.Endpoint);
        Assert.True(team[0].Phone!.Registered); // the sandbox's phones are always registered

        await agent1.PlaceCallAsync("Sales", from: "+4930555111");
        var call = await agent1.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/answer").OkAsync();
        await agent1.WaitForCallAsync(c => c.State == CallState.Connected);
        TeamCallView CallOfAgent1(List<TeamAgentView> t) => t.Single(a => a.Agent.DisplayName == "Agent 1").Call!;
        var plain = CallOfAgent1(await (await super.GetAsync(Url)).ReadAsync<List<TeamAgentView>>());
        Assert.False(plain.Consultation);
        Assert.False(plain.Conference);

        await agent1.PostAsJsonAsync($"/api/v1/calls/{call.CallId}/consult", new { number = "+4930999000" }).OkAsync();
        var consulting = CallOfAgent1(await (await super.GetAsync(Url)).ReadAsync<List<TeamAgentView>>());
        Assert.True(consulting.Consultation);
        Assert.False(consulting.Conference);

        var live = await agent1.WaitForCallAsync(c => c.CallId == call.CallId);
        var consulted = live.Parties.Single(p => p.Role == PartyRole.External);
        await super.PostAsync($"/api/v1/sandbox/legs/{consulted.LegId}/answer").OkAsync();
        await agent1.WaitForCallAsync(c => c.Parties.Any(p => p.Role == PartyRole.External && p.State != PartyState.Ringing));
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/consult/conference").OkAsync();
        var conference = CallOfAgent1(await (await super.GetAsync(Url)).ReadAsync<List<TeamAgentView>>());
        Assert.False(conference.Consultation);
        Assert.True(conference.Conference);
    }
}
