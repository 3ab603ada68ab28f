using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.Domain.Calls;
using Microsoft.AspNetCore.Http;

namespace CtiBridge.Asterisk.Tests.Adapter;

/// <summary>
/// A leg's join whose answer is lost (the connection breaks under the request) may have been done: the call center hangs
/// up a leg whose join failed, so the adapter asks Asterisk's bridge first — a leg in it is joined; otherwise, or when
/// the question fails too, the join fails as before. Stopping the music, which goes with an agent's join, is asked again.
/// </summary>
public sealed class JoinInDoubtTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Leg = "cti-join0123456789abcd";

    /// <summary>Asterisk whose answer to the bridge's addChannel is lost; its bridge holds the leg, or not.</summary>
    private sealed class FakeAsterisk(Guid callId)
    {
        public volatile bool InBridge;
        public volatile bool CutQuestion;
        public int MusicStops;
        private readonly string _bridge = "cti-" + callId.ToString("N");

        public Task Handle(HttpContext ctx, string line)
        {
            if (line.StartsWith($"POST /ari/bridges/{_bridge}/addChannel", StringComparison.Ordinal)
                || (CutQuestion && line == $"GET /ari/bridges/{_bridge}"))
            {
                ctx.Abort(); // the request reached Asterisk; its answer is lost
                return Task.CompletedTask;
            }
            if (line.StartsWith("POST /ari/bridges", StringComparison.Ordinal) || line == $"GET /ari/bridges/{_bridge}")
            {
                var channels = line.StartsWith("GET", StringComparison.Ordinal) && InBridge ? $"\"{Leg}\"" : "";
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/json";
                return ctx.Response.WriteAsync($$$"""{"id":"{{{_bridge}}}","technology":"simple_bridge","bridge_type":"mixing","bridge_class":"stasis","creator":"Stasis","name":"{{{_bridge}}}","channels":[{{{channels}}}],"creationtime":"2026-12-07T04:00:00.000+0000"}""");
            }
            if (line == $"DELETE /ari/bridges/{_bridge}/moh")
            {
                if (Interlocked.Increment(ref MusicStops) == 1) ctx.Abort(); // the first answer is lost
                else ctx.Response.StatusCode = 409; // stopped by the first: not playing any more
                return Task.CompletedTask;
            }
            if (line.Contains("eventFilter", StringComparison.Ordinal)) { ctx.Response.StatusCode = 404; return Task.CompletedTask; }
            if (line is "GET /ari/channels" or "GET /ari/bridges")
            {
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/json";
                return ctx.Response.WriteAsync("[]");
            }
            ctx.Response.StatusCode = 204;
            return Task.CompletedTask;
        }
    }

    /// <summary>Tells when the resync after the connection is done (it must not race the join under test).</summary>
    private sealed class ResyncDone : IPbxEventHandler
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void OnCallsReported() => Done.TrySetResult();
        public void OnIncomingLeg(IncomingLeg leg) { }
        public void OnLegAnswered(string legId) { }
        public void OnLegEnded(string legId, CallEndReason cause) { }
        public void OnDtmf(string legId, char digit) { }
        public void OnPlaybackFinished(string legId) { }
        public void OnDeviceChanged(DeviceStatus status) { }
        public void OnConnectionChanged(bool connected, string description) { }
    }

    private async Task<Exception?> JoinAsync(Action<FakeAsterisk> arrange, bool stopMusic = false)
    {
        var callId = Guid.NewGuid();
        var asterisk = new FakeAsterisk(callId);
        arrange(asterisk);
        await using var ari = await FakeAriServer.StartAsync();
        ari.Rest = asterisk.Handle;
        var (events, pbx) = FakeAdapter.Create(ari, output, new AsteriskPbxOptions());
        await using var _ = events;
        await using var __ = pbx;
        var resync = new ResyncDone();
        pbx.Subscribe(resync);
        await pbx.StartAsync(waitForConnection: true).WithGuard();
        await resync.Done.Task.WithGuard();
        return await Record.ExceptionAsync(() => stopMusic
            ? Task.WhenAll(pbx.JoinCallAsync(callId, Leg), pbx.StopCallMusicAsync(callId)).WithGuard()
            : pbx.JoinCallAsync(callId, Leg).WithGuard());
    }

    [Fact]
    public async Task A_join_whose_answer_is_lost_but_whose_leg_is_in_the_bridge_is_done() =>
        Assert.Null(await JoinAsync(a => a.InBridge = true));

    [Fact]
    public async Task A_join_whose_answer_is_lost_and_whose_leg_is_not_in_the_bridge_fails() =>
        Assert.IsType<AriException>(await JoinAsync(a => a.InBridge = false));

    [Fact]
    public async Task A_join_whose_question_fails_too_fails() =>
        Assert.IsType<AriException>(await JoinAsync(a => { a.InBridge = true; a.CutQuestion = true; }));

    [Fact]
    public async Task Stopping_the_music_whose_answer_is_lost_is_asked_again_and_the_join_is_done()
    {
        FakeAsterisk? fake = null;
        Assert.Null(await JoinAsync(a => { a.InBridge = true; fake = a; }, stopMusic: true));
        Assert.Equal(2, fake!.MusicStops);
    }
}
