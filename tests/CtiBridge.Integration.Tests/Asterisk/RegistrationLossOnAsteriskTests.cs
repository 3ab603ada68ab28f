using System.Net;
using System.Net.WebSockets;
using System.Text;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>
/// Asterisk can drop the Stasis application's registration while the adapter's WebSocket stays open: when a connection
/// it replaced goes away after the new one registered (the connection-drop harness hit it — a cut connection cleaned up
/// late — and a script reproduced it by resetting a WebSocket and connecting the next one at once). Then no event
/// arrives: a dialled phone's answer is missed and the agent stays "Ringing". Here another client's WebSocket takes the
/// application over and goes away, which leaves exactly that state; the adapter must notice and connect again.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class RegistrationLossOnAsteriskTests(RealAsterisk asterisk)
{
    private async Task<HttpStatusCode> ApplicationStatusAsync()
    {
        using var r = await asterisk.Http.GetAsync("applications/ctibridge");
        return r.StatusCode;
    }

    [AsteriskInstalledFact]
    public async Task A_registration_Asterisk_drops_under_the_open_websocket_is_noticed_and_answers_arrive_again()
    {
        var events = new RecordingPbxHandler();
        await using var h = await AdapterHarness.StartAsync(asterisk, events, new AsteriskPbxOptions
        {
            RegistrationChecksAfterConnect = [TimeSpan.FromSeconds(0.5)],
            RegistrationCheckInterval = TimeSpan.FromSeconds(1),
        });
        Assert.Equal(HttpStatusCode.OK, await ApplicationStatusAsync());

        // Another WebSocket takes the application over, then vanishes: Asterisk unregisters the application.
        using (var other = new ClientWebSocket())
        {
            other.Options.SetRequestHeader("Authorization",
                "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(asterisk.AriUser + ":" + asterisk.AriPassword)));
            await other.ConnectAsync(new Uri($"ws://127.0.0.1:{asterisk.HttpPort}/ari/events?app=ctibridge"), CancellationToken.None);
            await Task.Delay(200);
            other.Abort();
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var sawItGone = false;
        while (DateTime.UtcNow < deadline)
        {
            var status = await ApplicationStatusAsync();
            sawItGone |= status == HttpStatusCode.NotFound;
            if (sawItGone && status == HttpStatusCode.OK) break; // registered again: the adapter connected anew
            await Task.Delay(50);
        }
        Assert.True(sawItGone, "Asterisk kept the application registered: the state under test did not happen");
        Assert.Equal(HttpStatusCode.OK, await ApplicationStatusAsync());

        // Events flow again: a dialled phone's answer is reported.
        var leg = "cti-" + Guid.NewGuid().ToString("N")[..20];
        await h.Pbx.DialAsync(Guid.NewGuid(), leg, new CtiBridge.Application.Pbx.DialTarget("Local/answer@itest-agents/n", "5550100", "Customer",
            TimeSpan.FromSeconds(20), false, new Dictionary<string, string> { ["CTI_ROLE"] = "agent" }));
        await events.AnsweredAsync(leg);
        await h.Pbx.HangupAsync(leg, CallEndReason.Normal);
        Assert.Equal(CallEndReason.Normal, await events.EndedAsync(leg));
        await asterisk.AssertNothingLeftAsync();
    }
}
