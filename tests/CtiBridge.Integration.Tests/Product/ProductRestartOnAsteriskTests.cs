using System.Net;
using System.Text.Json;
using CtiBridge.Application.CallCenter;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Data;
using CtiBridge.Domain.Calls;
using CtiBridge.Integration.Tests.Asterisk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// Restart safety of the whole product on a real Asterisk (docs/architecture.md, "Restart safety"): the production Api is
/// stopped as a deploy stops it while a SIP agent talks to a customer, and the next process, started over the same
/// database, takes the call back — checked only through the public REST API (and the call record it stores), with
/// Asterisk's channel and bridge lists showing that the conversation never stopped.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class ProductRestartOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    private static bool PartyIs(JsonElement call, string role, string state) =>
        call.GetProperty("parties").EnumerateArray().Any(p => p.Str("role") == role && p.Str("state") == state);

    /// <summary>The channels in the call's bridge (<c>cti-&lt;call id&gt;</c>) on Asterisk, with their name and state.</summary>
    private async Task<IReadOnlyList<(string Id, string Name, string State)>> CallBridgeAsync(string callId)
    {
        var bridgeId = AsteriskPbx.BridgeIdOf(Guid.Parse(callId));
        var channels = await AsteriskServer.ChannelsAsync();
        var bridge = (await AsteriskServer.BridgesAsync()).FirstOrDefault(b => b.Id == bridgeId);
        return bridge.Channels is null ? [] : bridge.Channels.Select(id => channels.FirstOrDefault(c => c.Id == id)).Where(c => c.Id is not null).ToList();
    }

    [AsteriskAndSippFact]
    public async Task A_call_a_sip_agent_is_on_when_the_product_restarts_is_hers_again_on_the_next_process_and_her_hang_up_ends_it()
    {
        // Host A: Ann (SIP extension 1101, her desk phone answers) is Ready; a customer calls and talks to her.
        await Tenant.AddAgentAsync("ann", "1101");
        var ann = await Tenant.SignInAsync("ann");
        await ann.PostJsonAsync("/api/v1/agent/login", new { ready = false });
        await PhoneOnlineAsync(ann, "1101", SippParties.PhoneBehaviour.Answer);
        await ann.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });
        await Wait.AgentStatusAsync(ann, "Ready");

        var customer = Track(SippParties.Customer(AsteriskServer, "5551001", "5550601")); // talks until it gets a BYE
        var call = await Wait.CallAsync(ann, c => c.Str("state") == "Connected" && PartyIs(c, "Agent", "Connected"),
            "the call connected with Ann", diagnostics: Diagnostics);
        var callId = call.Str("callId");
        Assert.Equal("OnCall", (await ann.GetJsonAsync("/api/v1/agent/state")).Str("status"));

        // Both parties Up in the call's bridge; the answer time stored on the caller's leg (what the next process reads).
        var bridged = await Wait.ForAsync<(string Trunk, string Phone)>(async () =>
        {
            var members = await CallBridgeAsync(callId);
            return members.Count == 2 && members.FirstOrDefault(c => c.Name.StartsWith("PJSIP/demo-trunk-") && c.State == "Up") is { Id: not null } t
                && members.FirstOrDefault(c => c.Name.StartsWith("PJSIP/demo-1101-") && c.State == "Up") is { Id: not null } p
                ? (t.Id, p.Id) : null;
        }, "customer and Ann's phone Up in the call's bridge on Asterisk", diagnostics: Diagnostics);
        await Wait.UntilAsync(async () =>
        {
            using var r = await AsteriskServer.Http.GetAsync(
                $"channels/{bridged.Trunk}/variable?variable={TenantCallCenter.LegVariables.AnsweredAt}");
            return r.IsSuccessStatusCode && (await r.Content.ReadAsStringAsync()).Length > "{\"value\":\"\"}".Length;
        }, "the answer time stored on the caller's leg");

        // A deploy stops host A gracefully (the journal writes Ann's session); Asterisk keeps both parties talking.
        Host.KeepDataOnDispose = true;
        ProductHost? next = null;
        try
        {
            await Host.DisposeAsync();
            var during = await CallBridgeAsync(callId);
            Assert.True(during.Select(c => c.Id).ToHashSet().SetEquals([bridged.Trunk, bridged.Phone]) && during.All(c => c.State == "Up"),
                "both parties still Up in the call's bridge while no CtiBridge runs: " + string.Join(", ", during.Select(c => c.Name + " " + c.State)));

            // Host B: the next process over the same database (and the same JWT signing key); Ann signs in on it.
            next = new ProductHost(AsteriskServer, dataDirectory: Host.DataDirectory);
            await next.WaitReadyAsync();
            var annNext = await Tenant.SignInAsync("ann", next);

            string lastStatus = "";
            await Wait.UntilAsync(async () => (lastStatus = (await annNext.GetJsonAsync("/api/v1/agent/state")).Str("status")) == "OnCall",
                "Ann On call on the next process", diagnostics: () => "last status: " + lastStatus);
            var back = await Wait.CallAsync(annNext, c => c.Str("callId") == callId, "the same call in Ann's calls on the next process");
            Assert.Equal("Connected", back.Str("state"));
            Assert.True(PartyIs(back, "Agent", "Connected"), back.ToString());
            Assert.Equal("5550601", back.Str("customerNumber"));
            Assert.Single((await annNext.GetJsonAsync("/api/v1/agent/calls")).EnumerateArray());
            var stillTalking = (await CallBridgeAsync(callId)).Select(c => c.Id).ToHashSet();
            Assert.True(stillTalking.SetEquals([bridged.Trunk, bridged.Phone]), "the same two channels in the call's bridge");

            // Ann hangs up from her toolbar: the customer gets the BYE, Ann goes to wrap-up, the call is stored once, answered.
            await annNext.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
            Assert.Equal(0, await customer.ExitAsync()); // the customer's call ended normally for sipp…
            Assert.Contains("BYE sip:", customer.Messages); // …by Asterisk's BYE
            await Wait.AgentStatusAsync(annNext, "WrapUp");
            Assert.Equal(0, (await annNext.GetJsonAsync("/api/v1/agent/calls")).GetArrayLength());

            var id = Guid.Parse(callId);
            List<CtiBridge.Data.Entities.CallRecord> records = [];
            await Wait.UntilAsync(async () =>
            {
                await using var scope = next.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
                records = await db.CallRecords.IgnoreQueryFilters().AsNoTracking().Include(c => c.Legs).ToListAsync();
                return records.Any(r => r.Id == id && r.EndedAt is not null);
            }, "the stored call record");
            var record = Assert.Single(records); // the only call of the test: written once, by the next process, with the same id
            Assert.Equal(id, record.Id);
            Assert.Equal(CallEndReason.AgentHungUp, record.EndReason);
            Assert.NotNull(record.AnsweredAt);
            Assert.True(record.AnsweredAt < record.EndedAt);
            Assert.Equal("5550601", record.CustomerNumber);
            Assert.Contains(record.Legs, l => l.ChannelId == bridged.Trunk);
            Assert.Contains(record.Legs, l => l.ChannelId == bridged.Phone && l.UserId == Guid.Parse(Tenant.UserIds["ann"]));

            await AsteriskServer.AssertNothingLeftAsync();
        }
        finally
        {
            if (next is not null) await next.DisposeAsync(); // deletes the shared data directory
            else try { Directory.Delete(Host.DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
