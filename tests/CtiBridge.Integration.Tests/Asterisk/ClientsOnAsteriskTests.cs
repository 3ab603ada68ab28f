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
    private AriOptions AriOptionsFor(string application) => new()
    {
        BaseUrl = asterisk.AriUrl, Username = asterisk.AriUser, Password = asterisk.AriPassword, Application = application,
    };

    /// <summary>
    /// Two AMI sessions, one filtered to <paramref name="include"/>, one not, while a Local channel pair comes and goes
    /// (Newchannel, Newstate, Hangup … for the unfiltered session); then a UserEvent marks the end: AMI keeps a session's
    /// events in order, so both have seen everything before it. Returns what each session received.
    /// </summary>
    private async Task<(List<AmiMessage> Filtered, List<AmiMessage> All)> FilteredAndUnfilteredAsync(IList<string> include)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        AmiOptions Options(IList<string>? events) => new()
        {
            Host = "127.0.0.1", Port = asterisk.AmiPort, Username = asterisk.AmiUser, Secret = asterisk.AmiSecret, IncludeEvents = events,
        };
        await using var filtered = new AmiClient(Options(include), NullLogger<AmiClient>.Instance);
        await using var all = new AmiClient(Options(null), NullLogger<AmiClient>.Instance);
        var seenFiltered = new ConcurrentQueue<AmiMessage>();
        var seenAll = new ConcurrentQueue<AmiMessage>();
        using var s1 = filtered.Subscribe((m, _) => { seenFiltered.Enqueue(m); return ValueTask.CompletedTask; });
        using var s2 = all.Subscribe((m, _) => { seenAll.Enqueue(m); return ValueTask.CompletedTask; });
        await filtered.ConnectAsync(ct);
        await all.ConnectAsync(ct);

        await all.CommandAsync("channel originate Local/answer@itest-agents/n application Wait 0.2", ct);
        await Until(() => seenAll.Any(m => m.IsEventNamed("Hangup") && m["Channel"]?.StartsWith("Local/answer@itest-agents", StringComparison.Ordinal) == true));
        await filtered.UserEventAsync("CtiFilterTestDone", ct: ct);
        await Until(() => seenFiltered.Any(m => m.IsEventNamed("UserEvent")) && seenAll.Any(m => m.IsEventNamed("UserEvent")));
        return (seenFiltered.ToList(), seenAll.ToList());

        async Task Until(Func<bool> condition)
        {
            while (!condition()) await Task.Delay(20, ct);
        }
    }

    [AsteriskInstalledFact]
    public async Task An_AMI_session_with_IncludeEvents_gets_only_those_events_while_an_unfiltered_one_gets_all()
    {
        var (seenFiltered, seenAll) = await FilteredAndUnfilteredAsync(["UserEvent"]);

        Assert.Contains(seenAll, m => m.IsEventNamed("Newchannel"));
        // FullyBooted is what Asterisk sends at login, before a filter can be added.
        Assert.All(seenFiltered, m => Assert.True(m.IsEventNamed("UserEvent") || m.IsEventNamed("FullyBooted"), $"unexpected {m["Event"]} on the filtered session"));
        Assert.Contains(seenAll, m => m.IsEventNamed("VarSet") || m.IsEventNamed("Newexten")); // dialplan events the filter held back
    }

    [AsteriskInstalledFact]
    public async Task Asterisk_with_the_shipped_modules_sends_device_state_changes_and_a_session_filtered_to_the_adapters_events_gets_them()
    {
        var (seenFiltered, seenAll) = await FilteredAndUnfilteredAsync([.. CtiBridge.Asterisk.Adapter.AsteriskPbx.AmiEventsUsed, "UserEvent"]);

        // res_manager_devicestate (asterisk-config/modules.conf) sends them; without it a phone's busy and free states
        // never reach CtiBridge after it connected (an agent whose phone read busy at a restart stayed skipped for good).
        var unfiltered = seenAll.Where(m => m.IsEventNamed("DeviceStateChange")).Select(m => $"{m["Device"]}={m["State"]}").ToList();
        Assert.True(unfiltered.Count > 0, $"no DeviceStateChange among {string.Join(", ", seenAll.Select(m => m["Event"]))}");
        Assert.Equal(unfiltered, seenFiltered.Where(m => m.IsEventNamed("DeviceStateChange")).Select(m => $"{m["Device"]}={m["State"]}").ToList());
    }

    [AsteriskInstalledFact]
    public async Task An_ARI_application_with_an_event_filter_gets_only_the_allowed_event_types()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        var options = AriOptionsFor("ctibridge-filter-test");
        var ari = new AriClient(new HttpClient(), options, NullLogger<AriClient>.Instance);
        await using var events = new AriEventStream(options, NullLogger<AriEventStream>.Instance);
        var seen = new ConcurrentQueue<AriEvent>();
        using var sub = events.Subscribe((e, _) => { seen.Enqueue(e); return ValueTask.CompletedTask; });
        await events.ConnectAsync(ct);
        var app = await ari.Applications.SetEventFilterAsync(["StasisStart", "StasisEnd"], ct: ct);
        Assert.Equal(["StasisStart", "StasisEnd"], app.EventsAllowed.Select(t => t.Type));

        // Answering sends ChannelStateChange and setting a variable ChannelVarset to an unfiltered application.
        var channel = await ari.Channels.OriginateAsync(new AriOriginateRequest { Endpoint = "Local/answer@itest-agents/n", Timeout = 15 }, ct);
        while (!seen.OfType<StasisStartEvent>().Any(s => s.Channel.Id == channel.Id)) await Task.Delay(20, ct);
        await ari.Channels.AnswerAsync(channel.Id, ct);
        await ari.Channels.SetVariableAsync(channel.Id, "CTI_FILTER_TEST", "1", ct);
        await ari.Channels.HangupAsync(channel.Id, "normal", ct);
        while (!seen.OfType<StasisEndEvent>().Any(s => s.Channel.Id == channel.Id)) await Task.Delay(20, ct);

        Assert.All(seen, e => Assert.True(e is StasisStartEvent or StasisEndEvent, $"unexpected {e.Type} through the filter"));
        var cleared = await ari.Applications.SetEventFilterAsync([], ct: ct); // an empty list: every type again
        Assert.Empty(cleared.EventsAllowed);
    }

    [AsteriskInstalledFact]
    public async Task Both_clients_connect_and_a_Local_channel_originated_into_the_app_is_answered_played_to_and_hung_up()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;
        var ariOptions = AriOptionsFor("ctibridge-client-test");
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
