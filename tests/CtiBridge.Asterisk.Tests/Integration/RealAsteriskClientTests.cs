using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.TestSupport;

namespace CtiBridge.Asterisk.Tests.Integration;

/// <summary>
/// Both clients against a real Asterisk (asterisk-config/ of this repository): skipped, visibly, unless
/// CTI_ASTERISK_ARI_URL is set. Optional: CTI_ASTERISK_ARI_USER/PASSWORD, CTI_ASTERISK_AMI_HOST/PORT/USER/SECRET,
/// CTI_ASTERISK_APP (default "ctibridge-client-test"), CTI_ASTERISK_LOCAL_ENDPOINT (default "Local/600@from-internal-demo":
/// answers and echoes).
/// </summary>
public class RealAsteriskClientTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;

    [RealAsteriskFact]
    public async Task Originates_a_Local_channel_into_the_app_answers_plays_hangs_up_and_sees_StasisEnd()
    {
        var ariUrl = Env("CTI_ASTERISK_ARI_URL", "http://127.0.0.1:8088");
        var ariOptions = new AriOptions
        {
            BaseUrl = ariUrl,
            Username = Env("CTI_ASTERISK_ARI_USER", "ctibridge"),
            Password = Env("CTI_ASTERISK_ARI_PASSWORD", "ctibridge"),
            Application = Env("CTI_ASTERISK_APP", "ctibridge-client-test"),
        };
        var amiOptions = new AmiOptions
        {
            Host = Env("CTI_ASTERISK_AMI_HOST", new Uri(ariUrl).Host),
            Port = int.Parse(Env("CTI_ASTERISK_AMI_PORT", "5038"), System.Globalization.CultureInfo.InvariantCulture),
            Username = Env("CTI_ASTERISK_AMI_USER", ariOptions.Username),
            Secret = Env("CTI_ASTERISK_AMI_SECRET", ariOptions.Password),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;

        await using var ami = new AmiClient(amiOptions, new XunitLogger<AmiClient>(output));
        await ami.ConnectAsync(ct);
        Assert.Equal(ConnectionState.Connected, ami.Status.State);
        Assert.Equal("Pong", (await ami.PingAsync(ct))["Ping"]);
        var version = await ami.CommandAsync("core show version", ct);
        Assert.Contains("Asterisk", version.Text);
        _ = await ami.CoreShowChannelsAsync(ct);

        var ari = new AriClient(new HttpClient(), ariOptions, new XunitLogger<AriClient>(output));
        Assert.False(string.IsNullOrEmpty((await ari.Asterisk.GetInfoAsync(ct)).System?.Version));
        await using var events = new AriEventStream(ariOptions, new XunitLogger<AriEventStream>(output));
        var seen = new TestHelpers.Collector<AriEvent>();
        using var sub = events.Subscribe((e, _) => { seen.Add(e); return ValueTask.CompletedTask; });
        await events.ConnectAsync(ct);

        var channel = await ari.Channels.OriginateAsync(new AriOriginateRequest
        {
            Endpoint = Env("CTI_ASTERISK_LOCAL_ENDPOINT", "Local/600@from-internal-demo"),
            AppArgs = "client-test,1",
            CallerId = "\"Client Test\" <5550100>",
            Timeout = 15,
        }, ct);

        var start = (StasisStartEvent)(await seen.WaitAsync(l => l.Any(e => e is StasisStartEvent s && s.Channel.Id == channel.Id)))
            .First(e => e is StasisStartEvent s && s.Channel.Id == channel.Id);
        Assert.Equal(["client-test", "1"], start.Args);

        await ari.Channels.AnswerAsync(channel.Id, ct);
        var playback = await ari.Channels.PlayAsync(channel.Id, "sound:beep", ct: ct);
        await seen.WaitAsync(l => l.Any(e => e is PlaybackFinishedEvent p && p.Playback.Id == playback.Id));
        await ari.Channels.HangupAsync(channel.Id, "normal", ct);

        await seen.WaitAsync(l => l.Any(e => e is StasisEndEvent s && s.Channel.Id == channel.Id));
        var order = seen.Items.Where(e => e.OrderingKey == channel.Id).Select(e => e.Type).ToList();
        Assert.True(order.IndexOf("StasisStart") < order.IndexOf("StasisEnd"), string.Join(",", order));
    }
}
