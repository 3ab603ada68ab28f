using System.Net;
using System.Text.Json;
using CtiBridge.Data;
using CtiBridge.Domain.Calls;
using CtiBridge.Integration.Tests.Asterisk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// The product end to end on a real Asterisk: the CtiBridge Api in production mode (AddAsteriskPbx, no sandbox) with a
/// tenant set up through the admin API, SIP agents whose desk phones are sipp processes registered with the credentials
/// CtiBridge provisioned, customers calling the demo trunk number (sipp → from-trunk-demo → Stasis(ctibridge,queue,demo,Sales)),
/// and every check made through the public REST API (and the call records CtiBridge stored).
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class ProductOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    private async Task<CallRecordRow> StoredRecordAsync(string callId)
    {
        var id = Guid.Parse(callId);
        CallRecordRow? row = null;
        await Wait.UntilAsync(async () =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
            var r = await db.CallRecords.IgnoreQueryFilters().AsNoTracking().Include(c => c.Legs).FirstOrDefaultAsync(c => c.Id == id);
            if (r?.EndedAt is null) return false;
            row = new CallRecordRow(r.EndReason, r.AnsweredAt is not null, r.Legs.Count, r.CustomerNumber, r.HoldSeconds, r.DialedNumber);
            return true;
        }, "the stored call record");
        return row!;
    }

    private sealed record CallRecordRow(CallEndReason? EndReason, bool Answered, int Legs, string CustomerNumber, int HoldSeconds, string? Dialed);

    private async Task<IReadOnlyList<string>> BridgeChannelsAsync() =>
        (await AsteriskServer.BridgesAsync()).SelectMany(b => b.Channels).ToList();

    private static bool PartyIs(JsonElement call, string role, string state) =>
        call.GetProperty("parties").EnumerateArray().Any(p => p.Str("role") == role && p.Str("state") == state);

    [AsteriskAndSippFact]
    public async Task Inbound_queue_call_is_offered_answered_on_the_sip_phone_held_resumed_hung_up_wrapped_up_and_recorded()
    {
        await Tenant.AddAgentAsync("ann", "1101");
        var ann = await Tenant.SignInAsync("ann");
        await ann.PostJsonAsync("/api/v1/agent/login", new { ready = false });
        var phone = await PhoneOnlineAsync(ann, "1101", SippParties.PhoneBehaviour.Answer);
        await ann.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });

        var customer = Track(SippParties.Customer(AsteriskServer, "5551001", "5550111"));

        // The offer appears through the API with the dialplan's attached data; the desk phone answers by itself.
        var call = await Wait.CallAsync(ann, c => c.Str("state") == "Connected" && PartyIs(c, "Agent", "Connected"),
            "the call connected with Ann", diagnostics: Diagnostics);
        var callId = call.Str("callId");
        Assert.Equal("Sales", call.Str("skillGroupName"));
        Assert.Equal("5550111", call.Str("customerNumber"));
        Assert.Contains(call.GetProperty("attachedData").EnumerateArray(), d => d.Str("key") == "ACCOUNT" && d.Str("value") == "ACC-5550111");
        Assert.Equal("OnCall", (await ann.GetJsonAsync("/api/v1/agent/state")).Str("status"));
        // Bridged on Asterisk: the customer's trunk channel and the agent's phone channel in one bridge.
        await Wait.UntilAsync(async () =>
        {
            var inBridge = await BridgeChannelsAsync();
            var channels = await AsteriskServer.ChannelsAsync();
            return channels.Any(c => c.Name.StartsWith("PJSIP/demo-trunk-") && inBridge.Contains(c.Id))
                && channels.Any(c => c.Name.StartsWith("PJSIP/demo-1101-") && inBridge.Contains(c.Id) && c.State == "Up");
        }, "customer and agent phone bridged on Asterisk");
        Assert.Contains("INVITE sip:demo-1101@", phone.Messages);

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hold", expect: HttpStatusCode.NoContent);
        await Wait.UntilAsync(async () => (await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("held").GetBoolean(), "held");
        await Wait.UntilAsync(async () =>
        {
            var inBridge = await BridgeChannelsAsync();
            return !(await AsteriskServer.ChannelsAsync()).Any(c => c.Name.StartsWith("PJSIP/demo-trunk-") && inBridge.Contains(c.Id));
        }, "the customer out of the conversation (on hold)");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/resume", expect: HttpStatusCode.NoContent);
        await Wait.UntilAsync(async () => !(await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("held").GetBoolean(), "resumed");
        await Wait.UntilAsync(async () =>
        {
            var inBridge = await BridgeChannelsAsync();
            return (await AsteriskServer.ChannelsAsync()).Any(c => c.Name.StartsWith("PJSIP/demo-trunk-") && inBridge.Contains(c.Id));
        }, "the customer back in the conversation");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(ann, "WrapUp");
        Assert.Equal(0, await customer.ExitAsync()); // the customer got Asterisk's BYE and the call succeeded for sipp
        Assert.Contains("BYE sip:", customer.Messages);

        // Wrap-up: disposition on the stored record, then End wrap-up → Ready.
        await ann.PutJsonAsync($"/api/v1/calls/{callId}/disposition", new { remarks = "product test" }, HttpStatusCode.NoContent);
        await ann.PostJsonAsync("/api/v1/agent/wrap-up/end");
        await Wait.AgentStatusAsync(ann, "Ready");

        var record = await StoredRecordAsync(callId);
        Assert.True(record.Answered);
        Assert.Equal("5550111", record.CustomerNumber);
        Assert.True(record.Legs >= 2, "customer and agent legs stored");
        await AsteriskServer.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task A_call_the_first_agent_lets_ring_is_rerouted_to_the_second_agent()
    {
        await Tenant.AddAgentAsync("cat", "1103");
        await Tenant.AddAgentAsync("ann", "1101");
        var cat = await Tenant.SignInAsync("cat");
        var ann = await Tenant.SignInAsync("ann");
        await cat.PostJsonAsync("/api/v1/agent/login", new { ready = false });
        await ann.PostJsonAsync("/api/v1/agent/login", new { ready = false });
        var catPhone = await PhoneOnlineAsync(cat, "1103", SippParties.PhoneBehaviour.RingForever);
        await PhoneOnlineAsync(ann, "1101", SippParties.PhoneBehaviour.Answer);
        await cat.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" }); // idle longest: offered first
        await Wait.AgentStatusAsync(cat, "Ready");
        await ann.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });

        Track(SippParties.Customer(AsteriskServer, "5551001", "5550222"));

        var offered = await Wait.CallAsync(cat, c => PartyIs(c, "Agent", "Ringing"), "the offer to Cat", diagnostics: Diagnostics);
        Assert.Equal("Ringing", (await cat.GetJsonAsync("/api/v1/agent/state")).Str("status"));
        var call = await Wait.CallAsync(ann, c => c.Str("state") == "Connected" && PartyIs(c, "Agent", "Connected"),
            "the call re-routed to Ann after Cat's 5 s ring timeout", seconds: 30, diagnostics: Diagnostics);
        Assert.Equal(offered.Str("callId"), call.Str("callId"));
        Assert.NotEqual("Ready", (await cat.GetJsonAsync("/api/v1/agent/state")).Str("status")); // missed → Not Ready
        Assert.Contains("CANCEL sip:", catPhone.Messages); // Cat's phone stopped ringing

        await ann.PostJsonAsync($"/api/v1/calls/{call.Str("callId")}/hangup", expect: HttpStatusCode.NoContent);
        var record = await StoredRecordAsync(call.Str("callId"));
        Assert.True(record.Answered);
        await AsteriskServer.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task A_caller_who_hangs_up_while_waiting_is_shown_waiting_and_stored_as_abandoned()
    {
        await Tenant.AddAgentAsync("ann", "1101");
        var ann = await Tenant.SignInAsync("ann");
        await ann.PostJsonAsync("/api/v1/agent/login", new { ready = false }); // nobody Ready: the caller waits

        var customer = Track(SippParties.Customer(AsteriskServer, "5551001", "5550333"));

        var waiting = await Wait.ForAsync<JsonElement>(async () =>
        {
            var list = await ann.GetJsonAsync($"/api/v1/skill-groups/{Tenant.SalesId}/waiting");
            return list.GetArrayLength() == 1 ? list[0] : null;
        }, "the caller in Sales' waiting list", diagnostics: Diagnostics);
        Assert.Equal("5550333", waiting.Str("customerNumber"));

        // The customer hangs up: their trunk channel goes away (Asterisk sends sipp the BYE; CtiBridge sees the leg end).
        // …once answered and waiting in the call's bridge with music (a hang-up racing the answer is tested in
        // CtiBridge.Application.Tests' AcceptFailureTests).
        var trunk = await Wait.ForAsync<(string Id, string Name, string State)>(async () =>
        {
            var inBridge = await BridgeChannelsAsync();
            return (await AsteriskServer.ChannelsAsync()).FirstOrDefault(c => c.Name.StartsWith("PJSIP/demo-trunk-") && c.State == "Up"
                && inBridge.Contains(c.Id)) is { Id: not null } c ? c : null;
        }, "the customer's trunk channel answered and in the bridge");
        await AsteriskServer.HangupAsync(trunk.Id);

        var record = await StoredRecordAsync(waiting.Str("callId"));
        Assert.Equal(CallEndReason.AbandonedWhileWaiting, record.EndReason);
        Assert.False(record.Answered);
        Assert.Equal(0, (await ann.GetJsonAsync($"/api/v1/skill-groups/{Tenant.SalesId}/waiting")).GetArrayLength());
        await customer.ExitAsync();
        await AsteriskServer.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task Hot_desk_list_marks_the_registered_phone_and_not_the_unregistered_one_and_an_agent_takes_calls_on_it()
    {
        await Tenant.AddHotDeskPhoneAsync("2101", "Desk A");
        await Tenant.AddHotDeskPhoneAsync("2102", "Desk B");
        await Tenant.AddAgentAsync("dan", "1104", hotDesking: true);
        var dan = await Tenant.SignInAsync("dan");
        var creds = await Tenant.CredentialsAsync("demo-2101");

        var free = await dan.GetJsonAsync("/api/v1/phones/free");
        Assert.Equal(["PJSIP/demo-2101", "PJSIP/demo-2102"], free.EnumerateArray().Select(p => p.Str("endpoint")).Order().ToArray());
        Assert.All(free.EnumerateArray(), p => Assert.False(p.GetProperty("registered").GetBoolean()));

        var deskA = Track(SippParties.Phone(AsteriskServer, creds.Username, creds.Password, SippParties.PhoneBehaviour.Answer));

        await Wait.UntilAsync(async () => (await dan.GetJsonAsync("/api/v1/phones/free")).EnumerateArray()
            .Any(p => p.Str("endpoint") == "PJSIP/demo-2101" && p.GetProperty("registered").GetBoolean()),
            "desk A registered in the hot-desk list", diagnostics: Diagnostics);
        var list = await dan.GetJsonAsync("/api/v1/phones/free");
        Assert.False(list.EnumerateArray().Single(p => p.Str("endpoint") == "PJSIP/demo-2102").GetProperty("registered").GetBoolean());

        // Dan signs in on desk A: it leaves the free list and his queue call rings there.
        await dan.PostJsonAsync("/api/v1/agent/login", new { ready = true, phoneEndpoint = "PJSIP/demo-2101" });
        Assert.DoesNotContain((await dan.GetJsonAsync("/api/v1/phones/free")).EnumerateArray(), p => p.Str("endpoint") == "PJSIP/demo-2101");
        Track(SippParties.Customer(AsteriskServer, "5551001", "5550444"));
        var call = await Wait.CallAsync(dan, c => c.Str("state") == "Connected" && PartyIs(c, "Agent", "Connected"),
            "the call connected on desk A", diagnostics: Diagnostics);
        Assert.Contains("INVITE sip:demo-2101@", deskA.Messages);
        await dan.PostJsonAsync($"/api/v1/calls/{call.Str("callId")}/hangup", expect: HttpStatusCode.NoContent);
        await StoredRecordAsync(call.Str("callId"));
        await AsteriskServer.AssertNothingLeftAsync();
    }
}
