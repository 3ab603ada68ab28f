using System.Net;
using System.Text.Json;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// The agent's call controls end to end on a real Asterisk, through the public REST API of the production Api: blind
/// transfer, consult + complete, consult + three-way conference + dropping a party, recording start/stop + download,
/// and a remote agent's *64 / *65 feature codes. Desk phones and customers are sipp processes (see
/// <see cref="SippParties"/>); Asterisk's channel and bridge lists are checked directly, and nothing of ours is left on
/// Asterisk after a test.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class ProductControlsOnAsteriskTests(RealAsterisk asterisk) : ProductSuite(asterisk)
{
    /// <summary>An agent signed in, phone registered, and Ready (or Not Ready).</summary>
    private async Task<(HttpClient Client, string Id, Sipp Phone)> AgentAsync(string name, string extension, bool inSales, bool ready,
        int wrapUpSeconds = 30)
    {
        var id = await Tenant.AddAgentAsync(name, extension, inSales: inSales, wrapUpSeconds: wrapUpSeconds);
        var client = await Tenant.SignInAsync(name);
        await client.PostJsonAsync("/api/v1/agent/login", new { ready = false });
        var phone = await PhoneOnlineAsync(client, extension, SippParties.PhoneBehaviour.Answer);
        if (ready)
        {
            await client.PutJsonAsync("/api/v1/agent/state", new { state = "Ready" });
            await Wait.AgentStatusAsync(client, "Ready");
        }
        return (client, id, phone);
    }

    /// <summary>A customer calls Sales and Ann (the only Ready Sales agent) answers on her desk phone; returns the call id.</summary>
    private async Task<string> CustomerConnectedToAsync(HttpClient agent, string extension, string from)
    {
        Track(SippParties.Customer(AsteriskServer, "5551001", from));
        var call = await Wait.CallAsync(agent, c => c.Str("state") == "Connected" && PartyIs(c, "Agent", "Connected"),
            "the call connected with the first agent", diagnostics: Diagnostics);
        await Wait.UntilAsync(() => BridgedAsync("PJSIP/demo-trunk-", $"PJSIP/demo-{extension}-"),
            $"customer and {extension} bridged on Asterisk", diagnostics: Diagnostics);
        return call.Str("callId");
    }

    private static bool PartyIs(JsonElement call, string role, string state) =>
        call.GetProperty("parties").EnumerateArray().Any(p => p.Str("role") == role && p.Str("state") == state);

    private static JsonElement? AgentParty(JsonElement call, string agentId) =>
        call.GetProperty("parties").EnumerateArray().FirstOrDefault(p =>
            p.GetProperty("agentId").ValueKind == JsonValueKind.String && p.Str("agentId") == agentId) is { ValueKind: JsonValueKind.Object } p
            ? p : null;

    /// <summary>Whether one Asterisk bridge holds exactly one Up channel of each name prefix (and nothing else of ours).</summary>
    private async Task<bool> BridgedAsync(params string[] prefixes)
    {
        var channels = await AsteriskServer.ChannelsAsync();
        foreach (var (_, members) in await AsteriskServer.BridgesAsync())
        {
            var names = members.Select(m => channels.FirstOrDefault(c => c.Id == m)).Where(c => c.Name is not null).ToList();
            if (names.Count == prefixes.Length && prefixes.All(p => names.Count(c => c.Name.StartsWith(p) && c.State == "Up") == 1))
                return true;
        }
        return false;
    }

    private async Task<bool> ChannelGoneAsync(string prefix) => (await AsteriskServer.ChannelsAsync()).All(c => !c.Name.StartsWith(prefix));

    [AsteriskAndSippFact]
    public async Task Blind_transfer_to_a_ready_agent_rings_and_connects_her_phone_and_the_first_agent_goes_to_wrap_up()
    {
        var (ann, _, _) = await AgentAsync("ann", "1101", inSales: true, ready: true);
        var (bob, bobId, bobPhone) = await AgentAsync("bob", "1102", inSales: false, ready: true);
        var callId = await CustomerConnectedToAsync(ann, "1101", "5550501");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/transfer", new { agentId = bobId }, HttpStatusCode.NoContent);

        var call = await Wait.CallAsync(bob, c => c.Str("callId") == callId && AgentParty(c, bobId) is { } p && p.Str("state") == "Connected",
            "Bob connected to the transferred call", diagnostics: Diagnostics);
        Assert.Contains("INVITE sip:demo-1102@", bobPhone.Messages);
        await Wait.UntilAsync(() => BridgedAsync("PJSIP/demo-trunk-", "PJSIP/demo-1102-"), "customer and Bob bridged on Asterisk",
            diagnostics: Diagnostics);
        await Wait.UntilAsync(() => ChannelGoneAsync("PJSIP/demo-1101-"), "Ann's phone channel hung up");
        await Wait.AgentStatusAsync(ann, "WrapUp"); // her part of the inbound queue call ended: wrap-up (docs/agent-states.md)
        Assert.Equal(0, (await ann.GetJsonAsync("/api/v1/agent/calls")).GetArrayLength());
        Assert.Equal("OnCall", (await bob.GetJsonAsync("/api/v1/agent/state")).Str("status"));
        Assert.Equal("5550501", call.Str("customerNumber"));

        await bob.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(bob, "WrapUp");
        await ann.PostJsonAsync("/api/v1/agent/wrap-up/end");
        await Wait.AgentStatusAsync(ann, "Ready");
        await bob.PostJsonAsync("/api/v1/agent/wrap-up/end");
        await Wait.AgentStatusAsync(bob, "Ready");
        await AsteriskServer.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task Consult_an_agent_then_complete_hands_the_customer_over_to_her()
    {
        var (ann, _, _) = await AgentAsync("ann", "1101", inSales: true, ready: true);
        var (bob, bobId, bobPhone) = await AgentAsync("bob", "1102", inSales: false, ready: true);
        var callId = await CustomerConnectedToAsync(ann, "1101", "5550502");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/consult", new { agentId = bobId });
        // Bob's phone rings and answers; Ann talks to Bob while the customer waits (held, out of the conversation).
        await Wait.UntilAsync(async () => AgentParty(await ann.GetJsonAsync($"/api/v1/calls/{callId}"), bobId) is { } p
            && p.Str("state") is "Consulting" or "Connected", "Bob answered the consultation", diagnostics: Diagnostics);
        Assert.Contains("INVITE sip:demo-1102@", bobPhone.Messages);
        await Wait.UntilAsync(() => BridgedAsync("PJSIP/demo-1101-", "PJSIP/demo-1102-"), "Ann and Bob bridged on Asterisk",
            diagnostics: Diagnostics);

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/consult/complete", expect: HttpStatusCode.NoContent);

        await Wait.CallAsync(bob, c => c.Str("callId") == callId && AgentParty(c, bobId) is { } p && p.Str("state") == "Connected",
            "Bob holds the call after the transfer completed", diagnostics: Diagnostics);
        await Wait.UntilAsync(() => BridgedAsync("PJSIP/demo-trunk-", "PJSIP/demo-1102-"), "customer and Bob bridged on Asterisk",
            diagnostics: Diagnostics);
        await Wait.UntilAsync(() => ChannelGoneAsync("PJSIP/demo-1101-"), "Ann's phone channel hung up");
        await Wait.UntilAsync(async () => (await ann.GetJsonAsync("/api/v1/agent/calls")).GetArrayLength() == 0, "the call gone from Ann's list");
        Assert.NotEqual("OnCall", (await ann.GetJsonAsync("/api/v1/agent/state")).Str("status"));

        await bob.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(bob, "WrapUp");
        await AsteriskServer.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task Consult_then_three_way_conference_then_the_owner_drops_the_consulted_agent()
    {
        var (ann, _, _) = await AgentAsync("ann", "1101", inSales: true, ready: true);
        var (bob, bobId, _) = await AgentAsync("bob", "1102", inSales: false, ready: true);
        var callId = await CustomerConnectedToAsync(ann, "1101", "5550503");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/consult", new { agentId = bobId });
        await Wait.UntilAsync(() => BridgedAsync("PJSIP/demo-1101-", "PJSIP/demo-1102-"), "Ann and Bob bridged (consultation)",
            diagnostics: Diagnostics);

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/consult/conference", expect: HttpStatusCode.NoContent);

        await Wait.UntilAsync(() => BridgedAsync("PJSIP/demo-trunk-", "PJSIP/demo-1101-", "PJSIP/demo-1102-"),
            "customer, Ann and Bob in one bridge on Asterisk", diagnostics: Diagnostics);
        var call = await Wait.ForAsync<JsonElement>(async () =>
        {
            var c = await ann.GetJsonAsync($"/api/v1/calls/{callId}");
            return c.GetProperty("parties").EnumerateArray().Count(p => p.Str("state") == "Connected") == 3 ? c : null;
        }, "three connected parties in the call");
        var bobLeg = AgentParty(call, bobId)!.Value.Str("legId");
        Assert.Equal("OnCall", (await bob.GetJsonAsync("/api/v1/agent/state")).Str("status"));

        using (var r = await ann.DeleteAsync($"/api/v1/calls/{callId}/parties/{bobLeg}"))
            Assert.True(r.IsSuccessStatusCode, $"DELETE party: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");

        await Wait.UntilAsync(() => ChannelGoneAsync("PJSIP/demo-1102-"), "Bob's phone channel hung up");
        await Wait.UntilAsync(() => BridgedAsync("PJSIP/demo-trunk-", "PJSIP/demo-1101-"), "customer and Ann still talking",
            diagnostics: Diagnostics);
        await Wait.UntilAsync(async () => AgentParty(await ann.GetJsonAsync($"/api/v1/calls/{callId}"), bobId) is not { } p
            || p.Str("state") == "Left", "Bob left the call");
        Assert.Equal("Connected", (await ann.GetJsonAsync($"/api/v1/calls/{callId}")).Str("state"));
        await Wait.UntilAsync(async () => (await bob.GetJsonAsync("/api/v1/agent/state")).Str("status") != "OnCall", "Bob off the call");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(ann, "WrapUp");
        await AsteriskServer.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task A_recording_started_and_stopped_on_a_call_is_listed_and_downloads_as_wav()
    {
        var (ann, _, _) = await AgentAsync("ann", "1101", inSales: true, ready: true);
        var callId = await CustomerConnectedToAsync(ann, "1101", "5550504");

        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/start", expect: HttpStatusCode.NoContent);
        await Wait.UntilAsync(async () => (await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("recording").GetBoolean(),
            "the call shown as recording");
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/recording/stop", expect: HttpStatusCode.NoContent);
        await Wait.UntilAsync(async () => !(await ann.GetJsonAsync($"/api/v1/calls/{callId}")).GetProperty("recording").GetBoolean(),
            "the call no longer recording");
        await ann.PostJsonAsync($"/api/v1/calls/{callId}/hangup", expect: HttpStatusCode.NoContent);
        await Wait.AgentStatusAsync(ann, "WrapUp");

        var recording = await Wait.ForAsync<JsonElement>(async () =>
        {
            var list = await ann.GetJsonAsync($"/api/v1/recordings?callId={callId}");
            return list.GetArrayLength() == 1 ? list[0] : null;
        }, "the recording listed for the call");
        Assert.Equal(callId, recording.Str("callId"));

        using var audio = await ann.GetAsync($"/api/v1/recordings/{recording.Str("recordingId")}/audio");
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        Assert.True(audio.IsSuccessStatusCode, $"audio: {(int)audio.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.True(bytes.Length > 44, $"a WAV with audio, got {bytes.Length} bytes");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        await AsteriskServer.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task A_remote_agent_logs_in_with_star64_is_ready_for_supervisors_and_logs_out_with_star65()
    {
        var ritaId = await Tenant.AddAgentAsync("rita", "2050", kind: "Remote", ivrPin: "4321");
        Assert.True((await Tenant.Admin.GetJsonAsync($"/api/v1/admin/users/{ritaId}")).GetProperty("agentProfile").GetProperty("hasIvrPin").GetBoolean());
        await using var ami = new AmiClient(new AmiOptions
        {
            Host = "127.0.0.1", Port = AsteriskServer.AmiPort, Username = AsteriskServer.AmiUser, Secret = AsteriskServer.AmiSecret,
        });
        await ami.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // *64 from her phone: agent number, #, PIN, # (DTMF sent out of her half of a Local channel, as a phone would).
        var login = await DialFeatureCodeAsync("*64");
        await Wait.UntilAsync(async () => (await AsteriskServer.ChannelsAsync()).Any(c => c.Id == login.Leg && c.State == "Up"),
            "the feature-code call answered by the app");
        await PressAsync(ami, login.PhoneName, "2050#");
        await PressAsync(ami, login.PhoneName, "4321#");
        await Wait.UntilAsync(async () => (await Tenant.Admin.GetJsonAsync($"/api/v1/agents/{ritaId}/state")).Str("status") == "Ready",
            "Rita Ready as the admin sees her", seconds: 30);
        await Wait.UntilAsync(async () => (await AsteriskServer.ChannelsAsync()).All(c => c.Id != login.Leg), "the login call ended", seconds: 30);

        var logout = await DialFeatureCodeAsync("*65");
        await Wait.UntilAsync(async () => (await Tenant.Admin.GetJsonAsync($"/api/v1/agents/{ritaId}/state")).Str("status") == "LoggedOut",
            "Rita logged out", seconds: 30);
        await Wait.UntilAsync(async () => (await AsteriskServer.ChannelsAsync()).All(c => c.Id != logout.Leg), "the logout call ended", seconds: 30);
        await AsteriskServer.AssertNothingLeftAsync();
    }

    private async Task<(string Leg, string PhoneName)> DialFeatureCodeAsync(string code)
    {
        var leg = "ptest-ra-" + Guid.NewGuid().ToString("N")[..12];
        var phone = leg + "-phone";
        await AsteriskServer.OriginateAsync("Local/talk@itest-customer/n", "from-internal-demo", code, "\"Rita\" <5550177>", leg, phone);
        string? name = null;
        await Wait.UntilAsync(async () => (name = (await AsteriskServer.ChannelsAsync()).FirstOrDefault(c => c.Id == phone).Name) is not null,
            "Rita's phone channel");
        return (leg, name!);
    }

    private static async Task PressAsync(AmiClient ami, string phoneName, string keys)
    {
        foreach (var k in keys)
            (await ami.SendActionAsync(new AmiAction("PlayDTMF").Add("Channel", phoneName).Add("Digit", k.ToString()).Add("Duration", 120)))
                .EnsureSuccess("PlayDTMF");
    }
}
