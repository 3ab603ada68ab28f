using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

public class RoutingTests
{
    [Fact]
    public void Queue_call_is_offered_to_the_ready_agent_and_connects_on_answer()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var customer = h.CustomerCalls("Sales", data: new() { ["account"] = "A-77", ["reason"] = "billing", ["secret"] = "x" });

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));
        var offer = h.Sink.Of<CallOfferedEvent>().Single();
        Assert.Equal(Ann, offer.AgentId);
        Assert.Equal(15, offer.CountdownSeconds);
        Assert.Equal("Sales", offer.Call.SkillGroupName);
        Assert.Equal(["account", "reason"], offer.Call.AttachedData.Select(d => d.Key));
        Assert.Equal("default", h.Pbx.Bridges.Single().MusicClass);

        h.Pbx.Answer(h.RingingFor("101").Id);

        Assert.Equal(AgentStatus.OnCall, h.StatusOf(Ann));
        var bridge = h.Pbx.Bridges.Single();
        Assert.Equal(2, bridge.Members.Count);
        Assert.Contains(customer, bridge.Members);
        Assert.Null(bridge.MusicClass);
        Assert.Equal(CallState.Connected, h.Center.CallsOf(Ann).Single().State);
    }

    [Fact]
    public void A_waiting_caller_carries_what_a_restart_needs_on_their_leg()
    {
        var h = new Harness();
        h.Clock.Advance(5);
        var leg = h.CustomerCalls("Sales", data: new() { ["account"] = "A-77" });

        var vars = h.Pbx.Leg(leg)!.Variables;
        Assert.Equal(h.Center.WaitingCalls(Sales).Single().CallId.ToString(), vars[TenantCallCenter.LegVariables.CallId]);
        Assert.Equal(Sales.ToString(), vars[TenantCallCenter.LegVariables.SkillGroup]);
        Assert.Equal(h.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(), vars[TenantCallCenter.LegVariables.EnqueuedAt]);
    }

    [Fact]
    public void Longest_idle_ready_agent_gets_the_call()
    {
        var h = new Harness();
        h.Center.Login(Bob, ready: true);
        h.Clock.Advance(10);
        h.Center.Login(Ann, ready: true);

        h.CustomerCalls("Sales");

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
    }

    [Fact]
    public void An_agent_who_just_finished_a_call_waits_behind_those_idle_longer()
    {
        var h = new Harness(c => c with { Agents = c.Agents.Select(a => a with { Settings = a.Settings with { AcwMode = AcwMode.Disabled } }).ToList() });
        h.Center.Login(Ann, ready: true);
        h.Clock.Advance(1);
        h.Center.Login(Bob, ready: true);
        var first = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Clock.Advance(30);
        h.Pbx.HangupFromDevice(first);
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));

        h.CustomerCalls("Sales");

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
    }

    [Fact]
    public void Member_priority_comes_before_idle_time()
    {
        var h = new Harness();
        h.Center.Login(Cat, ready: true);   // priority 2 in Support, idle longest
        h.Clock.Advance(60);
        h.Center.Login(Bob, ready: true);   // priority 1

        h.CustomerCalls("Support");

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));
    }

    [Fact]
    public void Declined_call_goes_back_to_the_head_of_the_queue_and_to_the_next_agent_and_the_decliner_is_Not_Ready_Declined()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Clock.Advance(1);
        h.Center.Login(Bob, ready: true);
        h.CustomerCalls("Sales", from: "111");
        h.Clock.Advance(1);
        h.Center.Login(Cat, ready: false);
        var callId = h.OnlyCallOf(Ann);

        h.Center.Decline(Ann, callId);

        var ann = h.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.NotReady, ann.Status);
        Assert.Equal(SystemReasons.Declined, ann.Reason);   // her choice, told apart from a ring-out (Missed)
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        Assert.Equal(callId, h.OnlyCallOf(Bob));
        Assert.Null(h.Pbx.RingingAt(Endpoint("101")));
    }

    [Fact]
    public void Ring_timeout_re_routes_to_the_next_agent()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Clock.Advance(1);
        h.Center.Login(Bob, ready: true);
        h.CustomerCalls("Sales");

        h.Clock.Advance(15);

        Assert.Equal(SystemReasons.Missed, h.Center.GetAgent(Ann).Reason);
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        Assert.Equal(2, h.Sink.Of<CallOfferedEvent>().Count());
    }

    [Fact]
    public void After_ring_acw_mode_puts_a_missing_agent_in_wrap_up_instead_of_not_ready()
    {
        var h = new Harness(c => Harness.DefaultConfig(AcwMode.AfterRing, 10));
        h.Center.Login(Ann, ready: true);
        h.CustomerCalls("Sales");

        h.Clock.Advance(15);

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        h.Clock.Advance(10);
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));   // the same call comes back to her once she is Ready
    }

    [Fact]
    public void A_call_whose_agent_phone_is_unreachable_is_re_routed()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Clock.Advance(1);
        h.Center.Login(Bob, ready: true);
        h.Pbx.SetDevice(Endpoint("101"), registered: true);
        h.CustomerCalls("Sales");

        h.Pbx.HangupFromDevice(h.RingingFor("101").Id, CallEndReason.Busy);

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
    }

    [Fact]
    public void An_offer_the_pbx_cannot_ring_puts_the_agent_not_ready_device_unavailable_and_goes_to_the_next_agent_at_once()
    {
        // Her phone re-registered (reported registered) while the PBX still cannot ring it: the dial fails as unreachable.
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Clock.Advance(1);
        h.Center.Login(Bob, ready: true);
        h.Pbx.SetDevice(Endpoint("101"), registered: true);
        h.CustomerCalls("Sales");

        h.Pbx.HangupFromDevice(h.RingingFor("101").Id, CallEndReason.Unreachable);

        var ann = h.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.NotReady, ann.Status);
        Assert.Equal(SystemReasons.DeviceUnavailable, ann.Reason);   // not "Missed": she never heard it ring
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));            // no ring timeout waited for
    }

    [Fact]
    public void A_call_whose_only_agent_phone_cannot_be_rung_waits_and_is_offered_again_when_her_phone_is_back()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Pbx.SetDevice(Endpoint("101"), registered: true);
        h.CustomerCalls("Sales");

        h.Pbx.HangupFromDevice(h.RingingFor("101").Id, CallEndReason.Unreachable);
        Assert.Equal(SystemReasons.DeviceUnavailable, h.Center.GetAgent(Ann).Reason);
        h.Pbx.SetDevice(Endpoint("101"), registered: false);   // what the adapter reports for a device it could not ring

        h.Pbx.SetDevice(Endpoint("101"), registered: true);    // Asterisk can ring it again

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));    // back to Ready by herself, and the waiting call is hers
    }

    [Fact]
    public void Caller_who_hangs_up_while_waiting_is_recorded_as_abandoned()
    {
        var h = new Harness();
        var leg = h.CustomerCalls("Sales");
        Assert.Equal(1, h.Center.ListGroupStats().Single(g => g.SkillGroupId == Sales).Waiting);

        h.Clock.Advance(40);
        h.Pbx.HangupFromDevice(leg);

        var record = h.Sink.CallRecords.Single();
        Assert.Equal(CallEndReason.AbandonedWhileWaiting, record.Call.EndReason);
        Assert.Equal(TimeSpan.FromSeconds(40), record.Call.WaitTime);
        Assert.Equal(0, h.Center.ListGroupStats().Single(g => g.SkillGroupId == Sales).Waiting);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Caller_who_hangs_up_while_an_agent_rings_is_abandoned_while_ringing_and_the_agent_is_ready_again()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var leg = h.CustomerCalls("Sales");

        h.Pbx.HangupFromDevice(leg);

        Assert.Equal(CallEndReason.AbandonedWhileRinging, h.Sink.CallRecords.Single().Call.EndReason);
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
        h.AssertNothingLeft();
    }

    [Fact]
    public void Group_with_nobody_logged_in_keeps_the_caller_waiting_by_default_and_serves_them_when_an_agent_logs_in()
    {
        var h = new Harness();
        h.CustomerCalls("Sales");
        Assert.Single(h.Center.WaitingCalls(Sales));

        h.Center.Login(Ann, ready: true);

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));
        Assert.Empty(h.Center.WaitingCalls(Sales));
    }

    [Fact]
    public void Group_with_nobody_logged_in_and_a_fallback_sends_the_caller_there_recorded_as_no_agent_online()
    {
        var h = new Harness(c => c with
        {
            Groups = c.Groups.Select(g => g with { NoAgentRule = NoAgentRule.FallbackDestination, FallbackDestination = "voicemail,s,1" }).ToList(),
        });

        var leg = h.CustomerCalls("Sales");

        Assert.Equal(CallEndReason.NoAgentOnline, h.Sink.CallRecords.Single().Call.EndReason);
        Assert.Equal("voicemail,s,1", h.Pbx.RedirectedLegs.Single(l => l.Id == leg).RedirectedTo);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Blocklisted_numbers_are_rejected_before_queueing()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);

        h.CustomerCalls("Sales", from: "666");

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
        Assert.Equal(CallEndReason.Blocklisted, h.Sink.CallRecords.Single().Call.EndReason);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Supervisor_can_move_a_waiting_call_up_and_it_is_served_first()
    {
        var h = new Harness();
        h.CustomerCalls("Sales", from: "111");
        h.Clock.Advance(1);
        h.CustomerCalls("Sales", from: "222");
        h.Clock.Advance(1);
        var third = h.CustomerCalls("Sales", from: "333");
        var waiting = h.Center.WaitingCalls(Sales);
        Assert.Equal(["111", "222", "333"], waiting.Select(w => w.CustomerNumber));

        h.Center.MoveWaitingCall(Sales, waiting[2].CallId, 1);

        Assert.Equal(["333", "111", "222"], h.Center.WaitingCalls(Sales).Select(w => w.CustomerNumber));
        h.Center.Login(Ann, ready: true);
        Assert.Equal("333", h.Center.CallsOf(Ann).Single().CustomerNumber);
        var refusal = Assert.Throws<CtiException>(() => h.Center.MoveWaitingCall(Sales, waiting[0].CallId, 5));
        Assert.Equal(ErrorCodes.ValidationFailed, refusal.Code);
    }

    [Fact]
    public void Wrap_up_follows_an_inbound_queue_call_and_ends_by_itself()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var leg = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Pbx.HangupFromDevice(leg);

        var ann = h.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.WrapUp, ann.Status);
        Assert.Equal(h.Clock.GetUtcNow().AddSeconds(30), ann.WrapUpEndsAt);
        h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));   // no queue call during wrap-up

        h.Clock.Advance(30);

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));
    }

    [Fact]
    public void Agent_in_wrap_up_with_pending_not_ready_goes_not_ready_when_wrap_up_ends()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var leg = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Pbx.HangupFromDevice(leg);

        var pending = h.Center.SetNotReady(Ann, "Lunch");
        Assert.Equal(AgentStatus.WrapUp, pending.Status);
        Assert.Equal(PendingKind.NotReady, pending.Pending);

        h.Clock.Advance(30);

        var ann = h.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.NotReady, ann.Status);
        Assert.Equal("Lunch", ann.Reason);
        Assert.Equal(PendingKind.None, ann.Pending);
        Assert.Contains(h.Sink.StateChanges, c => c.AgentId == Ann && c.Pending.Kind == PendingKind.NotReady && c.From == c.To);
    }

    [Fact]
    public void Logout_requested_on_a_call_is_pending_and_applied_after_the_call_and_wrap_up()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var leg = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);

        Assert.Equal(PendingKind.Logout, h.Center.Logout(Ann).Pending);
        h.Pbx.HangupFromDevice(leg);
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        h.Clock.Advance(30);

        Assert.Equal(AgentStatus.LoggedOut, h.StatusOf(Ann));
    }

    [Fact]
    public void A_hot_desk_phone_is_free_again_once_a_pending_logout_takes_effect()
    {
        var h = new Harness();
        var phone = Harness.Endpoint("2901");
        h.Center.Login(Ann, ready: true, hotDeskEndpoint: phone);
        var leg = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("2901").Id);

        h.Center.Logout(Ann);
        Assert.Equal(Ann, h.Center.AgentByEndpoint(phone)); // still on the call: still their phone
        h.Pbx.HangupFromDevice(leg);
        h.Clock.Advance(30);

        Assert.Equal(AgentStatus.LoggedOut, h.StatusOf(Ann));
        Assert.Null(h.Center.AgentByEndpoint(phone)); // another agent may sign in on it
    }

    [Fact]
    public void Extending_and_ending_wrap_up_early()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var leg = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Pbx.HangupFromDevice(leg);

        h.Center.ExtendWrapUp(Ann, 60);
        h.Clock.Advance(30);
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf(Ann));
        h.Center.EndWrapUp(Ann);

        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
        h.Clock.Advance(120);   // the old timer must not fire into a later state
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
    }

    [Fact]
    public void Every_published_agent_view_has_a_higher_revision_and_an_answer_carries_the_revision_of_its_change()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var leg = h.CustomerCalls("Sales");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Pbx.HangupFromDevice(leg);

        var extended = h.Center.ExtendWrapUp(Ann, 60);
        var pending = h.Center.SetNotReady(Ann, "Break");

        // A client that got the "Extend" answer after the pending change keeps the pending one: its revision is higher.
        Assert.Equal(PendingKind.NotReady, pending.Pending);
        Assert.True(pending.Revision > extended.Revision, $"{pending.Revision} > {extended.Revision}");
        var revisions = h.Sink.Of<AgentStateChangedEvent>().Where(e => e.Agent.AgentId == Ann).Select(e => e.Agent.Revision).ToList();
        Assert.True(revisions.Count >= 4);
        Assert.Equal(revisions.Order(), revisions);
        Assert.Equal(revisions.Count, revisions.Distinct().Count());
        Assert.Equal(pending.Revision, revisions[^1]);
        // Revisions start from the clock, so a restarted service does not hand out lower ones than before.
        Assert.True(revisions[0] > DateTimeOffset.Parse("2026-01-01T00:00:00Z").ToUnixTimeMilliseconds() * 1000);
    }

    [Fact]
    public void Outbound_only_agents_get_no_queue_calls_and_self_select_agents_choose()
    {
        var h = new Harness(c => c with
        {
            Agents = c.Agents.Select(a => a.Id == Ann ? a with { Settings = a.Settings with { WorkingMode = WorkingMode.Outbound } }
                : a.Id == Bob ? a with { Settings = a.Settings with { WorkingMode = WorkingMode.SelfSelect } } : a).ToList(),
        });
        h.Center.Login(Ann, ready: true);
        h.Center.Login(Bob, ready: true);
        h.Center.ChooseWorkingMode(Bob, WorkingMode.Outbound);
        h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Bob));

        h.Center.ChooseWorkingMode(Bob, WorkingMode.Both);

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        var refusal = Assert.Throws<CtiException>(() => h.Center.ChooseWorkingMode(Ann, WorkingMode.Inbound));
        Assert.Equal(ErrorCodes.InvalidStateTransition, refusal.Code);
    }

    [Fact]
    public void Pausing_one_skill_group_keeps_the_agent_ready_for_the_others()
    {
        var h = new Harness();
        h.Center.Login(Bob, ready: true);
        h.Center.SetGroupPaused(Bob, Sales, paused: true);

        h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Bob));
        h.CustomerCalls("Support");
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Bob));
        Assert.Equal("Support", h.Center.CallsOf(Bob).Single().SkillGroupName);
        var refusal = Assert.Throws<CtiException>(() => h.Center.SetGroupPaused(Ann, Support, true));
        Assert.Equal(ErrorCodes.NotAMember, refusal.Code);
    }

    [Fact]
    public void Agent_whose_phone_is_busy_outside_is_skipped_until_it_is_free()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        h.Pbx.SetDevice(Endpoint("101"), registered: true, inUse: true);

        h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));

        h.Pbx.SetDevice(Endpoint("101"), registered: true, inUse: false);
        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));
    }

    [Fact]
    public void Web_agent_losing_registration_while_ready_goes_not_ready_device_unavailable_and_comes_back()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);

        h.Pbx.SetDevice(Endpoint("101"), registered: false);
        var ann = h.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.NotReady, ann.Status);
        Assert.Equal(SystemReasons.DeviceUnavailable, ann.Reason);

        h.Pbx.SetDevice(Endpoint("101"), registered: true);
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
    }

    [Fact]
    public void Tenant_may_keep_agents_not_ready_after_their_device_returns()
    {
        var h = new Harness(c => c with { Settings = c.Settings with { DeviceUnavailableAutoReturn = false } });
        h.Center.Login(Ann, ready: true);
        h.Pbx.SetDevice(Endpoint("101"), registered: false);
        h.Pbx.SetDevice(Endpoint("101"), registered: true);
        Assert.Equal(AgentStatus.NotReady, h.StatusOf(Ann));
    }

    [Fact]
    public void Max_wait_overflows_to_another_group()
    {
        var h = new Harness(c => c with
        {
            Groups = c.Groups.Select(g => g.Id == Sales ? g with { MaxWaitSeconds = 60, OverflowGroupId = Support } : g).ToList(),
        });
        h.Center.Login(Cat, ready: true);   // Support only
        h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Cat));

        h.Clock.Advance(60);

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Cat));
        Assert.Equal("Support", h.Center.CallsOf(Cat).Single().SkillGroupName);
    }

    [Fact]
    public void The_record_says_where_the_caller_waited_group_by_group_and_a_ring_out_does_not_start_a_new_wait()
    {
        var h = new Harness(c => c with
        {
            Groups = c.Groups.Select(g => g.Id == Sales ? g with { MaxWaitSeconds = 60, OverflowGroupId = Support } : g).ToList(),
        });
        var start = h.Clock.GetUtcNow();
        h.Center.Login(Cat, ready: true);   // Support only
        var customer = h.CustomerCalls("Sales");
        h.Clock.Advance(60);                // overflow to Support: Cat rings
        h.Clock.Advance(15);                // and does not answer: back to the head of Support
        h.Center.SetReady(Cat);
        h.Clock.Advance(5);
        h.Pbx.Answer(h.RingingFor("103").Id);
        h.Clock.Advance(30);
        h.Pbx.HangupFromDevice(customer);

        var waits = Assert.Single(h.Sink.CallRecords).Call.GroupWaits;
        Assert.Equal(["Sales", "Support"], waits.Select(w => w.GroupName));
        Assert.Equal((start, start.AddSeconds(60)), (waits[0].EnteredAt, waits[0].LeftAt!.Value));
        Assert.Equal(start.AddSeconds(60), waits[1].EnteredAt);           // one wait in Support across the ring-out
        Assert.Equal(start.AddSeconds(80), waits[1].LeftAt!.Value);        // up to Cat's answer
        // Stored: the caller moved on from Sales (the record names Support), so the skill-group filter finds the call under both.
        var stored = CtiBridge.Application.Persistence.DatabaseJournal.ToRecord(h.Sink.CallRecords.Single());
        Assert.Equal(Support, stored.SkillGroupId);
        Assert.Equal([(Sales, true), (Support, false)], stored.GroupWaits.OrderBy(w => w.Seq).Select(w => (w.SkillGroupId, w.MovedOn)));
    }

    [Fact]
    public void An_abandoned_caller_waited_until_she_hung_up()
    {
        var h = new Harness();
        var start = h.Clock.GetUtcNow();
        var customer = h.CustomerCalls("Sales");
        h.Clock.Advance(42);
        h.Pbx.HangupFromDevice(customer);

        var wait = Assert.Single(Assert.Single(h.Sink.CallRecords).Call.GroupWaits);
        Assert.Equal(("Sales", start, start.AddSeconds(42)), (wait.GroupName, wait.EnteredAt, wait.LeftAt!.Value));
    }

    [Fact]
    public void Max_wait_to_a_destination_records_overflow()
    {
        var h = new Harness(c => c with
        {
            Groups = c.Groups.Select(g => g.Id == Sales ? g with { MaxWaitSeconds = 60, OverflowDestination = "overflow,s,1" } : g).ToList(),
        });
        h.CustomerCalls("Sales");
        h.Clock.Advance(60);
        Assert.Equal(CallEndReason.Overflow, h.Sink.CallRecords.Single().Call.EndReason);
        h.AssertNothingLeft();
    }

    [Fact]
    public void Closed_group_sends_callers_to_its_closed_destination()
    {
        var closedAlways = new BusinessHours("UTC", new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>(), []);
        var h = new Harness(c => c with
        {
            Groups = c.Groups.Select(g => g with { Hours = closedAlways, ClosedDestination = "closed,s,1" }).ToList(),
        });
        h.Center.Login(Ann, ready: true);
        var leg = h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.Ready, h.StatusOf(Ann));
        Assert.Equal(CallEndReason.Closed, h.Sink.CallRecords.Single().Call.EndReason);
        Assert.Equal("closed,s,1", h.Pbx.RedirectedLegs.Single(l => l.Id == leg).RedirectedTo);
    }

    [Fact]
    public void Waiting_callers_hear_position_and_estimated_wait_at_the_group_interval()
    {
        var h = new Harness(c => c with
        {
            Groups = c.Groups.Select(g => g with { AnnounceEverySeconds = 30 }).ToList(),
        });
        h.CustomerCalls("Sales", from: "111");
        var second = h.CustomerCalls("Sales", from: "222");

        h.Clock.Advance(30);

        var played = h.Pbx.Leg(second)!.Played;
        Assert.Equal("number:2", played[1]);
        Assert.Contains("sound:queue-holdtime", played);
    }

    [Fact]
    public void Not_ready_agents_get_no_queue_calls_but_do_get_direct_calls_by_default()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: false, reason: "Break");
        h.CustomerCalls("Sales");
        Assert.Equal(AgentStatus.NotReady, h.StatusOf(Ann));

        h.Pbx.PlaceCall("acme", "101", "5559999", purpose: "direct");

        Assert.Equal(AgentStatus.Ringing, h.StatusOf(Ann));
        Assert.Equal(2, h.Center.ListCalls().Count);
    }

    [Fact]
    public void Tenant_can_require_ready_for_direct_calls()
    {
        var h = new Harness(c => c with { Settings = c.Settings with { DirectCallsRequireReady = true } });
        h.Center.Login(Ann, ready: false, reason: "Break");
        h.Pbx.PlaceCall("acme", "101", "5559999", purpose: "direct");
        Assert.Equal(AgentStatus.NotReady, h.StatusOf(Ann));
        Assert.Equal(CallEndReason.Rejected, h.Sink.CallRecords.Single().Call.EndReason);
    }

    [Fact]
    public void Direct_call_to_a_logged_out_agent_is_refused_as_unreachable()
    {
        var h = new Harness();
        h.Pbx.PlaceCall("acme", "101", "5559999", purpose: "direct");
        Assert.Equal(CallEndReason.Unreachable, h.Sink.CallRecords.Single().Call.EndReason);
        h.AssertNothingLeft();
    }

    [Fact]
    public void No_wrap_up_after_a_direct_call_and_the_agent_returns_to_their_earlier_state()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: false, reason: "Break");
        var leg = h.Pbx.PlaceCall("acme", "101", "5559999", purpose: "direct");
        h.Pbx.Answer(h.RingingFor("101").Id);
        h.Pbx.HangupFromDevice(leg);
        var ann = h.Center.GetAgent(Ann);
        Assert.Equal(AgentStatus.NotReady, ann.Status);
        Assert.Equal("Break", ann.Reason);
    }

    [Fact]
    public void Unknown_pause_reason_is_refused()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: true);
        var refusal = Assert.Throws<CtiException>(() => h.Center.SetNotReady(Ann, "Nap"));
        Assert.Equal(ErrorCodes.UnknownPauseReason, refusal.Code);
        Assert.Equal("Break", h.Center.SetNotReady(Ann, "1").Reason);   // the IVR digit works too
    }

    [Fact]
    public void Every_state_change_is_journaled_with_from_to_and_reason()
    {
        var h = new Harness();
        h.Center.Login(Ann, ready: false, reason: "Break");
        h.Center.SetReady(Ann);
        h.Center.Logout(Ann);
        Assert.Equal(
            [(AgentStatus.LoggedOut, AgentStatus.NotReady, "Break"), (AgentStatus.NotReady, AgentStatus.Ready, null), (AgentStatus.Ready, AgentStatus.LoggedOut, null)],
            h.Sink.StateChanges.Select(c => (c.From, c.To, c.Reason)));
        Assert.Equal(3, h.Sink.Of<AgentStateChangedEvent>().Count());
    }
}
