using System.Collections.Concurrent;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.RemoteAgents;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using CtiBridge.Integration.Tests.Asterisk;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Integration.Tests.RemoteAgents;

/// <summary>
/// A remote agent on a real Asterisk: Rita (agent number 2050, PIN 4321) has only a telephone (5550177). Her phone is
/// the second half of a Local channel whose first half dials the feature code through the committed dialplan
/// (<c>[from-internal-demo]</c> <c>_*6[4-7]</c> → <c>Stasis(ctibridge,feature,demo,*64)</c>); she types by sending
/// DTMF from her side (AMI PlayDTMF on the Local ;2 half, so the app receives it like digits from a phone), hears the
/// prompts (ARI PlaybackFinished), and later queue calls ring her number through the trunk pattern anew.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class RemoteAgentOnAsteriskTests(RealAsterisk asterisk) : IAsyncLifetime
{
    private static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000002dd");
    private static readonly Guid Rita = Guid.Parse("00000000-0000-0000-0000-000000002050");
    private static readonly Guid Sales = Guid.Parse("00000000-0000-0000-0000-0000000002c1");
    private const string RitasPhone = "5550177";

    private readonly EngineSink _sink = new();
    private readonly ConcurrentQueue<(string Id, string Channel, string Media, bool Finished)> _playbacks = new();
    private AdapterHarness _h = null!;
    private CallCenterService _service = null!;
    private TenantCallCenter _center = null!;
    private IDisposable? _playbackSubscription;

    public async Task InitializeAsync()
    {
        if (!asterisk.Available) return;
        _h = await AdapterHarness.StartAsync(asterisk);
        _service = new CallCenterService(_h.Pbx, _sink, _sink, TimeProvider.System, NullLogger<CallCenterService>.Instance);
        _service.FeatureCodes = new FeatureCodeFlow(TimeProvider.System, (pin, hash) => hash == "pin:" + pin,
            NullLogger<FeatureCodeFlow>.Instance);
        _center = _service.Configure(Config());
        _playbackSubscription = _h.Events.Subscribe((e, _) =>
        {
            if (e is AriPlaybackEvent p)
                _playbacks.Enqueue((p.Playback.Id, p.Playback.TargetUri.Replace("channel:", ""), p.Playback.MediaUri, e is PlaybackFinishedEvent));
            else if (e is AriUnknownEvent { Type: "PlaybackContinuing", Json: { } j } && j.TryGetProperty("playback", out var pb))
                _playbacks.Enqueue((pb.GetProperty("id").GetString()!, pb.GetProperty("target_uri").GetString()!.Replace("channel:", ""),
                    pb.GetProperty("media_uri").GetString()!, false)); // the next sound of a playback of several
            return ValueTask.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        _playbackSubscription?.Dispose();
        if (_h is not null) await _h.DisposeAsync();
    }

    private static TenantConfiguration Config() => new(
        Tenant, "demo",
        new TenantCallSettings
        {
            RingTimeoutSeconds = 10,
            EndpointPattern = "Local/{extension}@itest-agents/n",
            TrunkPattern = "Local/{number}@itest-agents/n", // "the trunk": itest-agents answers any number after a short ring
        },
        [
            new AgentDefinition(Rita, "Rita Remote", "2050",
                new AgentSettings("2050", ExtensionKind.Remote, AcwMode.AfterAnswered, WrapUpSeconds: 2)) { IvrPinHash = "pin:4321" },
        ],
        [new SkillGroupDefinition(Sales, "Sales", [new(Rita, 1)]) { Number = "500" }],
        [new PauseReasonDefinition("1", "Break")],
        new HashSet<string>());

    /// <summary>Rita dials a feature code from her phone; returns (the app's leg, her phone's channel name).</summary>
    private async Task<(string Leg, string PhoneName)> DialFeatureCodeAsync(string code)
    {
        var leg = "itest-ra-" + Guid.NewGuid().ToString("N")[..12];
        var phone = leg + "-phone";
        await asterisk.OriginateAsync("Local/talk@itest-customer/n", "from-internal-demo", code, $"\"Rita\" <{RitasPhone}>", leg, phone);
        string? name = null;
        await Eventually(async () => (name = (await asterisk.ChannelsAsync()).FirstOrDefault(c => c.Id == phone).Name) is not null,
            "Rita's phone channel");
        return (leg, name!);
    }

    /// <summary>
    /// Waits until <paramref name="media"/> has been played to the leg (a playback of several sounds reports each as it
    /// starts or continues) and that playback has finished (ARI PlaybackFinished). Returns how many such plays there were.
    /// </summary>
    private async Task HeardAsync(string leg, string media, int times = 1)
    {
        int Count() => _playbacks.Where(p => p.Channel == leg && p.Media == media).Select(p => p.Id).Distinct()
            .Count(id => _playbacks.Any(f => f.Id == id && f.Finished));
        await Eventually(() => Count() >= times, $"'{media}' played to {leg} ({times}x)");
    }

    /// <summary>Rita presses keys on her phone: DTMF sent out of her half of the Local channel reaches the app's leg.</summary>
    private async Task PressAsync(string phoneName, string keys)
    {
        foreach (var k in keys)
            (await _h.Ami.SendActionAsync(new AmiAction("PlayDTMF").Add("Channel", phoneName).Add("Digit", k.ToString()).Add("Duration", 120)))
                .EnsureSuccess("PlayDTMF");
    }

    [AsteriskInstalledFact]
    public async Task Remote_agent_logs_in_with_star64_gets_a_queue_call_on_the_number_she_called_from_has_wrap_up_and_logs_out_with_star65()
    {
        // *64: "agent number?" → 2050# → "password?" → 4321# → "logged in", then the app hangs up.
        var (login, phone) = await DialFeatureCodeAsync("*64");
        await HeardAsync(login, "sound:agent-user");
        await PressAsync(phone, "2050#");
        await HeardAsync(login, "sound:agent-pass");
        await PressAsync(phone, "4321#");
        await HeardAsync(login, "sound:agent-loginok");
        Assert.Equal(AgentStatus.Ready, _center.GetAgent(Rita).Status);
        await Eventually(async () => (await asterisk.ChannelsAsync()).All(c => c.Id != login), "the login call hung up after the last prompt");

        // A queue call is offered to her by calling her number anew (no nailed-up line); she answers; both are bridged.
        var (customer, customersPhone) = await _h.CustomerCallsAsync("5551001", "5550111");
        CallView? call = null;
        await Eventually(() => (call = _center.CallsOf(Rita).FirstOrDefault(c => c.State == CallState.Connected
            && c.Parties.Any(p => p.AgentId == Rita && p.State == PartyState.Connected))) is not null, "Rita connected to the customer");
        var ritasLeg = call!.Parties.Single(p => p.AgentId == Rita).LegId;
        var channels = await asterisk.ChannelsAsync();
        Assert.StartsWith($"Local/{RitasPhone}@itest-agents", channels.Single(c => c.Id == ritasLeg).Name);
        await Eventually(async () => (await asterisk.BridgesAsync()).Any(b => b.Channels.Order().SequenceEqual(new[] { customer, ritasLeg }.Order())),
            "customer and Rita in one bridge");

        // The customer hangs up: wrap-up (2 s), then Ready again.
        await asterisk.HangupAsync(customersPhone);
        await Eventually(() => _center.GetAgent(Rita).Status == AgentStatus.WrapUp, "Rita in wrap-up");
        await Eventually(() => _center.GetAgent(Rita).Status == AgentStatus.Ready, "Rita ready after wrap-up");
        Assert.Contains(_sink.Records, r => r.Call.Id == call.CallId);

        // *65 from the same phone logs her out, and says so.
        var (logout, _) = await DialFeatureCodeAsync("*65");
        await HeardAsync(logout, "sound:agent-loggedoff");
        Assert.Equal(AgentStatus.LoggedOut, _center.GetAgent(Rita).Status);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task A_wrong_pin_is_spoken_back_and_the_agent_stays_logged_out()
    {
        var (login, phone) = await DialFeatureCodeAsync("*64");
        await HeardAsync(login, "sound:agent-user");
        await PressAsync(phone, "2050#");
        await HeardAsync(login, "sound:agent-pass");
        await PressAsync(phone, "9999#");

        await HeardAsync(login, "sound:agent-incorrect");
        await HeardAsync(login, "sound:agent-user", times: 2); // asked again
        Assert.Equal(AgentStatus.LoggedOut, _center.GetAgent(Rita).Status);
        await asterisk.HangupAsync(login);
        await asterisk.AssertNothingLeftAsync();
    }

    private static async Task Eventually(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what);
            await Task.Delay(25);
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what);
            await Task.Delay(25);
        }
    }
}
