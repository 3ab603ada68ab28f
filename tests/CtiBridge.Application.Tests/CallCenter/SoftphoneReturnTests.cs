using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// A web agent's browser softphone survives a page reload: her softphone leg lost while her toolbar is gone is not her
/// hang-up; the customer stays in the call's bridge with music until the reloaded softphone is called back in. Her real
/// hang-ups (the toolbar's Hang up, a BYE from the softphone while the page stays) still end the call.
/// </summary>
public class SoftphoneReturnTests
{
    /// <summary>Ann (web agent, extension 101) talking to a Sales customer; returns her softphone leg.</summary>
    private static (Harness H, Guid CallId, string Customer, string AnnLeg) AnnOnACall()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Center.ToolbarChanged(Ann, connected: true);
        var customer = h.CustomerCalls("Sales");
        var annLeg = h.RingingFor("101").Id;
        h.Pbx.Answer(annLeg);
        return (h, h.OnlyCallOf(Ann), customer, annLeg);
    }

    private static void AssertCustomerWaitsWithMusic(Harness h, Guid callId, string customer)
    {
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
        Assert.Equal(CallState.Connected, h.Center.GetCall(Ann, callId).State);
        var bridge = h.Pbx.Bridges.Single();
        Assert.Equal(new HashSet<string> { customer }, bridge.Members);
        Assert.NotNull(bridge.MusicClass);
        Assert.Empty(h.Sink.CallRecords);
    }

    /// <summary>Her softphone is called back (answering by itself), joins the bridge in place of the lost leg, and the music stops.</summary>
    private static string SoftphoneComesBack(Harness h, Guid callId, string customer)
    {
        h.Center.ToolbarChanged(Ann, connected: true);
        h.Center.ReturnSoftphone(Ann, callId);
        var back = h.Pbx.Legs.Single(l => l.Endpoint == Endpoint("101") && l.Id != customer);
        Assert.True(back.AutoAnswer);
        h.Pbx.Answer(back.Id);   // the softphone answers by itself
        var bridge = h.Pbx.Bridges.Single();
        Assert.Equal(new HashSet<string> { customer, back.Id }, bridge.Members);
        Assert.Null(bridge.MusicClass);
        var me = Assert.Single(h.Center.GetCall(Ann, callId).Parties, p => p.AgentId == Ann);
        Assert.Equal((back.Id, PartyState.Connected), (me.LegId, me.State));
        return back.Id;
    }

    [Fact]
    public void Softphone_leg_lost_while_the_toolbar_is_gone_keeps_the_call_and_the_reloaded_softphone_is_called_back_in()
    {
        var (h, callId, customer, annLeg) = AnnOnACall();

        h.Center.ToolbarChanged(Ann, connected: false);       // the page reloads: the toolbar goes…
        h.Pbx.HangupFromDevice(annLeg);                        // …and Asterisk ends the softphone's leg with it

        AssertCustomerWaitsWithMusic(h, callId, customer);
        var back = SoftphoneComesBack(h, callId, customer);

        h.Pbx.HangupFromDevice(customer);
        var record = h.Sink.CallRecords.Single().Call;
        Assert.Equal((callId, CallEndReason.CustomerHungUp), (record.Id, record.EndReason));
        Assert.NotNull(record.AnsweredAt);
        Assert.Single(record.Parties, p => p.AgentId == Ann);
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        Assert.DoesNotContain(h.Pbx.Legs, l => l.Id == back);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Softphone_leg_lost_just_before_the_toolbar_goes_is_a_reload_too()
    {
        var (h, callId, customer, annLeg) = AnnOnACall();

        h.Pbx.HangupFromDevice(annLeg);
        h.Clock.Advance(1);
        h.Center.ToolbarChanged(Ann, connected: false);
        h.Clock.Advance(5);                                    // past the decision window: she is still on the call

        AssertCustomerWaitsWithMusic(h, callId, customer);
        SoftphoneComesBack(h, callId, customer);
    }

    [Fact]
    public void Reload_that_leaves_the_old_leg_up_on_asterisk_hangs_it_up_without_ending_the_call()
    {
        var (h, callId, customer, annLeg) = AnnOnACall();
        h.Center.ToolbarChanged(Ann, connected: false);

        h.Center.ToolbarChanged(Ann, connected: true);
        h.Center.ReturnSoftphone(Ann, callId);
        h.Center.ReturnSoftphone(Ann, callId);                 // asking twice rings her once

        Assert.DoesNotContain(h.Pbx.Legs, l => l.Id == annLeg);
        var back = Assert.Single(h.Pbx.Legs, l => l.Endpoint == Endpoint("101"));
        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
        Assert.NotNull(h.Pbx.Bridges.Single().MusicClass);
        h.Pbx.Answer(back.Id);
        Assert.Equal(new HashSet<string> { customer, back.Id }, h.Pbx.Bridges.Single().Members);
        Assert.Empty(h.Sink.CallRecords);

        h.Center.Hangup(Ann, callId);                          // her toolbar's Hang up still ends the call
        Assert.Equal(CallEndReason.AgentHungUp, h.Sink.CallRecords.Single().Call.EndReason);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Bye_from_the_softphone_while_the_page_stays_ends_the_call_after_the_decision_window()
    {
        var (h, callId, customer, annLeg) = AnnOnACall();

        h.Pbx.HangupFromDevice(annLeg);
        h.Clock.Advance(3);

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        var record = h.Sink.CallRecords.Single().Call;
        Assert.Equal((callId, CallEndReason.AgentHungUp), (record.Id, record.EndReason));
        h.AssertNothingLeft();
    }

    [Fact]
    public void Toolbar_hang_up_ends_the_call_at_once()
    {
        var (h, callId, _, _) = AnnOnACall();

        h.Center.Hangup(Ann, callId);

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        Assert.Single(h.Sink.CallRecords);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Softphone_that_never_comes_back_ends_her_part_after_the_wait()
    {
        var (h, _, customer, annLeg) = AnnOnACall();
        h.Center.ToolbarChanged(Ann, connected: false);
        h.Pbx.HangupFromDevice(annLeg);

        h.Clock.Advance(10);
        Assert.Contains(h.Pbx.Legs, l => l.Id == customer);
        h.Clock.Advance(25);

        Assert.Single(h.Sink.CallRecords);
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        h.AssertNothingLeft();
    }

    [Fact]
    public void Softphone_return_is_refused_to_others_before_the_answer_and_to_desk_phone_agents()
    {
        var (h, callId, _, _) = AnnOnACall();
        h.Center.Login(Bob, ready: true);
        Assert.Equal(ErrorCodes.CallNotFound, Assert.Throws<CtiException>(() => h.Center.ReturnSoftphone(Bob, callId)).Code);

        h.CustomerCalls("Support");                            // rings Bob
        var bobCall = h.OnlyCallOf(Bob);
        Assert.Equal(ErrorCodes.CallNotConnected, Assert.Throws<CtiException>(() => h.Center.ReturnSoftphone(Bob, bobCall)).Code);
        h.Pbx.Answer(h.RingingFor("102").Id);

        h.Center.Login(Cat, ready: true);                      // Cat has a desk phone (Sip)
        h.CustomerCalls("Support");
        h.Pbx.Answer(h.RingingFor("103").Id);
        var catCall = h.OnlyCallOf(Cat);
        Assert.Equal(ErrorCodes.NoSoftphone, Assert.Throws<CtiException>(() => h.Center.ReturnSoftphone(Cat, catCall)).Code);
    }
}
