using CtiBridge.Domain.Errors;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.CallerIds;
using CtiBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallerIds;

/// <summary>The caller IDs agents may present on outbound calls, per tenant and per team (sandbox demo tenant).</summary>
public class CallerIdTests
{
    private const string Url = "/api/v1/admin/caller-ids";

    [Fact]
    public async Task An_agent_presents_her_tenants_or_her_teams_caller_ids_and_any_other_is_refused()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var teams = await (await admin.GetAsync("/api/v1/admin/teams")).ReadAsync<List<JsonElement>>();
        var teamA = teams.Single(t => t.GetProperty("name").GetString() == "Team A").GetProperty("id").GetGuid();
        var teamB = await (await admin.PostAsJsonAsync("/api/v1/admin/teams", new { name = "Team B" })).ReadAsync<JsonElement>();
        await admin.PostAsJsonAsync(Url, new { number = "+4930100", label = "Main line" }).OkAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync(Url, new { number = "+4930200", label = "Team A line", teamId = teamA }).OkAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync(Url, new { number = "+4930300", teamId = teamB.GetProperty("id").GetGuid() }).OkAsync(HttpStatusCode.Created);

        var agent = await host.ClientForAsync("demo", "agent1");   // in Team A, not in Team B
        await agent.LoginReadyAsync();
        await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Lunch" }).OkAsync(HttpStatusCode.OK);
        // Her team's first, then the tenant's; the dial pad reads the labels.
        Assert.Equal(["+4930200", "+4930100"], await (await agent.GetAsync("/api/v1/agent/caller-ids")).ReadAsync<List<string>>());
        var details = await (await agent.GetAsync("/api/v1/agent/caller-ids/details")).ReadAsync<List<AllowedCallerId>>();
        Assert.Equal(new AllowedCallerId("+4930200", "Team A line", "Team A"), details[0]);
        Assert.Equal(new AllowedCallerId("+4930100", "Main line", null), details[1]);

