using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Contacts;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Api.Tests.Contacts;

/// <summary>The screen pop travels in the callOffered event: the caller's contact (as the agent sees contacts) and last calls, or the number to save.</summary>
public class ScreenPopApiTests
{
    private static async Task<JsonElement> OfferedScreenPopAsync(TestHub hub, string callId)
    {
        var offered = await hub.WaitForAsync(e => e.GetProperty("name").GetString() == "callOffered"
            && e.GetProperty("data").GetProperty("call").GetProperty("callId").GetString() == callId, "callOffered " + callId);
        return offered.GetProperty("data").GetProperty("screenPop");
    }

    [Fact]
    public async Task The_offer_carries_the_callers_contact_and_last_calls_or_the_number_to_save()
    {
        // The lookup's first run compiles its queries; on a busy test machine that can outlast the production budget.
        using var host = new CtiApiFactory(new() { ["Contacts:ScreenPopBudgetMilliseconds"] = "10000" });
        var admin = await host.ClientForAsync("demo", "admin");
        (await admin.PutAsJsonAsync("/api/v1/admin/tenant", new { name = "Demo Company", settings = new { country = "DE" } })).EnsureSuccessStatusCode();
        var agent1Id = await host.UserIdAsync("agent1");
        var agent1 = await host.ClientForAsync("demo", "agent1");
        // Written nationally; the caller arrives in E.164: they meet through the normalised number.
        (await agent1.PostAsJsonAsync("/api/v1/contacts", new { name = "Erika Mustermann", company = "Muster GmbH",
            numbers = new[] { new { label = "mobile", number = "030 555123" } } })).EnsureSuccessStatusCode();
        // agent2's contact with the same number is not agent1's to see.
        var agent2 = await host.ClientForAsync("demo", "agent2");
        (await agent2.PostAsJsonAsync("/api/v1/contacts", new { name = "Private To Agent 2", numbers = new[] { new { number = "+4930555123" } } }))
            .EnsureSuccessStatusCode();
        // An earlier call of agent1 with the caller, from the call records.
        var earlier = Guid.NewGuid();
        await host.DbAsync(async db =>
        {
            var tenant = db.Tenants.Single(t => t.Domain == "demo");
            db.ScopeToTenant(tenant.Id);
            db.CallRecords.Add(new CallRecord
            {
                Id = earlier, TenantId = tenant.Id, Direction = CallDirection.Inbound, CustomerNumber = "+4930555123",
                OfferedAt = DateTimeOffset.UtcNow.AddDays(-2), AnsweredAt = DateTimeOffset.UtcNow.AddDays(-2), TalkSeconds = 95,
                Outcome = CallOutcome.Answered, AnsweredByUserId = agent1Id,
                Legs = [new CallLeg { TenantId = tenant.Id, CallId = earlier, Role = CallLegRole.Agent, UserId = agent1Id, StartedAt = DateTimeOffset.UtcNow.AddDays(-2) }],
            });
            return await db.SaveChangesAsync();
        });

        var session = await host.LoginAsync("demo", "agent1");
        await using var hub = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        await agent1.LoginReadyAsync();
        var known = await agent1.PlaceCallAsync("Sales", from: "+4930555123");
        var call = await agent1.WaitForCallAsync();
        var pop = await OfferedScreenPopAsync(hub, call.CallId.ToString());
        Assert.Equal("+4930555123", pop.GetProperty("number").GetString());
        var contact = Assert.Single(pop.GetProperty("contacts").EnumerateArray());
        Assert.Equal("Erika Mustermann", contact.GetProperty("name").GetString());
        Assert.Equal("Muster GmbH", contact.GetProperty("company").GetString());
        Assert.Equal("mobile", contact.GetProperty("numberLabel").GetString());
        var last = Assert.Single(pop.GetProperty("recentCalls").EnumerateArray());
        Assert.Equal(earlier, last.GetProperty("callId").GetGuid());
        Assert.Equal(95, last.GetProperty("talkSeconds").GetInt32());
        Assert.Equal("Agent 1", last.GetProperty("agentName").GetString());
        Assert.Equal(JsonValueKind.Null, pop.GetProperty("thirdPartyUrl").ValueKind); // no template set
        // The unmasked number used for the lookup never leaves the server as a field of its own.
        var sent = hub.Events.Last(e => e.GetProperty("name").GetString() == "callOffered").GetProperty("data");
        Assert.False(sent.TryGetProperty("callerNumber", out _));
        // Nor does the context the lookup was given (the agent's roles, the tenant's settings).
        Assert.False(sent.TryGetProperty("screenPopContext", out _));

        _ = known;

        // No contact: the banner offers to save the caller's number (agent3, of Support, gets this call).
        var agent3 = await host.ClientForAsync("demo", "agent3");
        await using var hub3 = await TestHub.ConnectAsync(host.Server, (await host.LoginAsync("demo", "agent3")).AccessToken);
        await agent3.LoginReadyAsync();
        await agent3.PlaceCallAsync("Support", from: "+4940777888");
        var second = await agent3.WaitForCallAsync();
        var unknown = await OfferedScreenPopAsync(hub3, second.CallId.ToString());
        Assert.Empty(unknown.GetProperty("contacts").EnumerateArray());
        Assert.Empty(unknown.GetProperty("recentCalls").EnumerateArray());
        Assert.Equal("+4940777888", unknown.GetProperty("number").GetString());
    }
}
