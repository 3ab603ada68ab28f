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
/// An originate whose answer is lost (the connection breaks under the request) may have made the channel anyway. When the
/// leg's events already came (the phone answered) or Asterisk has the channel when asked, the dial goes on. Otherwise
/// the leg ends as failed, but Asterisk may still make the channel under the leg's id and ring a phone for nobody: the
/// adapter hangs that id up a second later, or, when that fails too, after the connection is back (the resync).
/// </summary>
public sealed class OriginateInDoubtTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Leg = "cti-doubt0123456789abc";

    private sealed class Recorder : IPbxEventHandler
    {
        public ConcurrentQueue<(string Leg, CallEndReason Cause)> Ended { get; } = new();
        public ConcurrentQueue<string> Answered { get; } = new();
        public void OnIncomingLeg(IncomingLeg leg) { }
        public void OnLegAnswered(string legId) => Answered.Enqueue(legId);
        public void OnLegEnded(string legId, CallEndReason cause) => Ended.Enqueue((legId, cause));
        public void OnDtmf(string legId, char digit) { }
        public void OnPlaybackFinished(string legId) { }
        public void OnDeviceChanged(DeviceStatus status) { }
        public void OnConnectionChanged(bool connected, string description) { }
    }

    /// <summary>Asterisk whose answer to the originate never comes (the connection is cut), and to hang-ups as told.</summary>
    private sealed class FakeAsterisk
    {
        public volatile bool CutHangups;
        public volatile bool ChannelExists = true;
        public volatile string Listed = Leg;
        /// <summary>Whether Asterisk has the channel when the adapter asks after the lost answer (else: not yet).</summary>
        public volatile bool MadeWhenAsked;
        /// <summary>What happens on Asterisk before the originate's answer is lost (e.g. the phone answers).</summary>
        public Func<Task>? BeforeTheAnswerIsLost;

        private const string ChannelJson = $$"""{"id":"{{Leg}}","name":"PJSIP/demo-1103-00000001","state":"Ringing","caller":{"name":"","number":"500"},"connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"default","exten":"s","priority":1},"creationtime":"2026-12-06T04:00:00.000+0000","language":"en"}""";

        public async Task Handle(HttpContext ctx, string line)
        {
            if (line.StartsWith("POST /ari/channels", StringComparison.Ordinal) || (CutHangups && line.StartsWith("DELETE /ari/channels/", StringComparison.Ordinal)))
            {
                if (line.StartsWith("POST", StringComparison.Ordinal) && BeforeTheAnswerIsLost is { } before) await before();
                ctx.Abort(); // the request reached Asterisk; its answer is lost
                return;
            }
            if (line == $"GET /ari/channels/{Leg}")
            {
                ctx.Response.StatusCode = MadeWhenAsked && ChannelExists ? 200 : 404;
                if (ctx.Response.StatusCode == 200) { ctx.Response.ContentType = "application/json"; await ctx.Response.WriteAsync(ChannelJson); }
                return;
            }
            if (line.StartsWith("DELETE /ari/channels/", StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = ChannelExists ? 204 : 404;
                ChannelExists = false;
                return;
            }
            string? json = null;
            if (line == "GET /ari/channels") json = ChannelExists ? $$"""[{"id":"{{Listed}}","name":"PJSIP/demo-1103-00000001","state":"Ringing","caller":{"name":"","number":"500"},"connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"default","exten":"s","priority":1},"creationtime":"2026-12-06T04:00:00.000+0000","language":"en"}]""" : "[]";
            else if (line == "GET /ari/bridges") json = "[]";
            else if (line.Contains("eventFilter", StringComparison.Ordinal)) { ctx.Response.StatusCode = 404; return; }
            if (json is null) { ctx.Response.StatusCode = 204; return; }
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(json);
        }
    }

    private async Task<(FakeAriServer Ari, FakeAriSocket Socket, AsteriskPbx Pbx, Recorder Handler, IAsyncDisposable[] Owned)> StartAsync(
        FakeAsterisk asterisk, bool failed = true)
    {
        var ari = await FakeAriServer.StartAsync();
        ari.Rest = asterisk.Handle;
        var (events, pbx) = FakeAdapter.Create(ari, output, new AsteriskPbxOptions());
        var handler = new Recorder();
        pbx.Subscribe(handler);
        await pbx.StartAsync(waitForConnection: true).WithGuard();
        var socket = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();
        await pbx.DialAsync(Guid.NewGuid(), Leg, new DialTarget("PJSIP/demo-1103", "500", "Sales", TimeSpan.FromSeconds(15), false,
            new Dictionary<string, string>())).WithGuard();
        if (failed) Assert.Equal((Leg, CallEndReason.Failed), Assert.Single(handler.Ended)); // the call center is told it failed
        else Assert.Empty(handler.Ended);
        return (ari, socket, pbx, handler, [pbx, events, ari]);
    }

    /// <summary>The leg's StasisStart: the phone answered the dialled leg.</summary>
    private static string Answer() => $$$"""
        {"type":"StasisStart","application":"ctibridge","timestamp":"2026-12-06T04:00:01.000+0000","args":["dialled","x"],
         "channel":{"id":"{{{Leg}}}","name":"PJSIP/demo-1103-00000001","state":"Up","caller":{"name":"","number":"500"},
         "connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"default","exten":"s","priority":1,"app_name":"Stasis","app_data":"ctibridge,dialled,x"},
         "creationtime":"2026-12-06T04:00:00.000+0000","language":"en"}}
        """;

    /// <summary>No hang-up of the leg and no end reported, for a while longer than the in-doubt hang-up waits.</summary>
    private static async Task StaysUpAsync(FakeAriServer ari, Recorder handler)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, Hangups(ari));
        Assert.Empty(handler.Ended);
    }

    [Fact]
    public async Task A_leg_the_phone_answered_before_its_originate_lost_its_answer_stays_up()
    {
        FakeAriSocket? socket = null;
        var answered = new TaskCompletionSource();
        var asterisk = new FakeAsterisk();
        asterisk.BeforeTheAnswerIsLost = async () =>
        {
            // The phone answers and its StasisStart arrives before the originate's answer is lost (a loaded node).
            await socket!.SendAsync(Answer());
            await answered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        };
        var ari = await FakeAriServer.StartAsync();
        ari.Rest = asterisk.Handle;
        var (events, pbx) = FakeAdapter.Create(ari, output, new AsteriskPbxOptions());
        var handler = new Recorder();
        pbx.Subscribe(handler);
        try
        {
            await pbx.StartAsync(waitForConnection: true).WithGuard();
            socket = await ari.Sockets.Reader.ReadAsync().AsTask().WithGuard();
            var dial = pbx.DialAsync(Guid.NewGuid(), Leg, new DialTarget("PJSIP/demo-1103", "500", "Sales", TimeSpan.FromSeconds(15), false,
                new Dictionary<string, string>()));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (handler.Answered.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.Equal([Leg], handler.Answered.ToArray());
            answered.SetResult();
            await dial.WithGuard();

            await StaysUpAsync(ari, handler);
        }
        finally
        {
            await pbx.DisposeAsync();
            await events.DisposeAsync();
            await ari.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_lost_originate_whose_channel_Asterisk_has_goes_on_and_its_answer_connects()
    {
        var asterisk = new FakeAsterisk { MadeWhenAsked = true };
        var (ari, socket, _, handler, owned) = await StartAsync(asterisk, failed: false);
        try
        {
            await StaysUpAsync(ari, handler);
            await socket.SendAsync(Answer());
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (handler.Answered.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.Equal([Leg], handler.Answered.ToArray());

            // A resync finds it where it is: tracked, not hung up, not ended.
            var resyncs = ari.Requests.Items.Count(r => r.Request == "GET /ari/channels");
            socket.Drop();
            await ari.Requests.WaitAsync(r => r.Count(x => x.Request == "GET /ari/bridges") > 0 && r.Count(x => x.Request == "GET /ari/channels") > resyncs).WithGuard();
            await StaysUpAsync(ari, handler);
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    private static int Hangups(FakeAriServer ari) => ari.Requests.Items.Count(r => r.Request.StartsWith($"DELETE /ari/channels/{Leg}", StringComparison.Ordinal));

    /// <summary>The fake answers the hang-up just after recording the request.</summary>
    private static async Task GoneAsync(FakeAsterisk asterisk)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (asterisk.ChannelExists && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.False(asterisk.ChannelExists, "the channel was hung up");
    }

    [Fact]
    public async Task The_channel_a_lost_originate_made_is_hung_up_a_second_later()
    {
        var asterisk = new FakeAsterisk();
        var (ari, _, _, _, owned) = await StartAsync(asterisk);
        try
        {
            await ari.Requests.WaitAsync(r => r.Any(x => x.Request.StartsWith($"DELETE /ari/channels/{Leg}", StringComparison.Ordinal))).WithGuard();
            await GoneAsync(asterisk);
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task When_the_hang_up_fails_too_the_resync_after_the_reconnect_hangs_it_up()
    {
        var asterisk = new FakeAsterisk { CutHangups = true };
        var (ari, socket, _, _, owned) = await StartAsync(asterisk);
        try
        {
            await ari.Requests.WaitAsync(r => r.Any(x => x.Request.StartsWith($"DELETE /ari/channels/{Leg}", StringComparison.Ordinal))).WithGuard();
            Assert.True(asterisk.ChannelExists);
            asterisk.CutHangups = false;

            socket.Drop(); // the connection breaks and comes back: the resync

            await ari.Requests.WaitAsync(_ => Hangups(ari) >= 2).WithGuard();
            await GoneAsync(asterisk);
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }

    [Fact]
    public async Task A_hang_up_the_broken_connection_swallowed_is_done_at_the_resync()
    {
        const string other = "cti-given0up0123456789";
        var asterisk = new FakeAsterisk();
        var (ari, socket, pbx, _, owned) = await StartAsync(asterisk);
        try
        {
            await GoneAsync(asterisk); // the in-doubt originate of the set-up is dealt with
            asterisk.Listed = other;
            asterisk.ChannelExists = true;
            asterisk.CutHangups = true;

            await Assert.ThrowsAsync<AriException>(() => pbx.HangupAsync(other, CallEndReason.Failed));
            asterisk.CutHangups = false;
            socket.Drop();

            await ari.Requests.WaitAsync(r => r.Count(x => x.Request.StartsWith($"DELETE /ari/channels/{other}", StringComparison.Ordinal)) >= 2).WithGuard();
            await GoneAsync(asterisk);
        }
        finally { foreach (var o in owned) await o.DisposeAsync(); }
    }
}
