using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>
/// The PBX port on a real Asterisk with the project's asterisk-config: customers are Local channels into the committed
/// inbound dialplan, agents' phones are Local channels into [itest-agents] (or sipp). After every test nothing of ours is
/// left on Asterisk.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class AsteriskPbxTests(RealAsterisk asterisk) : IAsyncLifetime
{
    private readonly RecordingPbxHandler _events = new();
    private AdapterHarness _h = null!;

    private AsteriskPbx Pbx => _h.Pbx;

    public async Task InitializeAsync()
    {
        if (!asterisk.Available) return;
        _h = await AdapterHarness.StartAsync(asterisk, _events);
    }

    public async Task DisposeAsync()
    {
        if (_h is not null) await _h.DisposeAsync();
    }

    private static DialTarget Target(string endpoint, int timeoutSeconds = 20, bool autoAnswer = false) =>
        new(endpoint, "5550100", "Customer", TimeSpan.FromSeconds(timeoutSeconds), autoAnswer,
            new Dictionary<string, string> { ["CTI_ROLE"] = "agent" });

    private static string NewLeg() => "cti-" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>A customer call accepted into its bridge with an agent leg answered and joined.</summary>
    private async Task<(Guid Call, string Customer, string CustomerPhone, string Agent)> ConnectedCallAsync(
        string agentPhone = "Local/answer@itest-agents/n")
    {
        var (customer, phone) = await _h.CustomerCallsAsync();
        await _events.IncomingAsync(customer);
        var call = Guid.NewGuid();
        await Pbx.AcceptCallAsync(call, customer);
        var agent = NewLeg();
        await Pbx.DialAsync(call, agent, Target(agentPhone));
        await _events.AnsweredAsync(agent);
        await Pbx.JoinCallAsync(call, agent);
        return (call, customer, phone, agent);
    }

    private async Task<IReadOnlyList<string>> BridgeMembersAsync(Guid call) =>
        (await asterisk.BridgesAsync()).Single(b => b.Id == AsteriskPbx.BridgeIdOf(call)).Channels;

    [AsteriskInstalledFact]
    public async Task Inbound_leg_enters_the_app_with_purpose_tenant_target_and_attached_data()
    {
        var (customer, _) = await _h.CustomerCallsAsync("5551001", "5550123");

        var leg = await _events.IncomingAsync(customer);

        Assert.Equal(("queue", "demo", "Sales"), (leg.Purpose, leg.Tenant, leg.Target));
        Assert.Equal("5550123", leg.CallerNumber);
        Assert.Equal("ACC-5550123", leg.Variables["ACCOUNT"]);
        Assert.Equal("5551001", leg.Variables["DNIS"]);
        Assert.Equal("direct-line", leg.Variables["ENTRY"]); // not in ari.conf channelvars: read through CTI_KEYS
        await Pbx.HangupAsync(customer, CallEndReason.Normal);
        Assert.Equal(CallEndReason.Normal, await _events.EndedAsync(customer));
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task Accepted_call_hears_music_then_the_dialled_agent_answers_and_joins_the_bridge()
    {
        var (customer, phone) = await _h.CustomerCallsAsync();
        await _events.IncomingAsync(customer);
        var call = Guid.NewGuid();

        await Pbx.AcceptCallAsync(call, customer);
        await Pbx.StartCallMusicAsync(call, "default");
        Assert.Equal([customer], await BridgeMembersAsync(call));
        Assert.Equal("Up", (await asterisk.ChannelsAsync()).Single(c => c.Id == customer).State);

        var agent = NewLeg();
        await Pbx.DialAsync(call, agent, Target("Local/answer@itest-agents/n"));
        await _events.AnsweredAsync(agent);
        await Task.WhenAll(Pbx.JoinCallAsync(call, agent), Pbx.StopCallMusicAsync(call));
        Assert.Equal(new[] { customer, agent }.Order(), (await BridgeMembersAsync(call)).Order());

        // The customer hangs up on their side: the leg ends normally, exactly once.
        await asterisk.HangupAsync(phone);
        Assert.Equal(CallEndReason.Normal, await _events.EndedAsync(customer));
        await Pbx.HangupAsync(agent, CallEndReason.Normal);
        Assert.Equal(CallEndReason.Normal, await _events.EndedAsync(agent));
        await Pbx.EndCallAsync(call);
        await asterisk.AssertNothingLeftAsync();
        Assert.Single(_events.Of<RecordingPbxHandler.Ended>(), e => e.LegId == customer);
        Assert.Single(_events.Of<RecordingPbxHandler.Ended>(), e => e.LegId == agent);
    }

    [AsteriskInstalledFact]
    public async Task Hold_takes_the_leg_out_of_the_bridge_onto_music_and_resume_brings_it_back()
    {
        var (call, customer, _, agent) = await ConnectedCallAsync();
        var moh = new List<string>();
        using var sub = _h.Ami.Subscribe("MusicOnHoldStart", (m, _) => { lock (moh) moh.Add(m["Channel"] ?? ""); return ValueTask.CompletedTask; });
        var customerName = (await asterisk.ChannelsAsync()).Single(c => c.Id == customer).Name;

        await Pbx.HoldAsync(customer, "default");

        Assert.Equal([agent], await BridgeMembersAsync(call)); // the agent no longer hears the customer, nor they the agent
        await Eventually(() => { lock (moh) return moh.Contains(customerName); }, "MusicOnHoldStart for the held customer");

        await Pbx.ResumeAsync(customer);
        Assert.Equal(new[] { customer, agent }.Order(), (await BridgeMembersAsync(call)).Order());

        await Pbx.HangupAsync(customer, CallEndReason.Normal);
        await Pbx.HangupAsync(agent, CallEndReason.Normal);
        await _events.EndedAsync(customer);
        await _events.EndedAsync(agent);
        await Pbx.EndCallAsync(call);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task Dtmf_sent_to_a_leg_reaches_the_far_end_and_digits_from_it_are_reported()
    {
        // The agent's phone ([itest-agents] dtmf) waits for a digit and keeps it in the global ITEST_DIGIT (ARI reads
        // channel variables only of channels in the app); then it presses a digit of its own. Each direction is checked
        // on its own, rather than through an echo of the same digit.
        (await asterisk.Http.PostAsync("asterisk/variable?variable=ITEST_DIGIT&value=", null)).EnsureSuccessStatusCode();
        var (call, customer, _, agent) = await ConnectedCallAsync("Local/dtmf@itest-agents/n");
        var phoneHalf = await asterisk.OtherHalfAsync(agent) ?? throw new InvalidOperationException("no far half of " + agent);

        await Pbx.SendDtmfAsync(agent, "5");
        string? digit = null;
        await Eventually(async () =>
        {
            digit = (await asterisk.GetJsonAsync("asterisk/variable?variable=ITEST_DIGIT")).GetProperty("value").GetString();
            return !string.IsNullOrEmpty(digit);
        }, "the digit at the phone");
        Assert.Equal("5", digit);

        // The phone presses 7: the digit comes out of its half of the Local channel into the app's leg.
        var phoneHalfName = (await asterisk.ChannelsAsync()).Single(c => c.Id == phoneHalf).Name;
        (await _h.Ami.SendActionAsync(new AmiAction("PlayDTMF").Add("Channel", phoneHalfName).Add("Digit", "7").Add("Duration", 120)))
            .EnsureSuccess("PlayDTMF");
        var dtmf = await _events.WaitAsync<RecordingPbxHandler.Dtmf>(d => d.LegId == agent, what: "the phone's digit reported");
        Assert.Equal('7', dtmf.Digit);

        await Pbx.HangupAsync(customer, CallEndReason.Normal);
        await Pbx.HangupAsync(agent, CallEndReason.Normal);
        await _events.EndedAsync(agent);
        await Pbx.EndCallAsync(call);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task Bridge_recording_is_stored_and_downloaded_as_a_wav()
    {
        var (call, customer, _, agent) = await ConnectedCallAsync();
        var name = "itest-" + Guid.NewGuid().ToString("N")[..10];

        await Pbx.StartRecordingAsync(call, name);
        await Task.Delay(1500); // let a second and a half of conversation be recorded
        await Pbx.StopRecordingAsync(name);

        await using var audio = await Pbx.OpenRecordingAsync(name);
        Assert.NotNull(audio);
        using var copy = new MemoryStream();
        await audio.CopyToAsync(copy);
        var bytes = copy.ToArray();
        Assert.True(bytes.Length > 44 + 8000, $"recording has {bytes.Length} bytes");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Null(await Pbx.OpenRecordingAsync("no-such-recording"));

        await Pbx.HangupAsync(customer, CallEndReason.Normal);
        await Pbx.HangupAsync(agent, CallEndReason.Normal);
        await _events.EndedAsync(agent);
        await Pbx.EndCallAsync(call);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledTheory]
    [InlineData("Local/busy@itest-agents/n", CallEndReason.Busy)]
    [InlineData("Local/reject@itest-agents/n", CallEndReason.Rejected)]
    [InlineData("Local/unreachable@itest-agents/n", CallEndReason.Unreachable)]
    [InlineData("PJSIP/itest-phone-offline", CallEndReason.Unreachable)]
    [InlineData("PJSIP/no-such-endpoint", CallEndReason.Unreachable)]
    public async Task A_dialled_leg_that_fails_ends_with_the_mapped_cause(string endpoint, CallEndReason expected)
    {
        var leg = NewLeg();
        await Pbx.DialAsync(Guid.NewGuid(), leg, Target(endpoint));
        Assert.Equal(expected, await _events.EndedAsync(leg));
        Assert.Single(_events.Of<RecordingPbxHandler.Ended>(), e => e.LegId == leg);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task Asterisk_refuses_a_channel_to_a_phone_without_a_reachable_contact_with_allocation_failed()
    {
        // What the adapter maps to "device unavailable" (the offer's agent goes Not Ready "Device unavailable", not Missed):
        // checked here on the real thing, recorded in the adapter's tests (DeviceStateTests).
        using var response = await asterisk.Http.PostAsync(
            "channels?endpoint=PJSIP/itest-phone-offline&app=itest-refused&channelId=" + NewLeg(), null);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Allocation failed", await response.Content.ReadAsStringAsync());
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task A_dialled_leg_nobody_answers_ends_as_no_answer_when_its_ring_timeout_passes()
    {
        var leg = NewLeg();
        await Pbx.DialAsync(Guid.NewGuid(), leg, Target("Local/ring@itest-agents/n", timeoutSeconds: 2));
        Assert.Equal(CallEndReason.NoAnswer, await _events.EndedAsync(leg));
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task A_ringing_leg_hung_up_by_the_app_ends_with_the_reason_given()
    {
        var leg = NewLeg();
        await Pbx.DialAsync(Guid.NewGuid(), leg, Target("Local/ring@itest-agents/n"));
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Id == leg), "the ringing leg");
        await Pbx.HangupAsync(leg, CallEndReason.NoAnswer);
        Assert.Equal(CallEndReason.NoAnswer, await _events.EndedAsync(leg));
        await Pbx.HangupAsync(leg, CallEndReason.Normal); // already gone: not an error
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task Redirect_sends_the_leg_into_the_dialplan_and_it_leaves_the_app_without_an_end_event()
    {
        var (customer, _) = await _h.CustomerCallsAsync();
        await _events.IncomingAsync(customer);

        await Pbx.RedirectAsync(customer, "cti-redirect,hangup,1");

        await asterisk.AssertNothingLeftAsync(); // the dialplan hung it up
        Assert.DoesNotContain(_events.Of<RecordingPbxHandler.Ended>(), e => e.LegId == customer);
        Assert.DoesNotContain(customer, Pbx.TrackedLegs);
    }

    [AsteriskInstalledFact]
    public async Task Answering_for_an_agent_is_refused_on_asterisk()
    {
        Assert.False(Pbx.Capabilities.CanAnswerForAgent);
        var ex = await Assert.ThrowsAsync<CtiException>(() => Pbx.AnswerLegAsync("any"));
        Assert.Equal(ErrorCodes.AnswerOnDevice, ex.Code);
    }

    [AsteriskInstalledFact]
    public async Task Prompts_played_to_a_leg_report_when_they_finish()
    {
        var (customer, _) = await _h.CustomerCallsAsync();
        await _events.IncomingAsync(customer);
        var call = Guid.NewGuid();
        await Pbx.AcceptCallAsync(call, customer);

        await Pbx.PlayAsync(customer, ["sound:beep", "sound:beep"]);
        await _events.WaitAsync<RecordingPbxHandler.PlaybackFinished>(p => p.LegId == customer, what: "playback finished");

        await Pbx.HangupAsync(customer, CallEndReason.Normal);
        await _events.EndedAsync(customer);
        await Pbx.EndCallAsync(call);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskInstalledFact]
    public async Task Device_states_of_pjsip_endpoints_are_reported_from_ami()
    {
        await Pbx.RefreshDevicesAsync();
        var offline = await _events.WaitAsync<DeviceStatus>(d => d.Endpoint == "PJSIP/itest-phone-offline", what: "itest-phone-offline device state");
        Assert.False(offline.Registered); // nobody registered in the test
        var phone = await _events.WaitAsync<DeviceStatus>(d => d.Endpoint == "PJSIP/itest-phone-answer", what: "static-contact phone state");
        Assert.False(phone.InUse);
    }

    [AsteriskInstalledFact]
    public async Task After_the_event_connection_returns_legs_that_vanished_are_reported_ended()
    {
        var (customer, _) = await _h.CustomerCallsAsync();
        await _events.IncomingAsync(customer);
        // The channel disappears behind the adapter's back (as while the WebSocket was down): resync reports it.
        await _h.Events.DisposeAsync();
        await asterisk.HangupAsync(customer);
        await asterisk.AssertNothingLeftAsync();
        await Pbx.ResyncAsync();
        Assert.Equal(CallEndReason.Normal, await _events.EndedAsync(customer));
    }

    private static async Task Eventually(Func<bool> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }
}
