using System.Collections.Concurrent;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.TestSupport;
using Microsoft.AspNetCore.Http;

namespace CtiBridge.Asterisk.Tests.Ari;

/// <summary>The ARI event stream and REST client against a loopback fake Asterisk (Kestrel).</summary>
public class AriClientTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Recorded = TestHelpers.ReadFixture("ari-ws-events-call2.jsonl")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static AriOptions Options(FakeAriServer server) => new()
    {
        BaseUrl = server.BaseUrl, Username = "cti", Password = "secret", Application = "cti",
        Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), JitterRatio = 0 },
    };

    private AriEventStream Stream(FakeAriServer server, TimeProvider? time = null) =>
        new(Options(server), new XunitLogger<AriEventStream>(output), time, () => 0.0);

    private AriClient Rest(FakeAriServer server) =>
        new(new HttpClient(), Options(server), new XunitLogger<AriClient>(output));

    [Fact]
    public async Task Connects_with_credentials_to_the_app_and_delivers_the_recorded_call_as_typed_events()
    {
        await using var server = await FakeAriServer.StartAsync();
        await using var stream = Stream(server);
        var events = new TestHelpers.Collector<AriEvent>();
        using var sub = stream.Subscribe((e, _) => { events.Add(e); return ValueTask.CompletedTask; },
            options: new EventSubscriptionOptions { Lanes = 1 });
        var resync = new TaskCompletionSource<ResyncReason>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.ResyncRequired += (_, e) => resync.TrySetResult(e.Reason);

        await stream.ConnectAsync().WithGuard();
        var socket = await server.Sockets.Reader.ReadAsync();
        Assert.Equal("?app=cti&subscribeAll=false", socket.Query);
        Assert.Equal(ResyncReason.Connected, await resync.Task.WithGuard());

        foreach (var line in Recorded) await socket.SendAsync(line);
        var got = await events.WaitForCountAsync(Recorded.Length);

        Assert.Equal(Recorded.Length, got.Count);
        Assert.DoesNotContain(got, e => e is AriUnknownEvent);
        Assert.IsType<StasisStartEvent>(got[0]);
        Assert.Equal(Recorded.Length, stream.EventsReceived);
        Assert.Equal(ConnectionState.Connected, stream.Status.State);
    }

    [Fact]
    public async Task Typed_subscriptions_and_the_async_stream_see_the_same_events()
    {
        await using var server = await FakeAriServer.StartAsync();
        await using var stream = Stream(server);
        var starts = new TestHelpers.Collector<StasisStartEvent>();
        using var sub = stream.Subscribe<StasisStartEvent>((e, _) => { starts.Add(e); return ValueTask.CompletedTask; });
        using var cts = new CancellationTokenSource(TestHelpers.Guard);
        var all = stream.ReadEventsAsync(cts.Token);
        await stream.ConnectAsync().WithGuard();
        var socket = await server.Sockets.Reader.ReadAsync();
        foreach (var line in Recorded) await socket.SendAsync(line);

        var types = new List<string>();
        await foreach (var e in all) { types.Add(e.Type); if (types.Count == Recorded.Length) break; }
        Assert.Equal(Recorded.Select(l => AriEventParser.Parse(l).Type), types);
        // Handlers run on per-channel lanes: ordered per channel, not across the two channels.
        Assert.Equal([["agent", "1795319139.18"], ["inbound", "5551000"]],
            (await starts.WaitForCountAsync(2)).Select(s => s.Args).OrderBy(a => a[0], StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_event_type_and_garbage_are_delivered_raw_and_the_stream_goes_on()
    {
        await using var server = await FakeAriServer.StartAsync();
        await using var stream = Stream(server);
        var events = new TestHelpers.Collector<AriEvent>();
        using var sub = stream.Subscribe((e, _) => { events.Add(e); return ValueTask.CompletedTask; });
        await stream.ConnectAsync().WithGuard();
        var socket = await server.Sockets.Reader.ReadAsync();

        await socket.SendAsync("""{"type":"ChannelTalkingStarted","timestamp":"2026-11-22T03:45:39.031+0000","channel":{"id":"1.1","name":"PJSIP/1"},"application":"cti"}""");
        await socket.SendAsync("""{"type":"StasisStart","channel":"not an object"}""");
        await socket.SendAsync("this is not json {");
        await socket.SendAsync(Recorded[0]);

        var got = await events.WaitForCountAsync(4);
        var talking = Assert.IsType<AriUnknownEvent>(got.Single(e => e.Type == "ChannelTalkingStarted"));
        Assert.Null(talking.Error);
        Assert.Equal("1.1", talking.OrderingKey);
        Assert.Equal("PJSIP/1", talking.Json!.Value.GetProperty("channel").GetProperty("name").GetString());
        var malformed = got.OfType<AriUnknownEvent>().Single(e => e.Type == "StasisStart");
        Assert.NotNull(malformed.Error);
        var garbage = got.OfType<AriUnknownEvent>().Single(e => e.RawJson == "this is not json {");
        Assert.Null(garbage.Json);
        Assert.Single(got.OfType<StasisStartEvent>());
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_after_backoff_and_asks_for_a_resync()
    {
        await using var server = await FakeAriServer.StartAsync();
        var time = new ManualTimeProvider();
        await using var stream = Stream(server, time);
        var resyncs = new TestHelpers.Collector<ResyncReason>();
        stream.ResyncRequired += (_, e) => resyncs.Add(e.Reason);
        var events = new TestHelpers.Collector<AriEvent>();
        using var sub = stream.Subscribe((e, _) => { events.Add(e); return ValueTask.CompletedTask; });
        await stream.ConnectAsync().WithGuard();
        var first = await server.Sockets.Reader.ReadAsync();
        await first.SendAsync(Recorded[0]);
        await events.WaitForCountAsync(1);

        first.Drop();
        var waiting = await TestHelpers.WaitForAsync(stream, s => s.RetryIn is not null);
        Assert.Equal(ConnectionState.Reconnecting, waiting.State);
        Assert.Equal(TimeSpan.FromSeconds(1), waiting.RetryIn);
        time.Advance(waiting.RetryIn!.Value);

        await TestHelpers.WaitForAsync(stream, s => s.State == ConnectionState.Connected);
        var second = await server.Sockets.Reader.ReadAsync();
        await second.SendAsync(Recorded[^1]);
        var got = await events.WaitForCountAsync(2);
        Assert.IsType<BridgeDestroyedEvent>(got[1]);
        Assert.Equal([ResyncReason.Connected, ResyncReason.Reconnected], await resyncs.WaitForCountAsync(2));
    }

    [Fact]
    public async Task A_half_written_frame_is_discarded_and_the_stream_reconnects()
    {
        await using var server = await FakeAriServer.StartAsync();
        var time = new ManualTimeProvider();
        await using var stream = Stream(server, time);
        var events = new TestHelpers.Collector<AriEvent>();
        using var sub = stream.Subscribe((e, _) => { events.Add(e); return ValueTask.CompletedTask; });
        await stream.ConnectAsync().WithGuard();
        var first = await server.Sockets.Reader.ReadAsync();

        await first.SendHalfThenDropAsync(Recorded[0]);
        var lost = await TestHelpers.WaitForAsync(stream, s => s.RetryIn is not null);
        Assert.False(string.IsNullOrEmpty(lost.LastError)); // "closed … without completing the close handshake" or "in the middle of a message"
        time.Advance(lost.RetryIn!.Value);
        var second = await server.Sockets.Reader.ReadAsync();
        await second.SendAsync(Recorded[1]);

        var got = await events.WaitForCountAsync(1);
        Assert.IsType<ChannelStateChangeEvent>(Assert.Single(got)); // nothing of the broken frame came through
    }

    [Fact]
    public async Task A_slow_server_sending_an_event_in_tiny_fragments_is_reassembled()
    {
        await using var server = await FakeAriServer.StartAsync();
        await using var stream = Stream(server);
        var events = new TestHelpers.Collector<AriEvent>();
        using var sub = stream.Subscribe((e, _) => { events.Add(e); return ValueTask.CompletedTask; });
        await stream.ConnectAsync().WithGuard();
        var socket = await server.Sockets.Reader.ReadAsync();
        var longest = Recorded.OrderByDescending(l => l.Length).First();

        await socket.SendFragmentedAsync(longest, 3);

        var e = Assert.Single(await events.WaitForCountAsync(1));
        Assert.False(e is AriUnknownEvent);
        Assert.Equal(AriEventParser.Parse(longest).ToString(), e.ToString());
    }

    [Fact]
    public async Task Refused_credentials_keep_it_reconnecting_with_the_reason_in_the_status()
    {
        await using var server = await FakeAriServer.StartAsync();
        server.RejectCredentials = true;
        var time = new ManualTimeProvider();
        await using var stream = Stream(server, time);
        stream.Start();

        var s1 = await TestHelpers.WaitForAsync(stream, s => s.Attempt == 1 && s.RetryIn is not null);
        Assert.Contains("401", s1.LastError);
        Assert.Contains("'cti'", s1.LastError);
        time.Advance(s1.RetryIn!.Value);
        var s2 = await TestHelpers.WaitForAsync(stream, s => s.Attempt == 2 && s.RetryIn is not null);
        Assert.Equal(TimeSpan.FromSeconds(2), s2.RetryIn);
        Assert.False(stream.IsConnected);
    }

    [Fact]
    public async Task A_REST_call_from_inside_an_event_handler_completes_and_handler_errors_are_contained()
    {
        await using var server = await FakeAriServer.StartAsync();
        await using var stream = Stream(server);
        var ari = Rest(server);
        var answered = new TestHelpers.Collector<string>();
        using var sub = stream.Subscribe<StasisStartEvent>(async (e, ct) =>
        {
            if (e.Args[0] == "inbound") throw new InvalidOperationException("the customer's handler fails");
            await ari.Channels.AnswerAsync(e.Channel.Id, ct);
            answered.Add(e.Channel.Id);
        });
        await stream.ConnectAsync().WithGuard();
        var socket = await server.Sockets.Reader.ReadAsync();

        foreach (var line in Recorded) await socket.SendAsync(line);

        Assert.Equal(["1795319143.21"], await answered.WaitForCountAsync(1));
        var requests = await server.Requests.WaitForCountAsync(1);
        Assert.Equal("POST /ari/channels/1795319143.21/answer", requests[0].Request);
    }

    [Fact]
    public async Task A_stuck_handler_does_not_stop_the_reader_or_other_channels_and_overflow_requests_a_resync()
    {
        await using var server = await FakeAriServer.StartAsync();
        await using var stream = Stream(server);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new TestHelpers.Collector<string>();
        using var sub = stream.Subscribe(async (e, _) =>
        {
            if (e.OrderingKey == "stuck") await gate.Task;
            handled.Add(e.OrderingKey!);
        }, options: new EventSubscriptionOptions { Lanes = 64, QueueCapacity = 3 });
        var resync = new TaskCompletionSource<ResyncEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.ResyncRequired += (_, e) => { if (e.Reason == ResyncReason.EventsDropped) resync.TrySetResult(e); };
        await stream.ConnectAsync().WithGuard();
        var socket = await server.Sockets.Reader.ReadAsync();

        string Ev(string id) => $$"""{"type":"ChannelStateChange","timestamp":"2026-11-22T03:45:41.222+0000","channel":{"id":"{{id}}","name":"PJSIP/x","state":"Up"},"application":"cti"}""";
        // Pick a key on another lane than "stuck".
        var other = Enumerable.Range(0, 1000).Select(i => "c" + i)
            .First(k => string.GetHashCode(k.AsSpan(), StringComparison.Ordinal) % 64 != string.GetHashCode("stuck".AsSpan(), StringComparison.Ordinal) % 64
                        && HashLane(k) != HashLane("stuck"));
        for (int i = 0; i < 20; i++) await socket.SendAsync(Ev("stuck"));
        await socket.SendAsync(Ev(other));

        Assert.Contains(other, await handled.WaitAsync(l => l.Contains(other)));
        var e = await resync.Task.WithGuard();
        Assert.True(e.DroppedEvents > 0);
        Assert.Equal(21, stream.EventsReceived);
        gate.SetResult();
    }

    private static int HashLane(string key) => (int)((uint)string.GetHashCode(key.AsSpan(), StringComparison.Ordinal) % 64u);

    [Fact]
    public async Task Events_of_one_channel_keep_their_order_across_parallel_lanes()
    {
        await using var server = await FakeAriServer.StartAsync();
        await using var stream = Stream(server);
        var seen = new ConcurrentDictionary<string, List<string>>();
        var count = new TestHelpers.Collector<int>();
        using var sub = stream.Subscribe(async (e, _) =>
        {
            await Task.Yield();
            var v = (ChannelVarsetEvent)e;
            var list = seen.GetOrAdd(v.Channel!.Id, _ => []);
            lock (list) list.Add(v.Value);
            count.Add(0);
        });
        await stream.ConnectAsync().WithGuard();
        var socket = await server.Sockets.Reader.ReadAsync();
        for (int i = 0; i < 400; i++)
            await socket.SendAsync($$"""{"type":"ChannelVarset","timestamp":"2026-11-22T03:45:41.222+0000","variable":"SEQ","value":"{{i:D4}}","channel":{"id":"chan-{{i % 7}}","name":"PJSIP/x","state":"Up"},"application":"cti"}""");
        await count.WaitForCountAsync(400);
        Assert.Equal(7, seen.Count);
        foreach (var list in seen.Values) Assert.Equal(list.Order(StringComparer.Ordinal), list);
    }

    [Fact]
    public async Task REST_calls_send_the_documented_requests_and_read_typed_answers()
    {
        await using var server = await FakeAriServer.StartAsync();
        var ari = Rest(server);
        var channelJson = """{"id":"1795319143.21","name":"PJSIP/1001-00000007","state":"Down","caller":{"name":"Customer","number":"+15551234567"},"connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"internal","exten":"s","priority":1,"app_name":"AppDial2","app_data":"(Outgoing Line)"},"creationtime":"2026-11-22T03:45:43.734+0000","language":"en"}""";
        server.Rest = async (ctx, line) =>
        {
            if (ctx.Request.Headers.Authorization != server.ExpectedAuthorization) { ctx.Response.StatusCode = 401; return; }
            if (line.StartsWith("POST /ari/channels?", StringComparison.Ordinal)) { ctx.Response.ContentType = "application/json"; await ctx.Response.WriteAsync(channelJson); }
            else if (line.StartsWith("POST /ari/bridges?", StringComparison.Ordinal))
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("""{"id":"b1","technology":"simple_bridge","bridge_type":"mixing","bridge_class":"stasis","creator":"Stasis","name":"cti-call1","channels":[],"creationtime":"2026-11-22T03:45:41.296+0000","video_mode":"talker"}""");
            }
            else if (line.StartsWith("GET /ari/recordings/stored/cti-call1/file", StringComparison.Ordinal)) { ctx.Response.ContentType = "audio/wav"; await ctx.Response.Body.WriteAsync("RIFF....WAVE"u8.ToArray()); }
            else if (line.StartsWith("DELETE /ari/channels/gone", StringComparison.Ordinal)) { ctx.Response.StatusCode = 404; ctx.Response.ContentType = "application/json"; await ctx.Response.WriteAsync("""{"message":"Channel not found"}"""); }
            else ctx.Response.StatusCode = 204;
        };

        var ch = await ari.Channels.OriginateAsync(new AriOriginateRequest
        {
            Endpoint = "PJSIP/1001", AppArgs = "agent,1795319139.18", CallerId = "\"Customer\" <+15551234567>", Timeout = 20,
            Variables = new Dictionary<string, string> { ["CTI_QUEUE"] = "sales" },
        }).WithGuard();
        Assert.Equal("1795319143.21", ch.Id);
        Assert.Equal("Down", ch.State);

        var bridge = await ari.Bridges.CreateAsync("mixing", "cti-call1").WithGuard();
        Assert.Equal("b1", bridge.Id);
        await ari.Bridges.AddChannelAsync("b1", "1795319139.18").WithGuard();
        await ari.Bridges.StartMohAsync("b1", "default").WithGuard();
        await ari.Channels.HoldAsync("1795319139.18").WithGuard();
        await ari.Channels.SnoopAsync("1795319139.18", spy: "both", whisper: "out", appArgs: "supervise").WithGuard().ContinueWith(_ => { });
        await ari.Recordings.PauseAsync("cti-call1").WithGuard();
        using var wav = new MemoryStream();
        Assert.Equal("audio/wav", await ari.Recordings.DownloadStoredAsync("cti-call1", wav).WithGuard());
        Assert.Equal("RIFF....WAVE"u8.ToArray(), wav.ToArray());
        var notFound = await Assert.ThrowsAsync<AriException>(() => ari.Channels.HangupAsync("gone", "normal").WithGuard());
        Assert.True(notFound.IsNotFound);
        Assert.Equal("Channel not found", notFound.AsteriskMessage);
        Assert.Contains("DELETE /ari/channels/gone?reason=normal failed: 404", notFound.Message);

        var requests = server.Requests.Items;
        Assert.Equal("POST /ari/channels?endpoint=PJSIP%2F1001&app=cti&appArgs=agent%2C1795319139.18&callerId=%22Customer%22%20%3C%2B15551234567%3E&timeout=20", requests[0].Request);
        Assert.Equal("""{"variables":{"CTI_QUEUE":"sales"}}""", requests[0].Body);
        Assert.Equal("POST /ari/bridges?type=mixing&name=cti-call1", requests[1].Request);
        Assert.Equal("POST /ari/bridges/b1/addChannel?channel=1795319139.18", requests[2].Request);
        Assert.Equal("POST /ari/bridges/b1/moh?mohClass=default", requests[3].Request);
        Assert.Equal("POST /ari/channels/1795319139.18/hold", requests[4].Request);
        Assert.Equal("POST /ari/channels/1795319139.18/snoop?spy=both&whisper=out&app=cti&appArgs=supervise", requests[5].Request);
        Assert.Equal("POST /ari/recordings/live/cti-call1/pause", requests[6].Request);
    }

    [Fact]
    public async Task An_unreachable_server_is_an_AriException_that_says_so()
    {
        var ari = new AriClient(new HttpClient(), new AriOptions { BaseUrl = "http://127.0.0.1:1", Username = "u", Password = "p" });
        var ex = await Assert.ThrowsAsync<AriException>(() => ari.Asterisk.PingAsync().WithGuard());
        Assert.Null(ex.StatusCode);
        Assert.Contains("GET /ari/asterisk/ping failed", ex.Message);
    }
}
