using System.Collections.Concurrent;
using System.Text.Json;
using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.Domain.Calls;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CtiBridge.Asterisk.Tests.Adapter;

/// <summary>The ARI event filter: the adapter asks Asterisk for the event types it handles, after every (re)connect.</summary>
public sealed class EventFilterTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string FilterRequest = "PUT /ari/applications/cti/eventFilter";

    private sealed class LegRecorder : IPbxEventHandler
    {
        public ConcurrentQueue<IncomingLeg> Legs { get; } = new();
        public void OnIncomingLeg(IncomingLeg leg) => Legs.Enqueue(leg);
        public void OnLegAnswered(string legId) { }
        public void OnLegEnded(string legId, CallEndReason cause) { }
        public void OnDtmf(string legId, char digit) { }
        public void OnPlaybackFinished(string legId) { }
        public void OnDeviceChanged(DeviceStatus status) { }
        public void OnConnectionChanged(bool connected, string description) { }
    }

    private static AriOptions Options(FakeAriServer ari, IList<string>? allowed) => new()
    {
        BaseUrl = ari.BaseUrl, Username = "cti", Password = "secret", Application = "cti", AllowedEvents = allowed,
        Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200), JitterRatio = 0 },
    };

    private static IReadOnlyList<string> AllowedTypesIn(string body)
    {
        using var doc = JsonDocument.Parse(body);
        Assert.Empty(doc.RootElement.GetProperty("disallowed").EnumerateArray());
        return doc.RootElement.GetProperty("allowed").EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
    }

    [Fact]
    public async Task The_adapter_sets_the_filter_to_the_events_it_handles_on_connect_and_again_after_a_reconnect()
    {
        await using var ari = await FakeAriServer.StartAsync();
        using var http = new HttpClient();
        var options = Options(ari, AsteriskPbx.AriEventsUsed.ToList());
        await using var events = new AriEventStream(options);
        await using var pbx = new AsteriskPbx(new AriClient(http, options), events, null, new AsteriskPbxOptions(), new XunitLogger<AsteriskPbx>(output));
        pbx.Subscribe(new LegRecorder());
        await pbx.StartAsync(waitForConnection: true).WithGuard();

        var first = await ari.Requests.WaitAsync(r => r.Any(x => x.Request == FilterRequest)).WithGuard();
        var allowed = AllowedTypesIn(first.First(x => x.Request == FilterRequest).Body);
        Assert.Equal(AsteriskPbx.AriEventsUsed.Order(), allowed.Order());
        Assert.DoesNotContain("ChannelVarset", allowed);

        // Asterisk keeps the filter with the application, but a new Asterisk (restart) would not have it: set it again.
        (await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard()).Drop();
        await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();
        await ari.Requests.WaitAsync(r => r.Count(x => x.Request == FilterRequest) == 2).WithGuard();
    }

    [Fact]
    public async Task An_Asterisk_that_refuses_the_filter_leaves_the_stream_unfiltered_and_calls_still_work()
    {
        await using var ari = await FakeAriServer.StartAsync();
        ari.Rest = (ctx, line) =>
        {
            ctx.Response.StatusCode = line == FilterRequest ? 404 : line.StartsWith("GET /ari/channels", StringComparison.Ordinal) ? 200 : 204;
            return line.StartsWith("GET /ari/channels", StringComparison.Ordinal) ? ctx.Response.WriteAsync("[]") : Task.CompletedTask;
        };
        using var http = new HttpClient();
        var options = Options(ari, AsteriskPbx.AriEventsUsed.ToList());
        await using var events = new AriEventStream(options);
        await using var pbx = new AsteriskPbx(new AriClient(http, options), events, null, new AsteriskPbxOptions(), new XunitLogger<AsteriskPbx>(output));
        var legs = new LegRecorder();
        pbx.Subscribe(legs);
        await pbx.StartAsync(waitForConnection: true).WithGuard();
        var socket = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();
        await ari.Requests.WaitAsync(r => r.Any(x => x.Request == FilterRequest)).WithGuard();

        await socket.SendAsync("""{"type":"ChannelVarset","variable":"BRIDGEPEER","value":"x","application":"cti","timestamp":"2026-11-22T09:00:00.000+0000"}""");
        await socket.SendAsync("""
            {"type":"StasisStart","application":"cti","timestamp":"2026-11-22T09:00:00.000+0000","args":["queue","demo","Sales"],
             "channel":{"id":"1795338575.1","name":"PJSIP/trunk-00000001","state":"Ring","caller":{"name":"","number":"5551234"},
             "connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"from-trunk","exten":"7001","priority":1,"app_name":"Stasis","app_data":""},
             "creationtime":"2026-11-22T09:00:00.000+0000","language":"en"}}
            """);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (legs.Legs.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Contains(legs.Legs, l => l.LegId == "1795338575.1");
    }

    [Fact]
    public void The_service_registration_adds_the_adapters_events_to_the_configured_ones()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Asterisk:Ari:AllowedEvents:0"] = "ChannelEnteredBridge",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAsteriskPbx(config);
        using var sp = services.BuildServiceProvider();
        var allowed = sp.GetRequiredService<IOptions<AriOptions>>().Value.AllowedEvents!;

        Assert.Contains("ChannelEnteredBridge", allowed);
        Assert.All(AsteriskPbx.AriEventsUsed, t => Assert.Contains(t, allowed));
        Assert.Equal(allowed.Count, allowed.Distinct().Count());
    }

    [Theory]
    [InlineData("Stasis Start")]
    [InlineData("ChannelVarset\"}")]
    [InlineData("")]
    public void A_misspelt_event_type_is_refused_when_the_client_is_built(string bad)
    {
        var options = new AriOptions { BaseUrl = "http://127.0.0.1:8088", AllowedEvents = ["StasisStart", bad] };
        using var http = new HttpClient();
        var ex = Assert.Throws<ArgumentException>(() => new AriClient(http, options));
        Assert.Contains("not an ARI event type", ex.Message);
    }
}
