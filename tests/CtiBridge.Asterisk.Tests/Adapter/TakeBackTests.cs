using System.Collections.Concurrent;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.Domain.Calls;
using Microsoft.AspNetCore.Http;

namespace CtiBridge.Asterisk.Tests.Adapter;

/// <summary>
/// After it connects, the adapter takes back what a previous CtiBridge process left in the Stasis application: a caller
/// and the call's answered agent leg in the call's bridge are reported as a connected call (<see cref="ResumedLeg.Connected"/>)
/// and both legs are tracked again, so commands and hang-ups work; legs whose variables do not agree are left alone.
/// </summary>
public sealed class TakeBackTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Guid CallId = Guid.Parse("5b0c7a2e-0000-4000-8000-000000000001");
    private static readonly Guid AgentId = Guid.Parse("00000000-0000-0000-0000-000000000101");
    private static readonly Guid Group = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private const string Customer = "1795338575.1";
    private const string AgentLeg = "cti-0123456789abcdef0123";
    private static string Bridge => AsteriskPbx.BridgeIdOf(CallId);

    private sealed class Recorder : IPbxEventHandler
    {
        public ConcurrentQueue<IncomingLeg> Legs { get; } = new();
        public ConcurrentQueue<(string Leg, CallEndReason Cause)> Ended { get; } = new();
        public void OnIncomingLeg(IncomingLeg leg) => Legs.Enqueue(leg);
        public void OnLegAnswered(string legId) { }
        public void OnLegEnded(string legId, CallEndReason cause) => Ended.Enqueue((legId, cause));
        public void OnDtmf(string legId, char digit) { }
        public void OnPlaybackFinished(string legId) { }
        public void OnDeviceChanged(DeviceStatus status) { }
        public void OnConnectionChanged(bool connected, string description) { }
    }

    private static string Channel(string id, string name, string appData, string state = "Up") => $$"""
        {"id":"{{id}}","name":"{{name}}","state":"{{state}}","caller":{"name":"","number":"5551234"},"connected":{"name":"","number":""},
         "accountcode":"","dialplan":{"context":"from-trunk","exten":"7001","priority":1,"app_name":"Stasis","app_data":"{{appData}}"},
         "creationtime":"2026-11-22T09:00:00.000+0000","language":"en"}
        """;

    /// <summary>Another leg of ours on the fake Asterisk: answered in the call's bridge, or ringing (not up, in no bridge).</summary>
    private sealed record OtherLeg(string Id, bool Ringing);

    /// <summary>A fake Asterisk with the two legs of a connected call in its bridge and the given channel variables.</summary>
    private static Func<HttpContext, string, Task> Asterisk(Dictionary<string, Dictionary<string, string>> variables,
        bool customerInBridge = true, string? liveRecordingState = null, bool stored = true, bool agentLegInBridge = true,
        IReadOnlyList<OtherLeg>? others = null)
    {
        var seated = false; // the adapter put the caller in the call's bridge
        return (ctx, line) =>
    {
        var customer = Channel(Customer, "PJSIP/trunk-00000001", "cti,queue,demo,Sales");
        var agent = Channel(AgentLeg, "Local/101@itest-agents-00000002;1", "cti,dialled," + CallId.ToString("N"), agentLegInBridge ? "Up" : "Ringing");
        var extra = (others ?? []).Select(o => Channel(o.Id, "Local/5559999@itest-agents-00000003;1", "cti,dialled," + CallId.ToString("N"), o.Ringing ? "Ringing" : "Up")).ToList();
        var inBridge = (customerInBridge || seated ? new[] { Customer } : []).Concat(agentLegInBridge ? [AgentLeg] : [])
            .Concat((others ?? []).Where(o => !o.Ringing).Select(o => o.Id));
        var bridge = $$"""{"id":"{{Bridge}}","technology":"simple_bridge","bridge_type":"mixing","channels":[{{string.Join(",", inBridge.Select(c => $"\"{c}\""))}}]}""";
        string? json = null;
        if (line == "GET /ari/channels") json = "[" + string.Join(",", new[] { customer, agent }.Concat(extra)) + "]";
        else if (line == "GET /ari/bridges") json = $"[{bridge}]";
        else if (line == $"GET /ari/bridges/{Bridge}" || line.StartsWith("POST /ari/bridges?", StringComparison.Ordinal)) json = bridge;
        else if (line.StartsWith($"POST /ari/bridges/{Bridge}/addChannel?channel={Customer}", StringComparison.Ordinal)) seated = true;
        else if (line.StartsWith("GET /ari/recordings/stored/", StringComparison.Ordinal))
        {
            if (!stored) { ctx.Response.StatusCode = 404; return ctx.Response.WriteAsync("""{"message":"Recording not found"}"""); }
            json = $$"""{"name":"{{line["GET /ari/recordings/stored/".Length..]}}","format":"wav"}""";
        }
        else if (line.StartsWith("GET /ari/recordings/live/", StringComparison.Ordinal))
        {
            if (liveRecordingState is null) { ctx.Response.StatusCode = 404; return ctx.Response.WriteAsync("""{"message":"Recording not found"}"""); }
            json = $$"""{"name":"{{line["GET /ari/recordings/live/".Length..]}}","format":"wav","target_uri":"bridge:{{Bridge}}","state":"{{liveRecordingState}}"}""";
        }
        else if (line == $"GET /ari/channels/{Customer}") json = customer;
        else if (line == $"GET /ari/channels/{AgentLeg}") json = agent;
        else if ((others ?? []).FirstOrDefault(o => line == $"GET /ari/channels/{o.Id}") is { } o) json = extra[(others ?? []).ToList().IndexOf(o)];
        else if (line.StartsWith("GET /ari/channels/", StringComparison.Ordinal) && line.Contains("/variable?variable=", StringComparison.Ordinal))
        {
            var channel = line["GET /ari/channels/".Length..line.IndexOf("/variable", StringComparison.Ordinal)];
            var name = line[(line.IndexOf('=') + 1)..];
            if (variables.GetValueOrDefault(channel)?.GetValueOrDefault(name) is { } value) json = $$"""{"value":"{{value}}"}""";
            else { ctx.Response.StatusCode = 404; return ctx.Response.WriteAsync("""{"message":"Provided variable was not found"}"""); }
        }
        else if (line.Contains("eventFilter", StringComparison.Ordinal)) { ctx.Response.StatusCode = 404; return Task.CompletedTask; }
        if (json is null) { ctx.Response.StatusCode = 204; return Task.CompletedTask; }
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    };
    }

    private static Dictionary<string, Dictionary<string, string>> Variables(Guid? agentCall = null) => new()
    {
        [Customer] = new()
        {
            [TenantCallCenter.LegVariables.Role] = "customer",
            [TenantCallCenter.LegVariables.CallId] = CallId.ToString(),
            [TenantCallCenter.LegVariables.SkillGroup] = Group.ToString(),
            [TenantCallCenter.LegVariables.EnqueuedAt] = "1795338000000",
            [TenantCallCenter.LegVariables.AnsweredAt] = "1795338030000",
        },
        [AgentLeg] = new()
        {
            [TenantCallCenter.LegVariables.Role] = "agent",
            [TenantCallCenter.LegVariables.CallId] = (agentCall ?? CallId).ToString(),
            [TenantCallCenter.LegVariables.AgentId] = AgentId.ToString(),
        },
    };

    private async Task<(FakeAriServer Ari, AsteriskPbx Pbx, Recorder Handler, IAsyncDisposable[] Owned)> StartAsync(Dictionary<string, Dictionary<string, string>> variables,
        bool customerInBridge = true, string? liveRecordingState = null, bool stored = true, bool agentLegInBridge = true, IReadOnlyList<OtherLeg>? others = null)
    {
        var ari = await FakeAriServer.StartAsync();
        ari.Rest = Asterisk(variables, customerInBridge, liveRecordingState, stored, agentLegInBridge, others);
        var http = new HttpClient();
        var options = new AriOptions
        {
            BaseUrl = ari.BaseUrl, Username = "cti", Password = "secret", Application = "cti",
            Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200), JitterRatio = 0 },
        };
        var events = new AriEventStream(options);
        var pbx = new AsteriskPbx(new AriClient(http, options), events, null, new AsteriskPbxOptions(), new XunitLogger<AsteriskPbx>(output));
        var handler = new Recorder();
        pbx.Subscribe(handler);
        await pbx.StartAsync(waitForConnection: true).WithGuard();
        return (ari, pbx, handler, [pbx, events, ari]);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
    }

    [Fact]
    public async Task A_caller_bridged_with_the_calls_answered_agent_leg_is_reported_connected_and_both_legs_answer_to_commands_and_hang_ups()
    {
        var (ari, pbx, handler, owned) = await StartAsync(Variables());
        try
        {
            await Eventually(() => !handler.Legs.IsEmpty);

            var leg = Assert.Single(handler.Legs);
            Assert.Equal((Customer, "demo", "queue", Group.ToString()), (leg.LegId, leg.Tenant, leg.Purpose, leg.Target));
            Assert.Equal(new ResumedLeg(CallId, DateTimeOffset.FromUnixTimeMilliseconds(1795338000000),
                new ResumedConnection(AgentLeg, AgentId, DateTimeOffset.FromUnixTimeMilliseconds(1795338030000))), leg.Resumed);
            Assert.Contains(AgentLeg, pbx.TrackedLegs);
            Assert.Contains(Customer, pbx.TrackedLegs);

            await pbx.HoldAsync(Customer, null).WithGuard();  // the customer leaves the call's bridge: it is known again
            await pbx.HangupAsync(AgentLeg, CallEndReason.Normal).WithGuard();
            var requests = ari.Requests.Items.Select(r => r.Request).ToList();
            Assert.Contains($"POST /ari/bridges/{Bridge}/removeChannel?channel={Customer}", requests);
            Assert.Contains(requests, r => r.StartsWith($"DELETE /ari/channels/{AgentLeg}", StringComparison.Ordinal));

            var socket = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();
            await socket.SendAsync($$"""
                {"type":"ChannelDestroyed","application":"cti","timestamp":"2026-11-22T09:01:00.000+0000","cause":16,"cause_txt":"Normal Clearing",
                 "channel":{{Channel(Customer, "PJSIP/trunk-00000001", "cti,queue,demo,Sales")}}}
                """);
            await Eventually(() => !handler.Ended.IsEmpty);
            Assert.Equal((Customer, CallEndReason.Normal), Assert.Single(handler.Ended));
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task A_caller_held_out_of_the_bridge_with_the_agent_leg_alone_in_it_is_reported_held_and_resume_puts_it_back()
    {
        var variables = Variables();
        variables[Customer][TenantCallCenter.LegVariables.Held] = "1";
        var (ari, pbx, handler, owned) = await StartAsync(variables, customerInBridge: false);
        try
        {
            await Eventually(() => !handler.Legs.IsEmpty);

            var leg = Assert.Single(handler.Legs);
            Assert.Equal(new ResumedConnection(AgentLeg, AgentId, DateTimeOffset.FromUnixTimeMilliseconds(1795338030000), CustomerHeld: true), leg.Resumed!.Connected);
            Assert.Contains(AgentLeg, pbx.TrackedLegs);

            await pbx.ResumeAsync(Customer).WithGuard();

            var requests = ari.Requests.Items.Select(r => r.Request).ToList();
            Assert.Contains($"DELETE /ari/channels/{Customer}/moh", requests);
            Assert.Contains(requests, r => r.StartsWith($"POST /ari/bridges/{Bridge}/addChannel?channel={Customer}", StringComparison.Ordinal));
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Theory]
    [InlineData(null)] // a hold the previous process had just begun (not stored yet), or a self-service flow it was playing
    [InlineData("0")]  // the same after an earlier resume
    public async Task A_caller_out_of_the_bridge_while_the_agent_is_in_it_is_reported_held_whatever_its_leg_says(string? heldVariable)
    {
        var variables = Variables();
        if (heldVariable is not null) variables[Customer][TenantCallCenter.LegVariables.Held] = heldVariable;
        var (_, pbx, handler, owned) = await StartAsync(variables, customerInBridge: false);
        try
        {
            await Eventually(() => !handler.Legs.IsEmpty);

            Assert.True(Assert.Single(handler.Legs).Resumed!.Connected!.CustomerHeld);
            Assert.Contains(Customer, pbx.TrackedLegs);
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task A_waiting_caller_whose_agent_phone_still_rings_is_reported_with_the_offer_and_the_ringing_leg_is_subscribed_to()
    {
        var variables = Variables();
        variables[Customer].Remove(TenantCallCenter.LegVariables.AnsweredAt);
        var (ari, pbx, handler, owned) = await StartAsync(variables, agentLegInBridge: false);
        try
        {
            await Eventually(() => !handler.Legs.IsEmpty);

            var resumed = Assert.Single(handler.Legs).Resumed!;
            Assert.Null(resumed.Connected);
            Assert.Equal(new ResumedOffer(AgentLeg, AgentId), resumed.Ringing);
            Assert.Contains(AgentLeg, pbx.TrackedLegs);
            await ari.Requests.WaitAsync(r => r.Any(x => x.Request.StartsWith("POST /ari/applications/cti/subscription?eventSource=channel%3A" + AgentLeg, StringComparison.Ordinal)
                                                         || x.Request.StartsWith("POST /ari/applications/cti/subscription?eventSource=channel:" + AgentLeg, StringComparison.Ordinal))).WithGuard();
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task A_caller_in_the_app_with_nothing_stored_and_in_no_bridge_is_reported_as_the_new_caller_it_is()
    {
        var variables = Variables();
        variables[Customer] = new(); // the previous process stopped before it stored anything on the caller's leg
        var (_, pbx, handler, owned) = await StartAsync(variables, customerInBridge: false, agentLegInBridge: false);
        try
        {
            await Eventually(() => !handler.Legs.IsEmpty);

            var leg = Assert.Single(handler.Legs);
            Assert.Equal((Customer, "queue", "demo", "Sales", (ResumedLeg?)null), (leg.LegId, leg.Purpose, leg.Tenant, leg.Target, leg.Resumed));
            Assert.Contains(Customer, pbx.TrackedLegs);
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task A_queued_caller_not_yet_bridged_is_put_in_the_calls_bridge_on_music_and_reported_waiting()
    {
        var variables = Variables();
        variables[Customer].Remove(TenantCallCenter.LegVariables.AnsweredAt);
        variables[AgentLeg][TenantCallCenter.LegVariables.Role] = "other"; // no offer ringing for it
        var (ari, _, handler, owned) = await StartAsync(variables, customerInBridge: false, agentLegInBridge: false);
        try
        {
            await Eventually(() => !handler.Legs.IsEmpty);

            var resumed = Assert.Single(handler.Legs).Resumed!;
            Assert.Equal((CallId, (ResumedConnection?)null, (ResumedOffer?)null), (resumed.CallId, resumed.Connected, resumed.Ringing));
            var requests = ari.Requests.Items.Select(r => r.Request).ToList();
            Assert.Contains(requests, r => r.StartsWith($"POST /ari/bridges/{Bridge}/addChannel?channel={Customer}", StringComparison.Ordinal));
            Assert.Contains(requests, r => r.StartsWith($"POST /ari/bridges/{Bridge}/moh", StringComparison.Ordinal));
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task A_consultation_and_a_ringing_guest_are_reported_with_the_call_and_the_mutes_the_legs_kept()
    {
        const string consult = "cti-consult0123456789ab", guest = "cti-guest0123456789abcd";
        var bob = Guid.Parse("00000000-0000-0000-0000-000000000102");
        var variables = Variables();
        variables[AgentLeg][TenantCallCenter.LegVariables.Muted] = "1";
        variables[consult] = new()
        {
            [TenantCallCenter.LegVariables.Role] = "consult", [TenantCallCenter.LegVariables.CallId] = CallId.ToString(),
            [TenantCallCenter.LegVariables.AgentId] = bob.ToString(), [TenantCallCenter.LegVariables.Number] = "102",
        };
        variables[guest] = new()
        {
            [TenantCallCenter.LegVariables.Role] = "guest", [TenantCallCenter.LegVariables.CallId] = CallId.ToString(),
            [TenantCallCenter.LegVariables.Number] = "5559999",
        };
        var (_, pbx, handler, owned) = await StartAsync(variables, customerInBridge: false,
            others: [new OtherLeg(consult, Ringing: false), new OtherLeg(guest, Ringing: true)]);
        try
        {
            await Eventually(() => !handler.Legs.IsEmpty);

            var connected = Assert.Single(handler.Legs).Resumed!.Connected!;
            Assert.True(connected.CustomerHeld);
            Assert.True(connected.AgentMuted);
            Assert.Equal([new ResumedParty(consult, Consult: true, bob, "102", Answered: true), new ResumedParty(guest, Consult: false, null, "5559999", Answered: false)],
                connected.Parties!);
            Assert.Contains(consult, pbx.TrackedLegs);
            Assert.Contains(guest, pbx.TrackedLegs);
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Theory]
    [InlineData("paused", true, true)]
    [InlineData("recording", true, false)]
    [InlineData(null, false, false)] // Asterisk no longer has it live: it ended while no CtiBridge ran
    [InlineData(null, false, false, false)] // Asterisk never had it: the previous process stopped before asking for it
    public async Task The_calls_recordings_kept_on_the_callers_leg_are_reported_the_last_running_as_Asterisk_has_it(string? live, bool running, bool paused,
        bool stored = true)
    {
        var variables = Variables();
        var first = new ResumedRecording("demo-" + CallId.ToString("N") + "-1", DateTimeOffset.FromUnixTimeMilliseconds(1795338040000), AgentId);
        var second = new ResumedRecording("demo-" + CallId.ToString("N") + "-2", DateTimeOffset.FromUnixTimeMilliseconds(1795338050000), AgentId);
        variables[Customer][TenantCallCenter.LegVariables.Recordings] =
            TenantCallCenter.LegVariables.FormatRecordings(new ResumedRecordings([first, second], Running: true, Paused: false));
        var (_, _, handler, owned) = await StartAsync(variables, liveRecordingState: live, stored: stored);
        try
        {
            await Eventually(() => !handler.Legs.IsEmpty);

            Assert.Equal(new ResumedRecordings(stored ? [first, second] : [first], running, paused), Assert.Single(handler.Legs).Resumed!.Connected!.Recordings);
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task An_agent_leg_of_another_call_in_the_bridge_leaves_both_legs_alone()
    {
        var (ari, pbx, handler, owned) = await StartAsync(Variables(agentCall: Guid.NewGuid()));
        try
        {
            await ari.Requests.WaitAsync(r => r.Any(x => x.Request == $"GET /ari/channels/{AgentLeg}/variable?variable={TenantCallCenter.LegVariables.AgentId}")).WithGuard();
            await Task.Delay(300);

            Assert.Empty(handler.Legs);
            Assert.Empty(pbx.TrackedLegs);
            Assert.DoesNotContain(ari.Requests.Items, r => r.Request.StartsWith("DELETE", StringComparison.Ordinal) || r.Request.Contains("removeChannel", StringComparison.Ordinal));
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }
}
