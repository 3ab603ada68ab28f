using System.Text.Json;
using System.Text.RegularExpressions;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Tests.Fakes;

namespace CtiBridge.Asterisk.Tests.Ari;

/// <summary>The ARI event reader and models on traffic recorded from a real Asterisk 22.10.1.</summary>
public class AriTranscriptTests
{
    private static List<(string Json, AriEvent Event)> Events(string fixture) =>
        TestHelpers.ReadFixture(fixture).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => (l, AriEventParser.Parse(l))).ToList();

    [Theory]
    [InlineData("ari-ws-events-call2.jsonl")]
    [InlineData("ari-ws-events-call1-subscribeAll.jsonl")]
    public void Every_recorded_event_becomes_its_typed_record(string fixture)
    {
        var events = Events(fixture);
        Assert.NotEmpty(events);
        foreach (var (json, e) in events)
        {
            Assert.False(e is AriUnknownEvent, $"not typed: {(e as AriUnknownEvent)?.Error} {json}");
            using var doc = JsonDocument.Parse(json);
            Assert.Equal(doc.RootElement.GetProperty("type").GetString(), e.Type);
            Assert.Equal("cti", e.Application);
            Assert.Equal("02:fc:00:00:00:01", e.AsteriskId);
            Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero).Date, e.Timestamp.UtcDateTime.Date);
            Assert.NotNull(e.OrderingKey);
        }
    }

    [Fact]
    public void A_recorded_call_reads_as_the_story_it_was()
    {
        var events = Events("ari-ws-events-call2.jsonl").Select(x => x.Event).ToList();

        var start = Assert.IsType<StasisStartEvent>(events[0]);
        Assert.Equal(["inbound", "5551000"], start.Args);
        Assert.Equal("1795319139.18", start.Channel.Id);
        Assert.Equal("PJSIP/trunk-00000006", start.Channel.Name);
        Assert.Equal("Ring", start.Channel.State);
        Assert.Equal("Customer", start.Channel.Caller.Name);
        Assert.Equal("+15551234567", start.Channel.Caller.Number);
        Assert.Equal("from-trunk", start.Channel.Dialplan!.Context);
        Assert.Equal(2, start.Channel.Dialplan.Priority);
        Assert.Equal("cti,inbound,5551000", start.Channel.Dialplan.AppData);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 45, 39, 31, TimeSpan.Zero), start.Timestamp);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 45, 39, 30, TimeSpan.Zero), start.Channel.CreationTime);
        Assert.Equal("1795319139.18", start.OrderingKey);

        var up = events.OfType<ChannelStateChangeEvent>().First();
        Assert.True(up.Channel.IsUp);

        var entered = events.OfType<ChannelEnteredBridgeEvent>().First();
        Assert.Equal("457685ab-99b1-4fd4-9aa8-d10f6bed3786", entered.Bridge.Id);
        Assert.Equal("mixing", entered.Bridge.BridgeType);
        Assert.Equal(["1795319139.18"], entered.Bridge.Channels);
        Assert.Equal("1795319139.18", entered.Channel!.Id);

        var dials = events.OfType<DialEvent>().ToList();
        Assert.Equal(3, dials.Count);
        Assert.Equal("1001", dials[0].DialString);
        Assert.Equal("", dials[0].DialStatus);
        Assert.Equal("1795319143.21", dials[0].Peer.Id);
        Assert.Equal("1795319143.21", dials[0].OrderingKey);
        Assert.Contains(dials, d => d.DialStatus == "ANSWER");

        var agentStart = events.OfType<StasisStartEvent>().Last();
        Assert.Equal(["agent", "1795319139.18"], agentStart.Args);

        var recStarted = events.OfType<RecordingStartedEvent>().Single();
        Assert.Equal("cti-call1", recStarted.Recording.Name);
        Assert.Equal("recording", recStarted.Recording.State);
        Assert.Equal("457685ab-99b1-4fd4-9aa8-d10f6bed3786", recStarted.OrderingKey); // from target_uri bridge:<id>
        var recFinished = events.OfType<RecordingFinishedEvent>().Single();
        Assert.Equal(5, recFinished.Recording.Duration);
        Assert.Equal("done", recFinished.Recording.State);

        var hangup = events.OfType<ChannelHangupRequestEvent>().First();
        Assert.NotNull(hangup.Cause);

        var destroyed = events.OfType<ChannelDestroyedEvent>().Single();
        Assert.False(string.IsNullOrEmpty(destroyed.CauseTxt));

        Assert.Equal(2, events.OfType<StasisEndEvent>().Count());
        Assert.IsType<BridgeDestroyedEvent>(events.Last(e => e is AriBridgeEvent));

        var varsets = events.OfType<ChannelVarsetEvent>().ToList();
        Assert.Equal(49, varsets.Count);
        Assert.All(varsets, v => Assert.False(string.IsNullOrEmpty(v.Variable)));
    }

    [Fact]
    public void SubscribeAll_adds_device_states_created_channels_and_caller_id()
    {
        var events = Events("ari-ws-events-call1-subscribeAll.jsonl").Select(x => x.Event).ToList();
        var device = events.OfType<DeviceStateChangedEvent>().First();
        Assert.False(string.IsNullOrEmpty(device.DeviceState.Name));
        Assert.False(string.IsNullOrEmpty(device.DeviceState.State));
        Assert.Equal(device.DeviceState.Name, device.OrderingKey);
        Assert.Equal(9, events.OfType<DeviceStateChangedEvent>().Count());
        Assert.Equal(2, events.OfType<ChannelCreatedEvent>().Count());
        Assert.Single(events.OfType<BridgeCreatedEvent>());
        var callerId = events.OfType<ChannelCallerIdEvent>().Single();
        Assert.False(string.IsNullOrEmpty(callerId.CallerPresentationTxt));
        Assert.Equal(3, events.OfType<ChannelDialplanEvent>().Count());
        // Recorded duplicates (byte for byte) parse to equal records, so handlers can be idempotent.
        var recStarted = events.OfType<RecordingStartedEvent>().ToList();
        Assert.Equal(2, recStarted.Count);
        Assert.Equal(recStarted[0], recStarted[1]);
    }

    [Fact]
    public void Recorded_REST_responses_read_into_the_typed_models()
    {
        var text = TestHelpers.ReadFixture("ari-rest-calls-call2.txt");
        var blocks = Regex.Split(text, @"^### ", RegexOptions.Multiline)
            .Select(b => b.Split('\n')).Where(l => l.Length > 1 && l[0].Contains(' ')).ToList();
        string Body(string requestPrefix) =>
            blocks.First(b => b[0].Split(' ', 2)[1].StartsWith(requestPrefix, StringComparison.Ordinal))[1];

        var bridge = JsonSerializer.Deserialize(Body("POST /bridges?type=mixing"), AriJsonContext.Default.AriBridge)!;
        Assert.Equal("457685ab-99b1-4fd4-9aa8-d10f6bed3786", bridge.Id);
        Assert.Equal("simple_bridge", bridge.Technology);
        Assert.Equal("cti-call1", bridge.Name);
        Assert.Equal("Stasis", bridge.Creator);
        Assert.Empty(bridge.Channels);
        Assert.Equal("talker", bridge.VideoMode);

        var originated = JsonSerializer.Deserialize(Body("POST /channels?endpoint=PJSIP/1001"), AriJsonContext.Default.AriChannel)!;
        Assert.Equal("1795319143.21", originated.Id);
        Assert.Equal("Down", originated.State);
        Assert.Equal("AppDial2", originated.Dialplan!.AppName);

        var recording = JsonSerializer.Deserialize(Body("POST /bridges/457685ab-99b1-4fd4-9aa8-d10f6bed3786/record"), AriJsonContext.Default.AriLiveRecording)!;
        Assert.Equal("queued", recording.State);
        Assert.Equal("bridge:457685ab-99b1-4fd4-9aa8-d10f6bed3786", recording.TargetUri);

        var channels = JsonSerializer.Deserialize(Body("GET /channels"), AriJsonContext.Default.ListAriChannel)!;
        Assert.Equal(["1795319139.18", "1795319143.21"], channels.Select(c => c.Id));
        Assert.All(channels, c => Assert.True(c.IsUp));

        var stored = JsonSerializer.Deserialize(Body("GET /recordings/stored"), AriJsonContext.Default.ListAriStoredRecording)!;
        Assert.Equal("cti-call1", Assert.Single(stored).Name);

        var info = JsonSerializer.Deserialize(TestHelpers.ReadFixture("ari-asterisk-info.json"), AriJsonContext.Default.AriAsteriskInfo)!;
        Assert.Equal("22.10.1", info.System!.Version);
        Assert.Equal("02:fc:00:00:00:01", info.System.EntityId);
        Assert.Equal("x86_64", info.Build!.Machine);
        Assert.Equal("en", info.Config!.DefaultLanguage);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 42, 38, 916, TimeSpan.Zero), info.Status!.StartupTime);

        var endpoints = JsonSerializer.Deserialize(TestHelpers.ReadFixture("ari-endpoints.json"), AriJsonContext.Default.ListAriEndpoint)!;
        Assert.Equal(4, endpoints.Count);
        Assert.Equal(("PJSIP", "trunk", "online"), (endpoints[3].Technology, endpoints[3].Resource, endpoints[3].State));
        Assert.Equal("offline", endpoints[0].State);
    }

    [Fact]
    public void Every_event_type_the_product_needs_is_modelled_with_every_documented_property()
    {
        using var doc = JsonDocument.Parse(TestHelpers.ReadFixture("ari-api-docs-events.json"));
        var models = doc.RootElement.GetProperty("models");
        string[] needed =
        [
            "StasisStart", "StasisEnd", "ChannelCreated", "ChannelDestroyed", "ChannelStateChange", "ChannelHangupRequest",
            "ChannelEnteredBridge", "ChannelLeftBridge", "ChannelDtmfReceived", "ChannelHold", "ChannelUnhold", "ChannelVarset",
            "ChannelCallerId", "Dial", "BridgeCreated", "BridgeDestroyed", "PlaybackStarted", "PlaybackFinished",
            "RecordingStarted", "RecordingFinished", "RecordingFailed", "EndpointStateChange", "DeviceStateChanged", "ApplicationReplaced",
        ];
        foreach (var type in needed)
        {
            Assert.Contains(type, AriEventParser.KnownTypes);
            Assert.True(models.TryGetProperty(type, out var model), type + " missing from the ARI docs");
            var info = AriJsonContext.Default.GetTypeInfo(AriEventParser.Parse($"{{\"type\":\"{type}\"}}") is AriUnknownEvent
                ? TypeOfEvent(type) : TypeOfEvent(type))!;
            var ours = info.Properties.Select(p => p.Name).ToHashSet();
            foreach (var prop in model.GetProperty("properties").EnumerateObject())
                Assert.True(ours.Contains(prop.Name), $"{type}.{prop.Name} is not mapped");
        }
    }

    private static Type TypeOfEvent(string type) =>
        typeof(AriEvent).Assembly.GetType("CtiBridge.Asterisk.Ari." + type + "Event") ?? throw new InvalidOperationException(type);
}
