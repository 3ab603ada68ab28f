using System.Collections.Concurrent;
using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.Domain.Calls;
using Microsoft.AspNetCore.Http;

namespace CtiBridge.Asterisk.Tests.Adapter;

/// <summary>Device states from AMI: DeviceStateChange events and the endpoint list read at login and on registrations.</summary>
public sealed class DeviceStateTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private sealed class DeviceRecorder : IPbxEventHandler
    {
        public ConcurrentQueue<DeviceStatus> Seen { get; } = new();
        public TaskCompletionSource RegisteredByEvent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnDeviceChanged(DeviceStatus status)
        {
            Seen.Enqueue(status);
            if (status is { Endpoint: "PJSIP/demo-1201", Registered: true }) RegisteredByEvent.TrySetResult();
        }

        public void OnIncomingLeg(IncomingLeg leg) { }
        public void OnLegAnswered(string legId) { }
        public ConcurrentQueue<(string LegId, CallEndReason Cause)> Ended { get; } = new();
        public void OnLegEnded(string legId, CallEndReason cause) => Ended.Enqueue((legId, cause));
        public void OnDtmf(string legId, char digit) { }
        public void OnPlaybackFinished(string legId) { }
        public void OnConnectionChanged(bool connected, string description) { }
    }

    /// <summary>The adapter on a fake AMI (and a fake ARI it connects to), started; AMI logged in (its resync reads the endpoint list).</summary>
    private sealed class Adapter : IAsyncDisposable
    {
        private readonly FakeAriServer _ari;
        private readonly HttpClient _http = new();
        private readonly AriEventStream _events;
        private readonly AmiClient _ami;
        public AsteriskPbx Pbx { get; }
        public FakeAriServer Ari => _ari;

        private Adapter(FakeAriServer ari, FakeAmiServer ami, IPbxEventHandler handler, Xunit.Abstractions.ITestOutputHelper output,
            AsteriskPbxOptions? options = null)
        {
            _ari = ari;
            var ariOptions = new AriOptions { BaseUrl = ari.BaseUrl, Username = "cti", Password = "secret", Application = "cti" };
            _events = new AriEventStream(ariOptions);
            _ami = new AmiClient(new AmiOptions { Host = "127.0.0.1", Port = ami.Port, Username = "cti", Secret = "cti" }, new XunitLogger<AmiClient>(output));
            Pbx = new AsteriskPbx(new AriClient(_http, ariOptions), _events, _ami, options ?? new AsteriskPbxOptions(), new XunitLogger<AsteriskPbx>(output));
            Pbx.Subscribe(handler);
        }

        public static async Task<Adapter> StartAsync(FakeAmiServer ami, IPbxEventHandler handler, Xunit.Abstractions.ITestOutputHelper output,
            AsteriskPbxOptions? options = null)
        {
            var adapter = new Adapter(await FakeAriServer.StartAsync(), ami, handler, output, options);
            await adapter.Pbx.StartAsync(waitForConnection: true).WithGuard();
            await adapter._ami.ConnectAsync().WithGuard();
            return adapter;
        }

        public async ValueTask DisposeAsync()
        {
            await Pbx.DisposeAsync();
            await _ami.DisposeAsync();
            await _events.DisposeAsync();
            _http.Dispose();
            await _ari.DisposeAsync();
        }
    }

    private static string EndpointList(string actionId, params (string Name, string State)[] endpoints) =>
        $"Response: Success\nActionID: {actionId}\nEventList: start\nMessage: A listing of Endpoints follows, presented as EndpointList events\n\n"
        + string.Concat(endpoints.Select(e => $"Event: EndpointList\nActionID: {actionId}\nObjectType: endpoint\nObjectName: {e.Name}\nDeviceState: {e.State}\nActiveChannels: 0\n\n"))
        + $"Event: EndpointListComplete\nActionID: {actionId}\nEventList: Complete\nListItems: {endpoints.Length}\n\n";

    [Fact]
    public async Task A_registration_reported_by_an_event_while_the_endpoint_list_was_on_its_way_is_not_undone_by_the_older_list()
    {
        var devices = new DeviceRecorder();
        // Asterisk answers the list (read at login) with the state from before the registration, and its device-state
        // thread publishes the registration meanwhile: the event reaches the adapter first, the older list after it.
        await using var amiServer = new FakeAmiServer(FakeAmiServer.Standard(async (conn, action) =>
        {
            if (action.Name != "PJSIPShowEndpoints") { await conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\n\n"); return; }
            await conn.SendAsync("Event: DeviceStateChange\nPrivilege: call,all\nDevice: PJSIP/demo-1201\nState: NOT_INUSE\n\n");
            await devices.RegisteredByEvent.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await conn.SendAsync(EndpointList(action.ActionId, ("demo-1201", "Unavailable"), ("demo-1202", "Not in use")));
        }));
        await using var adapter = await Adapter.StartAsync(amiServer, devices, output);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!devices.Seen.Any(d => d.Endpoint == "PJSIP/demo-1202") && DateTime.UtcNow < deadline) await Task.Delay(10);

        Assert.Contains(devices.Seen, d => d is { Endpoint: "PJSIP/demo-1202", Registered: true }); // the list was applied…
        Assert.True(adapter.Pbx.Devices["PJSIP/demo-1201"].Registered);                                     // …except the stale entry
        Assert.DoesNotContain(devices.Seen, d => d is { Endpoint: "PJSIP/demo-1201", Registered: false });
    }

    [Fact]
    public async Task A_device_asterisk_cannot_allocate_a_channel_for_is_reported_unavailable_then_read_again_and_reported_as_asterisk_has_it()
    {
        // A phone re-registered (device state NOT_INUSE reported) while Asterisk still cannot ring it: the originate to
        // it is answered 500 "Allocation failed" (as real Asterisk answers for a phone without a reachable contact:
        // AsteriskPbxTests). Asterisk publishes nothing new when its own state did not change, so the adapter reads the
        // endpoint again a moment later and reports what Asterisk says then.
        var devices = new DeviceRecorder();
        var reads = 0;
        await using var amiServer = new FakeAmiServer(FakeAmiServer.Standard((conn, action) => action.Name switch
        {
            "PJSIPShowEndpoints" => conn.SendAsync(EndpointList(action.ActionId)),
            "PJSIPShowEndpoint" when action["Endpoint"] == "demo-1201" && Interlocked.Increment(ref reads) > 0 => conn.SendAsync(
                $"Response: Success\nActionID: {action.ActionId}\nEventList: start\nMessage: Following are Events for each object associated with the Endpoint\n\n"
                + $"Event: EndpointDetail\nActionID: {action.ActionId}\nObjectType: endpoint\nObjectName: demo-1201\nDeviceState: Not in use\nActiveChannels: 0\n\n"
                + $"Event: EndpointDetailComplete\nActionID: {action.ActionId}\nEventList: Complete\nListItems: 1\n\n"),
            _ => conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\n\n"),
        }));
        await using var adapter = await Adapter.StartAsync(amiServer, devices, output,
            new AsteriskPbxOptions { RefusedDeviceRecheck = TimeSpan.FromMilliseconds(200) });
        var conn = await amiServer.Connections.Reader.ReadAsync();
        await conn.SendAsync("Event: DeviceStateChange\nPrivilege: call,all\nDevice: PJSIP/demo-1201\nState: NOT_INUSE\n\n");
        await devices.RegisteredByEvent.Task.WithGuard();
        adapter.Ari.Rest = async (ctx, _) =>
        {
            ctx.Response.StatusCode = 500;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"message\":\"Allocation failed\"}");
        };

        await adapter.Pbx.DialAsync(Guid.NewGuid(), "leg-offer-1", new DialTarget("PJSIP/demo-1201", "5551234", null,
            TimeSpan.FromSeconds(20), false, new Dictionary<string, string>())).WithGuard();

        Assert.Contains(devices.Ended, e => e == ("leg-offer-1", CallEndReason.Unreachable));
        Assert.Contains(new DeviceStatus("PJSIP/demo-1201", false, false), devices.Seen);   // reported unavailable at once

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!devices.Seen.Last().Registered && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(new DeviceStatus("PJSIP/demo-1201", true, false), devices.Seen.Last());  // Asterisk says Not in use
        Assert.Equal(1, Volatile.Read(ref reads));
    }

    [Fact]
    public async Task A_number_dialled_through_a_trunk_that_asterisk_refuses_reports_no_device()
    {
        var devices = new DeviceRecorder();
        await using var amiServer = new FakeAmiServer(FakeAmiServer.Standard((conn, action) => action.Name == "PJSIPShowEndpoints"
            ? conn.SendAsync(EndpointList(action.ActionId, ("demo-trunk", "Not in use")))
            : conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\n\n")));
        await using var adapter = await Adapter.StartAsync(amiServer, devices, output);
        adapter.Ari.Rest = async (ctx, _) => { ctx.Response.StatusCode = 500; await ctx.Response.WriteAsync("{\"message\":\"Allocation failed\"}"); };

        await adapter.Pbx.DialAsync(Guid.NewGuid(), "leg-remote-1", new DialTarget("PJSIP/0612345678@demo-trunk", "5551234", null,
            TimeSpan.FromSeconds(20), false, new Dictionary<string, string>())).WithGuard();

        Assert.Contains(devices.Ended, e => e == ("leg-remote-1", CallEndReason.Unreachable));
        Assert.DoesNotContain(devices.Seen, d => !d.Registered);
    }

    [Fact]
    public async Task A_registration_reads_that_endpoint_only_and_reports_its_state()
    {
        var devices = new DeviceRecorder();
        await using var amiServer = new FakeAmiServer(FakeAmiServer.Standard((conn, action) => action.Name switch
        {
            "PJSIPShowEndpoints" => conn.SendAsync(EndpointList(action.ActionId)),
            "PJSIPShowEndpoint" when action["Endpoint"] == "demo-1201" => conn.SendAsync(
                $"Response: Success\nActionID: {action.ActionId}\nEventList: start\nMessage: Following are Events for each object associated with the Endpoint\n\n"
                + $"Event: EndpointDetail\nActionID: {action.ActionId}\nObjectType: endpoint\nObjectName: demo-1201\nDeviceState: Not in use\nActiveChannels: 0\n\n"
                + $"Event: AorDetail\nActionID: {action.ActionId}\nObjectType: aor\nObjectName: demo-1201\n\n"
                + $"Event: EndpointDetailComplete\nActionID: {action.ActionId}\nEventList: Complete\nListItems: 2\n\n"),
            _ => conn.SendAsync($"Response: Error\nActionID: {action.ActionId}\nMessage: Unexpected {action.Name}\n\n"),
        }));
        await using var adapter = await Adapter.StartAsync(amiServer, devices, output);
        var conn = await amiServer.Connections.Reader.ReadAsync();

        await conn.SendAsync("Event: ContactStatus\nPrivilege: system,all\nURI: sip:demo-1201@127.0.0.1:5099\nContactStatus: Created\nAOR: demo-1201\nEndpointName: demo-1201\n\n");

        await devices.RegisteredByEvent.Task.WithGuard();
        lock (conn.Received)
        {
            Assert.Equal("demo-1201", conn.Received.Single(a => a.Name == "PJSIPShowEndpoint")["Endpoint"]);
            Assert.Single(conn.Received, a => a.Name == "PJSIPShowEndpoints"); // the one read at login, not one per registration
        }
    }

    [Fact]
    public async Task A_registration_read_before_asterisk_updated_the_device_state_is_read_again_and_reported_registered()
    {
        var devices = new DeviceRecorder();
        var reads = 0;
        await using var amiServer = new FakeAmiServer(FakeAmiServer.Standard((conn, action) => action.Name switch
        {
            "PJSIPShowEndpoints" => conn.SendAsync(EndpointList(action.ActionId, ("demo-1201", "Unavailable"))),
            // The first read comes before the device-state thread has the registration; no DeviceStateChange follows.
            "PJSIPShowEndpoint" when action["Endpoint"] == "demo-1201" => conn.SendAsync(
                $"Response: Success\nActionID: {action.ActionId}\nEventList: start\nMessage: Following are Events for each object associated with the Endpoint\n\n"
                + $"Event: EndpointDetail\nActionID: {action.ActionId}\nObjectType: endpoint\nObjectName: demo-1201\nDeviceState: {(Interlocked.Increment(ref reads) == 1 ? "Unavailable" : "Not in use")}\nActiveChannels: 0\n\n"
                + $"Event: EndpointDetailComplete\nActionID: {action.ActionId}\nEventList: Complete\nListItems: 1\n\n"),
            _ => conn.SendAsync($"Response: Error\nActionID: {action.ActionId}\nMessage: Unexpected {action.Name}\n\n"),
        }));
        await using var adapter = await Adapter.StartAsync(amiServer, devices, output, new AsteriskPbxOptions { RegisteredContactRecheck = TimeSpan.FromMilliseconds(100) });
        var conn = await amiServer.Connections.Reader.ReadAsync();

        await conn.SendAsync("Event: ContactStatus\nPrivilege: system,all\nURI: sip:demo-1201@127.0.0.1:5099\nContactStatus: Created\nAOR: demo-1201\nEndpointName: demo-1201\n\n");

        await devices.RegisteredByEvent.Task.WithGuard();
        Assert.Equal(2, Volatile.Read(ref reads));
    }
}
