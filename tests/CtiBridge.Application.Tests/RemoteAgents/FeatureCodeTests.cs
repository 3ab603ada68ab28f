using CtiBridge.Application.CallCenter;
using CtiBridge.Application.RemoteAgents;
using CtiBridge.Application.Tests.CallCenter;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging.Abstractions;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.RemoteAgents;

public class FeatureCodeTests
{
    private const string MobileCaller = "0612345678";

    /// <summary>Cat is a remote agent (agent number 1003, PIN 4321) who has only a telephone.</summary>
    private static Harness RemoteHarness(string? mobile = null)
    {
        var h = new Harness(c => c with
        {
            Agents = c.Agents.Select(a => a.Id == Cat
                ? a with { Settings = a.Settings with { ExtensionKind = ExtensionKind.Remote, MobileNumber = mobile }, IvrPinHash = "pin:4321" }
                : a).ToList(),
        });
        h.Service.FeatureCodes = new FeatureCodeFlow(h.Clock, (pin, hash) => hash == "pin:" + pin, NullLogger<FeatureCodeFlow>.Instance);
        return h;
    }

    /// <summary>Dials a feature code from a phone, types the digits, returns every prompt the caller heard.</summary>
    private static List<string> Dial(Harness h, string code, string caller = MobileCaller, params string[] entries)
    {
        var heard = new List<string>();
        void Listen(Simulator.SimLeg l, IReadOnlyList<string> media) => heard.AddRange(media);
        h.Pbx.PromptsPlayed += Listen;
        var leg = h.Pbx.PlaceCall("acme", code, caller, purpose: "feature");
        foreach (var e in entries) if (h.Pbx.Leg(leg) is not null) h.Pbx.SendDtmfFromDevice(leg, e);
        h.Pbx.PromptsPlayed -= Listen;
        Assert.Null(h.Pbx.Leg(leg));   // the flow always hangs up after its last word
        return heard;
    }

    [Fact]
    public void Remote_agent_logs_in_with_agent_number_and_pin_and_the_next_queue_call_rings_the_phone_they_called_from()
    {
        var h = RemoteHarness();

        var heard = Dial(h, "*64", MobileCaller, "1003#", "4321#");

        Assert.Equal(["sound:agent-user", "sound:agent-pass", "sound:agent-loginok"], heard);
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));
        h.CustomerCalls("Support");
        var ringing = h.Pbx.Legs.Single(l => l.Dialled);
        Assert.Equal($"PJSIP/{MobileCaller}@acme-trunk", ringing.Endpoint);
        h.Pbx.Answer(ringing.Id);
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Cat));
    }

    [Fact]
    public void Remote_agent_with_a_configured_mobile_is_called_there()
    {
        var h = RemoteHarness(mobile: "0700000000");
        Dial(h, "*64", "0123", "1003#", "4321#");
        h.CustomerCalls("Support");
        Assert.Equal("PJSIP/0700000000@acme-trunk", h.Pbx.Legs.Single(l => l.Dialled).Endpoint);
    }

    [Fact]
    public void Wrong_pin_is_spoken_back_and_three_wrong_attempts_end_the_call()
    {
        var h = RemoteHarness();

        var heard = Dial(h, "*64", MobileCaller, "1003#", "0000#", "1003#", "1111#", "1003#", "2222#");

        Assert.Equal(3, heard.Count(p => p == "sound:agent-incorrect"));
        Assert.Equal("sound:goodbye", heard[^1]);
        Assert.Equal(AgentStatus.LoggedOut, h.StatusOf(Cat));
    }

    [Fact]
    public void Agent_already_logged_in_elsewhere_is_told_so()
    {
        var h = RemoteHarness();
        h.Center.Login(Cat, ready: false, reason: "Break");
        var heard = Dial(h, "*64", MobileCaller, "1003#", "4321#");
        Assert.Equal("sound:agent-alreadyon", heard[^1]);
    }

    [Fact]
    public void Pause_with_a_reason_digit_ready_and_logout_from_the_same_phone()
    {
        var h = RemoteHarness();
        Dial(h, "*64", MobileCaller, "1003#", "4321#");

        Assert.Equal("sound:auth-thankyou", Dial(h, "*662")[^1]);
        var cat = h.Center.GetAgent(Cat);
        Assert.Equal((AgentStatus.NotReady, "Lunch"), (cat.Status, cat.Reason));

        Dial(h, "*67");
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));

        Assert.Equal("sound:agent-loggedoff", Dial(h, "*65")[^1]);
        Assert.Equal(AgentStatus.LoggedOut, h.StatusOf(Cat));
        Assert.Contains(h.Sink.StateChanges, c => c.AgentId == Cat && c.To == AgentStatus.LoggedOut);
    }

    [Fact]
    public void Feature_codes_from_a_phone_nobody_logged_in_from_are_refused_and_an_unknown_reason_digit_is_invalid()
    {
        var h = RemoteHarness();
        Assert.Equal("sound:agent-loggedoff", Dial(h, "*67", "0999")[^1]);
        Dial(h, "*64", MobileCaller, "1003#", "4321#");
        Assert.Equal("sound:invalid", Dial(h, "*669")[^1]);
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));
    }

    [Fact]
    public void Silence_ends_the_login_with_goodbye()
    {
        var h = RemoteHarness();
        var leg = h.Pbx.PlaceCall("acme", "*64", MobileCaller, purpose: "feature");
        h.Clock.Advance(FeatureCodeFlow.DigitTimeout);
        Assert.Null(h.Pbx.Leg(leg));
        Assert.Equal(AgentStatus.LoggedOut, h.StatusOf(Cat));
    }
}
