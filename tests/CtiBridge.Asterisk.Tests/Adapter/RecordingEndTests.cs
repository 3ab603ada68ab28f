using System.Collections.Concurrent;
using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.Domain.Calls;
using Microsoft.AspNetCore.Http;

namespace CtiBridge.Asterisk.Tests.Adapter;

/// <summary>
/// A recording Asterisk ends while no one asked (its <c>RecordingFinished</c> or <c>RecordingFailed</c>, as recorded from a
/// real Asterisk 22) is reported to the call center with its call; one ended by a stop asked through the port, or with the
/// call's bridge, is not.
/// </summary>
public sealed class RecordingEndTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Name = "cti-call1";

    /// <summary>The recorded event of a real Asterisk 22 (fixture ari-ws-events-call2.jsonl), for <see cref="Name"/>.</summary>
    private static string Finished() => TestHelpers.ReadFixture("ari-ws-events-call2.jsonl")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Single(l => l.Contains("\"RecordingFinished\"", StringComparison.Ordinal) && l.Contains(Name, StringComparison.Ordinal));

    private const string Failed = """
        {"type":"RecordingFailed","timestamp":"2026-12-06T04:10:00.000+0000","recording":{"name":"cti-call1","format":"wav","state":"failed","cause":"No audio","target_uri":"bridge:x"},"application":"cti"}
        """;

    private sealed class Recorder : IPbxEventHandler
    {
        public ConcurrentQueue<(Guid CallId, string Name, string? Failure)> Ended { get; } = new();
        public void OnIncomingLeg(IncomingLeg leg) { }
        public void OnLegAnswered(string legId) { }
        public void OnLegEnded(string legId, CallEndReason cause) { }
        public void OnDtmf(string legId, char digit) { }
        public void OnPlaybackFinished(string legId) { }
        public void OnDeviceChanged(DeviceStatus status) { }
        public void OnConnectionChanged(bool connected, string description) { }
        public void OnRecordingEnded(Guid callId, string recordingName, string? failure) => Ended.Enqueue((callId, recordingName, failure));
    }

    private static Task Handle(HttpContext ctx, string line)
    {
        string? json = null;
        if (line.StartsWith("POST /ari/bridges/", StringComparison.Ordinal) && line.Contains("/record", StringComparison.Ordinal))
            json = """{"name":"cti-call1","format":"wav","state":"queued","target_uri":"bridge:x"}""";
        else if (line.StartsWith("POST /ari/bridges", StringComparison.Ordinal))
            json = """{"id":"x","technology":"simple_bridge","bridge_type":"mixing","bridge_class":"stasis","channels":[]}""";
        else if (line is "GET /ari/channels" or "GET /ari/bridges") json = "[]";
        else if (line.Contains("eventFilter", StringComparison.Ordinal)) { ctx.Response.StatusCode = 404; return Task.CompletedTask; }
        if (json is null) { ctx.Response.StatusCode = 204; return Task.CompletedTask; }
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(json);
    }

    private async Task<(FakeAriSocket Socket, AsteriskPbx Pbx, Recorder Handler, IAsyncDisposable[] Owned)> StartAsync()
    {
        var ari = await FakeAriServer.StartAsync();
        ari.Rest = Handle;
        var (events, pbx) = FakeAdapter.Create(ari, output, new AsteriskPbxOptions { RecordingFinishTimeout = TimeSpan.FromSeconds(5) });
        var handler = new Recorder();
        pbx.Subscribe(handler);
        await pbx.StartAsync(waitForConnection: true).WithGuard();
        var socket = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();
        return (socket, pbx, handler, [pbx, events, ari]);
    }

    /// <summary>
    /// Events are handled in order: once the end of a later recording (one of its own, <c>cti-sentinel</c>) was reported,
    /// the events before it were handled. Returns what was reported before it.
    /// </summary>
    private static async Task<List<string>> ReportedBeforeSentinelAsync(FakeAriSocket socket, AsteriskPbx pbx, Recorder handler)
    {
        await socket.SendAsync(Failed.Replace(Name, "cti-sentinel", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!handler.Ended.Any(e => e.Name == "cti-sentinel") && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Contains(handler.Ended, e => e.Name == "cti-sentinel");
        return handler.Ended.Select(e => e.Name).TakeWhile(n => n != "cti-sentinel").ToList();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_recording_Asterisk_ends_on_its_own_is_reported_with_its_call(bool failed)
    {
        var (socket, pbx, handler, owned) = await StartAsync();
        try
        {
            var callId = Guid.NewGuid();
            await pbx.StartRecordingAsync(callId, Name).WithGuard();

            await socket.SendAsync(failed ? Failed : Finished());

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (handler.Ended.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.Equal((callId, Name, failed ? "No audio" : null), Assert.Single(handler.Ended));
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task A_recording_stopped_through_the_port_is_not_reported()
    {
        var (socket, pbx, handler, owned) = await StartAsync();
        try
        {
            await pbx.StartRecordingAsync(Guid.NewGuid(), Name).WithGuard();
            await pbx.StartRecordingAsync(Guid.NewGuid(), "cti-sentinel").WithGuard();
            var stopping = pbx.StopRecordingAsync(Name);
            await socket.SendAsync(Finished());
            await stopping.WithGuard();
            await socket.SendAsync(Finished()); // once more, late: still asked for

            Assert.Empty(await ReportedBeforeSentinelAsync(socket, pbx, handler));
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task A_recording_that_ends_with_its_calls_bridge_is_not_reported()
    {
        var (socket, pbx, handler, owned) = await StartAsync();
        try
        {
            var callId = Guid.NewGuid();
            await pbx.StartRecordingAsync(callId, Name).WithGuard();
            await pbx.StartRecordingAsync(Guid.NewGuid(), "cti-sentinel").WithGuard();
            await pbx.EndCallAsync(callId).WithGuard();
            await socket.SendAsync(Finished());

            Assert.Empty(await ReportedBeforeSentinelAsync(socket, pbx, handler));
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }
}
