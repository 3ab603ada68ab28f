using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>Real SIP on both sides of the adapter: sipp plays the provider on the demo trunk and agents' desk phones.</summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class SippTests(RealAsterisk asterisk) : IAsyncLifetime
{
    private readonly RecordingPbxHandler _events = new();
    private AdapterHarness _h = null!;

    public async Task InitializeAsync()
    {
        if (asterisk.Available && Sipp.Find() is not null) _h = await AdapterHarness.StartAsync(asterisk, _events);
    }

    public async Task DisposeAsync()
    {
        if (_h is not null) await _h.DisposeAsync();
    }

    private static string NewLeg() => "cti-" + Guid.NewGuid().ToString("N")[..20];

    [AsteriskAndSippFact]
    public async Task A_call_from_the_trunk_enters_the_app_through_the_committed_dialplan_and_is_answered_by_accept()
    {
        await using var provider = Sipp.Start(
            $"-sn uac -s 5551001 -i 127.0.0.1 -p {asterisk.TrunkPort} -m 1 -d 2000 127.0.0.1:{asterisk.SipPort}");

        var leg = await _events.WaitAsync<IncomingLeg>(what: "the trunk call in the app");
        Assert.Equal(("queue", "demo", "Sales"), (leg.Purpose, leg.Tenant, leg.Target));
        Assert.Equal("PJSIP/demo-trunk", leg.FromEndpoint);
        Assert.Equal("5551001", leg.Variables["DNIS"]);

        var call = Guid.NewGuid();
        await _h.Pbx.AcceptCallAsync(call, leg.LegId); // 200 OK to the provider
        Assert.Equal(0, await provider.ExitAsync()); // the provider hung up after 2 s: a complete, successful call
        Assert.Equal(CallEndReason.Normal, await _events.EndedAsync(leg.LegId));
        await _h.Pbx.EndCallAsync(call);
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task A_desk_phone_rung_with_auto_answer_gets_the_headers_and_its_answer_is_reported()
    {
        await using var phone = Sipp.Start($"-sn uas -i 127.0.0.1 -p {asterisk.PhonePort} -m 1");
        var leg = NewLeg();

        await _h.Pbx.DialAsync(Guid.NewGuid(), leg, new DialTarget("PJSIP/itest-phone-answer", "5550100", "Customer",
            TimeSpan.FromSeconds(20), AutoAnswer: true, new Dictionary<string, string>()));

        await _events.AnsweredAsync(leg);
        Assert.Contains("answer-after=0", phone.Messages);
        Assert.Contains("info=alert-autoanswer", phone.Messages);
        await _h.Pbx.HangupAsync(leg, CallEndReason.Normal);
        Assert.Equal(CallEndReason.Normal, await _events.EndedAsync(leg));
        Assert.Equal(0, await phone.ExitAsync()); // it received the BYE
        await asterisk.AssertNothingLeftAsync();
    }

    [AsteriskAndSippFact]
    public async Task A_desk_phone_answering_486_busy_ends_the_leg_as_busy()
    {
        await using var phone = Sipp.Start($"-sf \"{Sipp.Scenario("uas-busy.xml")}\" -i 127.0.0.1 -p {asterisk.PhonePort} -m 1");
        var leg = NewLeg();

        await _h.Pbx.DialAsync(Guid.NewGuid(), leg, new DialTarget("PJSIP/itest-phone-busy", "5550100", null,
            TimeSpan.FromSeconds(20), AutoAnswer: false, new Dictionary<string, string>()));

        Assert.Equal(CallEndReason.Busy, await _events.EndedAsync(leg));
        await asterisk.AssertNothingLeftAsync();
    }
}
