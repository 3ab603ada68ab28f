using System.Collections.Concurrent;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>The ARI and AMI clients on their own, against the real Asterisk started with asterisk-config/.</summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class ClientsOnAsteriskTests(RealAsterisk asterisk)
{
    [AsteriskInstalledFact]
    public async Task Both_clients_connect_and_a_Local_channel_originated_into_the_app_is_answered_played_to_and_hung_up()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        var ariOptions = new AriOptions
        {
            BaseUrl = asterisk.AriUrl, Username = asterisk.AriUser, Password = asterisk.AriPassword, Application = "ctibridge-client-test",
        };
        await using var ami = new AmiClient(new AmiOptions
        {
            Host = "127.0.0.1", Port = asterisk.AmiPort, Username = asterisk.AmiUser, Secret = asterisk.AmiSecret,
        }, NullLogger<AmiClient>.Instance);
        await ami.ConnectAsync(ct);
        Assert.Equal(ConnectionState.Connected, ami.Status.State);
        Assert.Equal("Pong", (await ami.PingAsync(ct))["Ping"]);
        Assert.Contains("Asterisk 22", (await ami.CommandAsync("core show version", ct)).Text);

        var ari = new AriClient(new HttpClient(), ariOptions, NullLogger<AriClient>.Instance);
        Assert.StartsWith("22.", (await ari.Asterisk.GetInfoAsync(ct)).System?.Version);
        await using var events = new AriEventStream(ariOptions, NullLogger<AriEventStream>.Instance);
        var seen = new ConcurrentQueue<AriEvent>();
        var arrived = new SemaphoreSlim(0);
        using var sub = events.Subscribe((e, _) => { seen.Enqueue(e); arrived.Release(); return ValueTask.CompletedTask; });
        await events.ConnectAsync(ct);

        var channel = await ari.Channels.OriginateAsync(new AriOriginateRequest
        {
            Endpoint = "Local/answer@itest-agents/n", AppArgs = "client-test,1", CallerId = "\"Client Test\" <5550100>", Timeout = 15,
        }, ct);
        var start = await WaitFor<StasisStartEvent>(s => s.Channel.Id == channel.Id);
        Assert.Equal(["client-test", "1"], start.Args);

        await ari.Channels.AnswerAsync(channel.Id, ct);
        var playback = await ari.Channels.PlayAsync(channel.Id, "sound:beep", ct: ct);
        await WaitFor<PlaybackFinishedEvent>(p => p.Playback.Id == playback.Id);
        await ari.Channels.HangupAsync(channel.Id, "normal", ct);
        await WaitFor<StasisEndEvent>(s => s.Channel.Id == channel.Id);

        var order = seen.Where(e => e.OrderingKey == channel.Id).Select(e => e.Type).ToList();
        Assert.True(order.IndexOf("StasisStart") < order.IndexOf("PlaybackFinished"), string.Join(",", order));
        Assert.True(order.IndexOf("PlaybackFinished") < order.IndexOf("StasisEnd"), string.Join(",", order));

        async Task<T> WaitFor<T>(Func<T, bool> match) where T : AriEvent
        {
            while (true)
            {
                if (seen.OfType<T>().FirstOrDefault(match) is { } found) return found;
                await arrived.WaitAsync(ct);
            }
        }
    }
}
