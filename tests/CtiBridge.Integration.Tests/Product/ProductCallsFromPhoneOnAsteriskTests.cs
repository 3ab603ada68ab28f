using System.Net;
using System.Text.Json;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// Calls an agent dials from her own desk phone, on a real Asterisk through the production Api: the committed dialplan
/// hands a colleague's extension to the app as <c>direct</c> from her endpoint, and CtiBridge makes it her internal call.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class ProductCallsFromPhoneOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    [AsteriskAndSippFact]
    public async Task Agent_dialling_a_colleague_from_her_desk_phone_is_on_call_as_herself_for_both_and_busy_for_the_queue()
    {
        var (ann, annId, _) = await AgentOnlineAsync("ann", "1101", ready: true);
        var (bob, bobId, bobPhone) = await AgentOnlineAsync("bob", "1102", ready: true);
        var creds = await Tenant.CredentialsAsync("demo-1101");

        Track(SippParties.PhoneDials(AsteriskServer, creds.Username, creds.Password, "1102"));

        var call = await Wait.CallAsync(bob, c => c.Str("state") == "Connected", "Bob connected to Ann's call", diagnostics: Diagnostics);
        var callId = call.Str("callId");
        Assert.Contains("INVITE sip:demo-1102@", bobPhone.Messages);
        Assert.Matches("From: \"Ann\" <sip:1101@", bobPhone.Messages);   // Bob's phone shows Ann, not his own number
        foreach (var viewer in new[] { ann, bob, Tenant.Admin })
        {
            var view = await viewer.GetJsonAsync($"/api/v1/calls/{callId}");
            Assert.Equal(("Internal", "Internal"), (view.Str("kind"), view.Str("direction")));
            var parties = view.GetProperty("parties").EnumerateArray().ToList();
            Assert.DoesNotContain(parties, p => p.Str("role") == "Customer");
            var annParty = Assert.Single(parties, p => AgentIdOf(p) == annId);
            Assert.Equal(("Agent", "Ann", "1101"), (annParty.Str("role"), annParty.Str("name"), annParty.Str("number")));
            Assert.Equal("Agent", Assert.Single(parties, p => AgentIdOf(p) == bobId).Str("role"));
        }
        Assert.Equal("OnCall", (await ann.GetJsonAsync("/api/v1/agent/state")).Str("status"));
        Assert.Equal("OnCall", (await Tenant.Admin.GetJsonAsync($"/api/v1/agents/{annId}/state")).Str("status"));
        Assert.Equal(callId, (await ann.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray().Single().Str("callId"));

        // A customer for Sales waits while both talk: neither is offered the call, and the group has no free agent.
        Track(SippParties.Customer(AsteriskServer, "5551001", "5550601"));
        await Wait.UntilAsync(async () => (await Tenant.Admin.GetJsonAsync($"/api/v1/skill-groups/{Tenant.SalesId}/waiting")).GetArrayLength() == 1,
            "the customer waiting in Sales", diagnostics: Diagnostics);
        var sales = (await Tenant.Admin.GetJsonAsync("/api/v1/skill-groups")).EnumerateArray().Single(g => g.Str("name") == "Sales");
        Assert.Equal((0, 0), (sales.GetProperty("agentsReady").GetInt32(), sales.GetProperty("agentsFree").GetInt32()));
        Assert.Equal("OnCall", (await ann.GetJsonAsync("/api/v1/agent/state")).Str("status"));
        Assert.Equal("OnCall", (await bob.GetJsonAsync("/api/v1/agent/state")).Str("status"));

        // Ann hangs up from the toolbar: her phone gets the BYE, both are free (no wrap-up after an internal call) and
        // the waiting customer goes to one of them.
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        var customerCall = await Wait.ForAsync<JsonElement>(async () =>
        {
            foreach (var agent in new[] { ann, bob })
                foreach (var c in (await agent.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray())
                    if (c.Str("kind") == "Queue" && c.Str("state") == "Connected") return c;
            return null;
        }, "the waiting customer connected to Ann or Bob", diagnostics: Diagnostics);
        var owner = AgentIdOf(customerCall.GetProperty("parties").EnumerateArray().Single(p => p.Str("role") == "Agent"));
        await (owner == annId ? ann : bob).PostJsonAsync($"/api/v1/calls/{customerCall.Str("callId")}/hangup", expect: HttpStatusCode.NoContent);
        await AsteriskServer.AssertNothingLeftAsync();
    }

    private static string? AgentIdOf(JsonElement party) =>
        party.GetProperty("agentId").ValueKind == JsonValueKind.String ? party.Str("agentId") : null;
}
