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
/// A leg we dialled and that was answered while the ARI WebSocket was down entered the app then: its StasisStart is lost.
/// The resync after the reconnect finds it up in <c>Stasis(…,dialled,…)</c> and reports it answered (seen in the cut run:
/// a consulted colleague who answered during the cut stayed "Ringing" in the API for good).
/// </summary>
public sealed class AnsweredDuringOutageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Leg = "cti-answered0123456789";

    private sealed class Recorder : IPbxEventHandler
    {
        public ConcurrentQueue<string> Answered { get; } = new();
        public ConcurrentQueue<string> Ended { get; } = new();
        public void OnIncomingLeg(IncomingLeg leg) { }
        public void OnLegAnswered(string legId) => Answered.Enqueue(legId);
        public void OnLegEnded(string legId, CallEndReason cause) => Ended.Enqueue(legId);
        public void OnDtmf(string legId, char digit) { }
        public void OnPlaybackFinished(string legId) { }
        public void OnDeviceChanged(DeviceStatus status) { }
        public void OnConnectionChanged(bool connected, string description) { }
    }

    private static string Channel(string state, string appData) => $$"""
        {"id":"{{Leg}}","name":"PJSIP/demo-1103-00000001","state":"{{state}}","caller":{"name":"","number":"500"},"connected":{"name":"","number":""},
         "accountcode":"","dialplan":{"context":"default","exten":"s","priority":1,"app_name":"Stasis","app_data":"{{appData}}"},
         "creationtime":"2026-12-06T04:00:00.000+0000","language":"en"}
        """;

    private sealed class FakeAsterisk
    {
        public volatile string State = "Ringing";
        public volatile string AppData = "";

        public Task Handle(HttpContext ctx, string line)
        {
            string? json = null;
            if (line == "GET /ari/channels") json = $"[{Channel(State, AppData)}]";
            else if (line == "GET /ari/bridges") json = "[]";
            else if (line.StartsWith("POST /ari/channels", StringComparison.Ordinal)) json = Channel("Down", "");
            else if (line.Contains("eventFilter", StringComparison.Ordinal)) { ctx.Response.StatusCode = 404; return Task.CompletedTask; }
            if (json is null) { ctx.Response.StatusCode = 204; return Task.CompletedTask; }
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync(json);
        }
    }

    [Theory]
    [InlineData("Up", "cti,dialled,x", true)]
    [InlineData("Ringing", "", false)] // still ringing: nothing to report
    public async Task A_dialled_leg_answered_while_the_connection_was_down_is_reported_answered_at_the_resync(string state, string appData, bool answered)
    {
        var asterisk = new FakeAsterisk();
        var ari = await FakeAriServer.StartAsync();
        ari.Rest = asterisk.Handle;
        var (events, pbx) = FakeAdapter.Create(ari, output, new AsteriskPbxOptions());
        var handler = new Recorder();
        pbx.Subscribe(handler);
        try
        {
            await pbx.StartAsync(waitForConnection: true).WithGuard();
            var socket = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();
            await pbx.DialAsync(Guid.NewGuid(), Leg, new DialTarget("PJSIP/demo-1103", "500", "Sales", TimeSpan.FromSeconds(15), false,
                new Dictionary<string, string>())).WithGuard();
            (asterisk.State, asterisk.AppData) = (state, appData);
            var resyncs = ari.Requests.Items.Count(r => r.Request == "GET /ari/channels");

            socket.Drop(); // the StasisStart of the answer is lost with the connection

            await ari.Requests.WaitAsync(r => r.Count(x => x.Request == "GET /ari/channels") > resyncs).WithGuard();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(answered ? 10 : 1);
            while (handler.Answered.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.Equal(answered ? [Leg] : [], handler.Answered.ToArray());
            Assert.Empty(handler.Ended);
        }
        finally
        {
            await pbx.DisposeAsync();
            await events.DisposeAsync();
            await ari.DisposeAsync();
        }
    }
}
