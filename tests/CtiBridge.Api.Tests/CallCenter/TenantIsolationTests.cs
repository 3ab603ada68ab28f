using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>
/// Two tenants on one CtiBridge: admin writes while both are connected to the event hub, PJSIP endpoint names
/// (always <c>&lt;domain&gt;-&lt;name&gt;</c>, unique across tenants, whose owner is the stored row) and the sandbox's
/// leg ownership — including domains that are prefixes of each other (<c>demo</c>, <c>demo-b</c>).
/// </summary>
public class TenantIsolationTests
{
    [Fact]
    public async Task Admin_writes_with_two_tenants_on_the_hub_are_saved_and_reach_the_agents_at_once()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        _ = await host.CreateTenantAsync("other");
        var demoAgent = await host.LoginAsync("demo", "agent1");
        var otherBoss = await host.LoginAsync("other", "boss", CtiApiFactory.OtherTenantAdminPassword);
        await using var demoHub = await TestHub.ConnectAsync(host.Server, demoAgent.AccessToken);
        await using var otherHub = await TestHub.ConnectAsync(host.Server, otherBoss.AccessToken);

        var created = await admin.PostAsJsonAsync("/api/v1/admin/pause-reasons", new { code = 7, name = "Coaching" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");

        var agent = await host.ClientForAsync("demo", "agent1");
        var reasons = await (await agent.GetAsync("/api/v1/agent/pause-reasons")).ReadAsync<JsonElement>();
        Assert.Contains(reasons.EnumerateArray(), r => r.GetProperty("name").GetString() == "Coaching");
        // Both hubs stay open (no tenant's users were disabled).
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, demoHub.Connection.State);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, otherHub.Connection.State);
    }

    [Fact]
    public async Task Phone_endpoint_names_carry_the_tenant_domain_and_no_tenant_takes_another_tenants_endpoint()
    {
        using var host = new CtiApiFactory();
        var demo = await host.ClientForAsync("demo", "admin");
        var b = await host.CreateTenantAsync("demo-b");

        // B names a phone after A's desk phone and A's agent's softphone: CtiBridge puts B's domain in front.
        var fake = await (await b.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2001", endpointName = "demo-2001", hotDesk = true })).ReadAsync<JsonElement>();
        Assert.Equal("demo-b-demo-2001", fake.GetProperty("endpointName").GetString());
        var fake2 = await (await b.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "1001", endpointName = "demo-1001" })).ReadAsync<JsonElement>();
        Assert.Equal("demo-b-demo-1001", fake2.GetProperty("endpointName").GetString());
        var bDefault = await (await b.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "1001" })).ReadAsync<JsonElement>();
        Assert.Equal("demo-b-1001", bDefault.GetProperty("endpointName").GetString());

        // A's own prefix is not doubled; A cannot take B's endpoint through a name that reads as B's prefix.
        var own = await (await demo.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2001", endpointName = "demo-2001" })).ReadAsync<JsonElement>();
        Assert.Equal("demo-2001", own.GetProperty("endpointName").GetString());
        await Problem.AssertAsync(await demo.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "1001", endpointName = "b-1001" }), 409, "endpoint_taken");
        await Problem.AssertAsync(await demo.PutAsJsonAsync($"/api/v1/admin/phones/{own.GetProperty("id").GetGuid()}", new { extension = "2001", endpointName = "b-demo-2001" }), 409, "endpoint_taken");

        // An agent extension of B is B's endpoint demo-b-4001: A's phone named b-4001 is refused, and the other way round.
        var bAgent = await b.PostAsJsonAsync("/api/v1/admin/users", new
        {
            username = "bagent", displayName = "B Agent", roles = new[] { "agent" }, password = CtiApiFactory.DemoPassword,
            agentProfile = new { extension = "4001", extensionKind = "Sip" },
        });
        Assert.Equal(HttpStatusCode.Created, bAgent.StatusCode);
        await Problem.AssertAsync(await demo.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "4001", endpointName = "b-4001" }), 409, "endpoint_taken");
        var aPhone = await (await demo.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "4002", endpointName = "b-4002" })).ReadAsync<JsonElement>();
        Assert.Equal("demo-b-4002", aPhone.GetProperty("endpointName").GetString());
        var bAgentId = (await bAgent.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Problem.AssertAsync(await b.PutAsJsonAsync($"/api/v1/admin/users/{bAgentId}/agent-profile", new { extension = "4002", extensionKind = "Sip" }), 409, "endpoint_taken");

        // B's agent cannot hot-desk onto A's phone: the endpoint is not one of B's phones.
        var bAgentClient = await host.ClientForAsync("demo-b", "bagent");
        var hotDesk = await bAgentClient.PostAsJsonAsync("/api/v1/agent/login", new { ready = true, phoneEndpoint = "demo-2001" });
        Assert.False(hotDesk.IsSuccessStatusCode, await hotDesk.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tenant_whose_domain_prefixes_another_cannot_answer_or_hang_up_the_other_tenants_sandbox_legs()
    {
        using var host = new CtiApiFactory();
        var b = await host.CreateTenantAsync("demo-b");
        var user = await (await b.PostAsJsonAsync("/api/v1/admin/users", new
        {
            username = "bagent", displayName = "B Agent", roles = new[] { "agent" }, password = CtiApiFactory.DemoPassword,
            agentProfile = new { extension = "1001" },
        })).ReadAsync<JsonElement>();
        var group = await (await b.PostAsJsonAsync("/api/v1/admin/skill-groups", new { name = "Sales", number = "800" })).ReadAsync<JsonElement>();
        (await b.PutAsJsonAsync($"/api/v1/admin/skill-groups/{group.GetProperty("id").GetGuid()}/members/{user.GetProperty("id").GetGuid()}", new { priority = 1 })).EnsureSuccessStatusCode();
        var bAgent = await host.ClientForAsync("demo-b", "bagent");
        await bAgent.LoginReadyAsync();
        var customerLeg = await bAgent.PlaceCallAsync("Sales");
        var call = await bAgent.WaitForCallAsync(c => c.State == CallState.Ringing);
        var agentLeg = call.Parties.Single(p => p.AgentId is not null).LegId;

        // Tenant demo (whose domain is a prefix of demo-b) finds none of demo-b's legs.
        var demoAgent = await host.ClientForAsync("demo", "agent1");
        foreach (var leg in new[] { agentLeg, customerLeg })
        {
            await Problem.AssertAsync(await demoAgent.PostAsync($"/api/v1/sandbox/legs/{leg}/answer"), 404, "not_found");
            await Problem.AssertAsync(await demoAgent.PostAsync($"/api/v1/sandbox/legs/{leg}/hangup"), 404, "not_found");
        }
        Assert.Equal(CallState.Ringing, (await bAgent.WaitForCallAsync()).State);

        // Its owner still can.
        await bAgent.PostAsync($"/api/v1/sandbox/legs/{agentLeg}/answer").OkAsync();
        await bAgent.WaitForCallAsync(c => c.State == CallState.Connected);
    }

    [Fact]
    public async Task An_agent_answering_or_declining_another_agents_ringing_call_gets_404_as_for_any_call_not_theirs()
    {
        using var host = new CtiApiFactory();
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        await agent1.LoginReadyAsync();
        (await agent2.PostAsJsonAsync("/api/v1/agent/login", new { ready = false })).EnsureSuccessStatusCode();
        await agent1.PlaceCallAsync("Sales");
        var call = await agent1.WaitForCallAsync(c => c.State == CallState.Ringing);

        await Problem.AssertAsync(await agent2.PostAsync($"/api/v1/calls/{call.CallId}/answer"), 404, "call_not_found");
        await Problem.AssertAsync(await agent2.PostAsync($"/api/v1/calls/{call.CallId}/decline"), 404, "call_not_found");
        await Problem.AssertAsync(await agent2.PostAsync($"/api/v1/calls/{Guid.NewGuid()}/answer"), 404, "call_not_found");
        Assert.Equal(CallState.Ringing, (await agent1.WaitForCallAsync()).State);

        // The agent it rings for answers; answering again is a 409 about the call's state (it is theirs).
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/answer").OkAsync();
        await agent1.WaitForCallAsync(c => c.State == CallState.Connected);
        await Problem.AssertAsync(await agent1.PostAsync($"/api/v1/calls/{call.CallId}/answer"), 409, "call_not_ringing");
    }
}
