using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.Observability;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Asterisk.Tests.Observability;

/// <summary>
/// The Asterisk clients' meter. It is process-wide and other tests run at the same time, so each test looks only at
/// measurements it alone can cause (a command or connection name no other test uses).
/// </summary>
public class AsteriskMetricsTests
{
    /// <summary>Records the meter's measurements while alive.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();

        public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

        public Recorder()
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AsteriskMetrics.MeterName) l.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        private void Add(Instrument i, double v, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var d = new Dictionary<string, object?>();
            foreach (var t in tags) d[t.Key] = t.Value;
            Measurements.Enqueue((i.Name, v, d));
        }

        public List<(double Value, Dictionary<string, object?> Tags)> Of(string instrument, string tag, string value) =>
            Measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(tag), value)).Select(m => (m.Value, m.Tags)).ToList();

        public void Dispose() => _listener.Dispose();
    }

    [Theory]
    [InlineData("POST", "channels/1795319139.18/answer", "POST channels/{id}/answer")]
    [InlineData("DELETE", "channels/cti-0a1b2c/ring", "DELETE channels/{id}/ring")]
    [InlineData("POST", "bridges/cti-4f3e/addChannel", "POST bridges/{id}/addChannel")]
    [InlineData("GET", "recordings/stored/cti-call1-1/file", "GET recordings/stored/{id}/file")]
    [InlineData("PUT", "applications/ctibridge/eventFilter", "PUT applications/{id}/eventFilter")]
    [InlineData("GET", "endpoints/PJSIP/demo-1001", "GET endpoints/{id}/{id}")]
    [InlineData("POST", "channels", "POST channels")]
    public void ARI_commands_are_labelled_by_method_and_path_template_never_by_ids(string method, string path, string expected) =>
        Assert.Equal(expected, AsteriskMetrics.AriCommand(new HttpMethod(method), path));

    [Fact]
    public async Task ARI_requests_record_their_latency_and_refusals_count_as_errors()
    {
        using var recorder = new Recorder();
        await using var server = await FakeAriServer.StartAsync();
        server.Rest = async (ctx, line) =>
        {
            if (line.StartsWith("DELETE /ari/channels/gone/ring", StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = 404;
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("""{"message":"Channel not found"}""");
            }
            else ctx.Response.StatusCode = 204;
        };
        var ari = new AriClient(new HttpClient(), new AriOptions { BaseUrl = server.BaseUrl, Username = "cti", Password = "secret", Application = "cti" });

        await ari.Channels.RingStopAsync("here").WithGuard();
        await Assert.ThrowsAsync<AriException>(() => ari.Channels.RingStopAsync("gone").WithGuard());

        var durations = recorder.Of("ctibridge.asterisk.command.duration", "command", "DELETE channels/{id}/ring");
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.Equal("ari", d.Tags["protocol"]));
        Assert.All(durations, d => Assert.InRange(d.Value, 0, 10));
        Assert.Equal(["refused", "success"], durations.Select(d => (string)d.Tags["outcome"]!).Order());
        var errors = recorder.Of("ctibridge.asterisk.command.errors", "command", "DELETE channels/{id}/ring");
        Assert.Equal("refused", Assert.Single(errors).Tags["outcome"]);
    }

    [Fact]
    public async Task AMI_actions_record_their_latency_and_error_responses_and_unconnected_sends_count_as_errors()
    {
        using var recorder = new Recorder();
        await using var server = new FakeAmiServer(FakeAmiServer.Standard(async (conn, action) =>
        {
            var response = action["Probe"] == "fail" ? "Error\nMessage: No such thing" : "Success";
            await conn.SendAsync($"Response: {response}\nActionID: {action.ActionId}\n\n");
        }));
        await using var client = new AmiClient(new AmiOptions { Host = "127.0.0.1", Port = server.Port, Username = "cti", Secret = "cti", KeepAliveInterval = TimeSpan.Zero });
        await using var unconnected = new AmiClient(new AmiOptions { Host = "127.0.0.1", Port = server.Port, Username = "cti", Secret = "cti" });
        await client.ConnectAsync().WithGuard();

        await client.SendActionAsync(new AmiAction("MetricsProbe").Add("Probe", "ok")).WithGuard();
        await client.SendActionAsync(new AmiAction("MetricsProbe").Add("Probe", "fail")).WithGuard();
        await Assert.ThrowsAsync<AmiNotConnectedException>(() => unconnected.SendActionAsync(new AmiAction("MetricsProbe")));

        var durations = recorder.Of("ctibridge.asterisk.command.duration", "command", "MetricsProbe");
        Assert.Equal(["not_connected", "refused", "success"], durations.Select(d => (string)d.Tags["outcome"]!).Order());
        Assert.All(durations, d => Assert.Equal("ami", d.Tags["protocol"]));
        Assert.Equal(["not_connected", "refused"],
            recorder.Of("ctibridge.asterisk.command.errors", "command", "MetricsProbe").Select(d => (string)d.Tags["outcome"]!).Order());
    }

    [Fact]
    public void A_lost_connection_counts_a_loss_and_coming_back_counts_a_reconnect_but_the_first_connection_does_not()
    {
        using var recorder = new Recorder();
        var name = "TEST-" + Guid.NewGuid().ToString("N")[..8];
        var tracker = new ConnectionStateTracker(name, this, NullLogger.Instance, TimeProvider.System);

        tracker.Set(ConnectionState.Connecting);
        tracker.Set(ConnectionState.Connected);
        tracker.Set(ConnectionState.Reconnecting, 1, reason: "socket closed");
        tracker.Set(ConnectionState.Reconnecting, 2, reason: "refused");
        tracker.Set(ConnectionState.Connected);
        tracker.Set(ConnectionState.Disconnected, reason: "disposed");

        Assert.Equal(2, recorder.Of("ctibridge.asterisk.connection.losses", "connection", name).Count);
        Assert.Single(recorder.Of("ctibridge.asterisk.reconnects", "connection", name));
        Assert.Equal([1.0, -1.0, 1.0, -1.0], recorder.Of("ctibridge.asterisk.connections", "connection", name).Select(m => m.Value));
    }
}
