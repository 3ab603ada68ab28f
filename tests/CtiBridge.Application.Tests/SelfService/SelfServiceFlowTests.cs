using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Tests.CallCenter;
using CtiBridge.Application.Events;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.SelfService;

/// <summary>The tenant's own flows on the Simulator: their prompt, and the customer back as soon as the digits are complete.</summary>
public class SelfServiceFlowTests
{
    private static readonly SelfServiceFlow Account = new("account", "custom/enter-account", MaxDigits: 6, Terminator: null, "accountNumber", TimeoutSeconds: 60);
    private static readonly SelfServiceFlow Survey = new("survey", "custom/rate-us", MaxDigits: null, Terminator: '*', "rating", TimeoutSeconds: 60);

    private static (Harness H, Guid CallId, string Customer) InFlow(string flow)
    {
        var h = new Harness(c => c with { Settings = c.Settings with { SelfServiceFlows = [Account, Survey] } });
        h.Center.Login(Ann, ready: true);
        var customer = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        var callId = h.OnlyCallOf(Ann);
        h.Center.StartSelfService(Ann, callId, flow);
        return (h, callId, customer);
    }

    [Fact]
    public void The_customer_hears_the_flows_prompt_and_is_back_once_the_maximum_digits_are_typed_without_waiting_for_the_timeout()
    {
        var (h, callId, customer) = InFlow("account");
        Assert.Equal(["sound:custom/enter-account"], h.Pbx.Leg(customer)!.Played);

        h.Pbx.SendDtmfFromDevice(customer, "12#45");   // no terminator in this flow: # is a digit like any other
        Assert.Equal("account", h.Center.GetCall(Ann, callId).SelfService);
        Assert.DoesNotContain(customer, h.Pbx.Bridges.Single().Members);

        h.Pbx.SendDtmfFromDevice(customer, "6");       // the sixth digit: back at once, the clock has not moved
        Assert.Contains(customer, h.Pbx.Bridges.Single().Members);
        var call = h.Center.GetCall(Ann, callId);
        Assert.Null(call.SelfService);
        Assert.Contains(new AttachedDataItem("accountNumber", "12#456"), call.AttachedData);
    }

    [Fact]
    public void A_flow_without_a_maximum_ends_at_its_terminator_which_is_not_kept()
    {
        var (h, callId, customer) = InFlow("survey");
        h.Pbx.SendDtmfFromDevice(customer, "1234567890#");
        Assert.Equal("survey", h.Center.GetCall(Ann, callId).SelfService);

        h.Pbx.SendDtmfFromDevice(customer, "*");
        Assert.Contains(customer, h.Pbx.Bridges.Single().Members);
        Assert.Contains(new AttachedDataItem("rating", "1234567890#"), h.Center.GetCall(Ann, callId).AttachedData);
    }

    [Fact]
    public void Digits_typed_after_the_customer_is_back_change_nothing()
    {
        var (h, callId, customer) = InFlow("survey");
        h.Pbx.SendDtmfFromDevice(customer, "5*9");
        Assert.Contains(new AttachedDataItem("rating", "5"), h.Center.GetCall(Ann, callId).AttachedData);
    }

    [Fact]
    public void Flow_names_are_matched_without_regard_to_case()
    {
        var (h, callId, _) = InFlow("SURVEY");
        Assert.Equal("survey", h.Center.GetCall(Ann, callId).SelfService);
    }
}