        // Another team's number, a number nobody listed, a malformed one: refused, nothing dialled.
        var pbx = host.Services.GetRequiredService<SimulatedPbx>();
        var legsBefore = pbx.Legs.Count;
        await Problem.AssertAsync(await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940123456", callerId = "+4930300" }), 403, CallerIdErrors.NotAllowed);
        await Problem.AssertAsync(await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940123456", callerId = "+15550001" }), 403, CallerIdErrors.NotAllowed);
        await Problem.AssertAsync(await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940123456", callerId = "12ab" }), 400, "validation_failed");
        Assert.Equal(legsBefore, pbx.Legs.Count);

        // Her team's number reaches the called party.
        await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940123456", callerId = "+4930200" }).OkAsync(HttpStatusCode.Created);
        Assert.Equal("+4930200", await CalledPartyCallerIdAsync(pbx, "+4940123456"));
        var call = await agent.WaitForCallAsync();
        await agent.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();
        await EndWrapUpIfAnyAsync(agent);

        // None chosen: the first of hers.
        await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940654321" }).OkAsync(HttpStatusCode.Created);
        Assert.Equal("+4930200", await CalledPartyCallerIdAsync(pbx, "+4940654321"));
    }

    [Fact]
    public async Task A_number_on_the_outbound_blocklist_is_never_dialled_and_an_inbound_only_entry_does_not_stop_a_dial()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "+4940777001", direction = "Outbound" }).OkAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "+4940777002", direction = "Both" }).OkAsync(HttpStatusCode.Created);
        await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "+4940777003", direction = "Inbound" }).OkAsync(HttpStatusCode.Created);
        var agent = await host.ClientForAsync("demo", "agent2");
        await agent.LoginReadyAsync();
        await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Lunch" }).OkAsync(HttpStatusCode.OK);
        var pbx = host.Services.GetRequiredService<SimulatedPbx>();
        var legsBefore = pbx.Legs.Count;

        await Problem.AssertAsync(await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940777001" }), 409, ErrorCodes.NumberBlocked);
        await Problem.AssertAsync(await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940777002" }), 409, ErrorCodes.NumberBlocked);
        Assert.Equal(legsBefore, pbx.Legs.Count);

        await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940777003" }).OkAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_caller_ids_an_agent_dials_with_the_trunks_default_and_may_not_choose_one()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent2");
        await agent.LoginReadyAsync();
        await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Lunch" }).OkAsync(HttpStatusCode.OK);
        Assert.Empty(await (await agent.GetAsync("/api/v1/agent/caller-ids")).ReadAsync<List<string>>());
        await Problem.AssertAsync(await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940111222", callerId = "+15550001" }), 403, CallerIdErrors.NotAllowed);
        await agent.PostAsJsonAsync("/api/v1/calls/dial", new { number = "+4940111222" }).OkAsync(HttpStatusCode.Created);
        Assert.Equal("", await CalledPartyCallerIdAsync(host.Services.GetRequiredService<SimulatedPbx>(), "+4940111222"));
    }

    [Fact]
    public async Task Admins_manage_their_own_tenants_caller_ids_with_refusals()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var other = await host.CreateTenantAsync("callerid-other");
        var otherTeam = await (await other.PostAsJsonAsync("/api/v1/admin/teams", new { name = "Elsewhere" })).ReadAsync<JsonElement>();

        var main = await (await admin.PostAsJsonAsync(Url, new { number = "+4930100", label = "Main" })).ReadAsync<CallerIdView>();
        Assert.Equal(("+4930100", "Main", (Guid?)null), (main.Number, main.Label, main.TeamId));
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { number = "+4930100" }), 409, CallerIdErrors.Taken);
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { number = "030 100" }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { number = "+4930101", label = new string('x', 101) }), 400, "validation_failed");
        // A team of another tenant is no team here.
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { number = "+4930102", teamId = otherTeam.GetProperty("id").GetGuid() }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { number = "+4930102", teamId = Guid.NewGuid() }), 400, "validation_failed");
        // The other tenant's admin neither sees nor changes ours; the same number is no conflict there.
        Assert.Empty(await (await other.GetAsync(Url)).ReadAsync<List<CallerIdView>>());
        await Problem.AssertAsync(await other.PutAsJsonAsync($"{Url}/{main.Id}", new { number = "+4930999" }), 404, "not_found");
        await Problem.AssertAsync(await other.DeleteAsync($"{Url}/{main.Id}"), 404, "not_found");
        await other.PostAsJsonAsync(Url, new { number = "+4930100" }).OkAsync(HttpStatusCode.Created);
        // Agents and supervisors do not administer caller IDs.
        await Problem.AssertAsync(await (await host.ClientForAsync("demo", "agent1")).PostAsJsonAsync(Url, new { number = "+4930555" }), 403, "forbidden");
        await Problem.AssertAsync(await (await host.ClientForAsync("demo", "super")).GetAsync(Url), 403, "forbidden");

        var edited = await (await admin.PutAsJsonAsync($"{Url}/{main.Id}", new { number = "+4930110", label = "" })).ReadAsync<CallerIdView>();
        Assert.Equal(("+4930110", (string?)null), (edited.Number, edited.Label));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Url}/{main.Id}")).StatusCode);
        Assert.Empty(await (await admin.GetAsync(Url)).ReadAsync<List<CallerIdView>>());
    }

    private static async Task<string> CalledPartyCallerIdAsync(SimulatedPbx pbx, string number)
    {
        for (var i = 0; i < 100; i++)
        {
            var leg = pbx.Legs.FirstOrDefault(l => l.Endpoint.Contains(number, StringComparison.Ordinal));
            if (leg is not null) return leg.CallerIdNumber;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"{number} was not dialled");
    }

    private static async Task EndWrapUpIfAnyAsync(HttpClient agent)
    {
        if ((await agent.StateAsync()).Status == Domain.Agents.AgentStatus.WrapUp)
            await agent.PostAsync("/api/v1/agent/wrap-up/end").OkAsync(HttpStatusCode.OK);
    }
}
