using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Domain.Tests.Agents;

/// <summary>
/// Walks every row of <see cref="AgentStateTable"/> against <see cref="Agent"/>, so the published
/// table (docs/agent-states.md) and the code cannot disagree.
/// </summary>
public class AgentStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Call = Guid.NewGuid();
    private static readonly Guid Group = Guid.NewGuid();

    /// <summary>An agent brought into <paramref name="state"/> the way it happens in service.</summary>
    private static Agent InState(AgentStatus state, string condition)
    {
        var settings = new AgentSettings("101", ExtensionKind.Web,
            condition.Contains("ACW after ring") ? AcwMode.AfterRing : AcwMode.AfterAnswered, 30,
            condition.Contains("outbound only") ? WorkingMode.Outbound : condition.Contains("inbound only") ? WorkingMode.Inbound : WorkingMode.Both);
        var a = new Agent(Guid.NewGuid(), Guid.NewGuid(), "Ann", settings);
        if (state == AgentStatus.LoggedOut) return a;
        if (condition.StartsWith("reason Restarted", StringComparison.Ordinal)) a.Resume(T0, ready: false, reason: SystemReasons.Restarted, loggedInAt: T0, idleSince: null);
        else a.Login(T0, ready: state != AgentStatus.NotReady, reason: "Break");
        if (condition.Contains("reason Device unavailable"))
        {
            a.RequestReady(T0);
            a.DeviceLost(T0);
        }
        switch (state)
        {
            case AgentStatus.Ringing:
                a.Offer(T0, Call, fromQueue: !condition.Contains("direct"));
                if (condition.Contains("pending")) a.RequestNotReady(T0, "Lunch");
                break;
            case AgentStatus.OnCall:
                if (condition.Contains("inbound queue call")) { a.Offer(T0, Call, true); a.Answer(T0); }
                else a.DialOut(T0, Call);
                if (condition.Contains("pending")) a.RequestNotReady(T0, "Lunch");
                break;
            case AgentStatus.WrapUp:
                a.Offer(T0, Call, true);
                a.Answer(T0);
                a.CallEnded(T0, wrapUpEligible: true);
                if (condition.Contains("pending")) a.RequestNotReady(T0, "Lunch");
                break;
        }
        Assert.Equal(state, a.Status);
        return a;
    }

    private static AgentStateChange? Fire(Agent a, AgentTrigger trigger, string condition)
    {
        var now = T0.AddSeconds(5);
        return trigger switch
        {
            AgentTrigger.Login => a.Login(now, ready: condition != "as Not Ready with a reason", reason: "Break"),
            AgentTrigger.Ready => a.RequestReady(now),
            AgentTrigger.NotReady => a.RequestNotReady(now, condition == "same reason" ? "Break" : "Lunch"),
            AgentTrigger.Logout => a.RequestLogout(now),
            AgentTrigger.OfferQueueCall => a.Offer(now, Guid.NewGuid(), fromQueue: true),
            AgentTrigger.OfferDirectCall => a.Offer(now, Guid.NewGuid(), fromQueue: false),
            AgentTrigger.Answer => a.Answer(now),
            AgentTrigger.Decline or AgentTrigger.RingTimeout => a.Missed(now, trigger, phoneUnreachable: condition.Contains("phone unreachable")),
            AgentTrigger.OfferWithdrawn => a.OfferWithdrawn(now),
            AgentTrigger.DialOut => a.DialOut(now, Guid.NewGuid()),
            AgentTrigger.CallEnded => a.CallEnded(now, wrapUpEligible: condition.Contains("inbound queue call")),
            AgentTrigger.WrapUpExpired => a.WrapUpExpired(now),
            AgentTrigger.EndWrapUp => a.EndWrapUp(now),
            AgentTrigger.ExtendWrapUp => a.ExtendWrapUp(now, TimeSpan.FromSeconds(30)),
            AgentTrigger.DeviceLost => a.DeviceLost(now),
            AgentTrigger.DeviceRestored => a.DeviceRestored(now, returnToReady: condition.Contains("tenant returns agents")),
            AgentTrigger.CallTakenBack => a.TakeBackCall(now, Guid.NewGuid(), fromQueue: true, ringing: condition.Contains("still ringing")),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
        };
    }

    public static IEnumerable<object[]> Rows() =>
        AgentStateTable.Rows.Select(r => new object[] { r.From, r.Trigger, r.Condition, r.Outcome });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_row_of_the_published_table_holds(AgentStatus from, AgentTrigger trigger, string condition, string outcome)
    {
        var agent = InState(from, condition);
        var before = (agent.Status, agent.Reason, agent.Pending);

        if (outcome.StartsWith("refused: ", StringComparison.Ordinal))
        {
            var ex = Assert.Throws<CtiException>(() => Fire(agent, trigger, condition));
            Assert.Equal(outcome["refused: ".Length..], ex.Code);
            Assert.Equal(before, (agent.Status, agent.Reason, agent.Pending));   // a refusal changes nothing
            return;
        }

        var change = Fire(agent, trigger, condition);

        switch (outcome)
        {
            case var o when o.StartsWith(AgentStateTable.NoChange, StringComparison.Ordinal):
                Assert.Equal(before.Status, agent.Status);
                Assert.Equal(before.Reason, agent.Reason);
                if (trigger != AgentTrigger.ExtendWrapUp) Assert.True(change is null || change.From == change.To);
                break;
            case AgentStateTable.PendingNotReady:
                Assert.Equal(from, agent.Status);
                Assert.Equal(new PendingState(PendingKind.NotReady, "Lunch"), agent.Pending);
                Assert.Equal(agent.Pending, change!.Pending);
                break;
            case AgentStateTable.PendingLogout:
                Assert.Equal(from, agent.Status);
                Assert.Equal(PendingKind.Logout, agent.Pending.Kind);
                break;
            case AgentStateTable.PendingCleared:
                Assert.Equal(from, agent.Status);
                Assert.False(agent.Pending.IsSet);
                break;
            case "the pending state":
                Assert.Equal(AgentStatus.NotReady, agent.Status);
                Assert.Equal("Lunch", agent.Reason);
                Assert.False(agent.Pending.IsSet);
                break;
            case "the state before the offer (or the pending state)" or "the state before the call":
                Assert.Equal(AgentStatus.Ready, agent.Status);
                break;
            default:
                var expected = Enum.Parse<AgentStatus>(outcome.Split(' ')[0]);
                Assert.Equal(expected, agent.Status);
                Assert.Equal(expected, change!.To);
                if (outcome.Contains("(Missed)")) Assert.Equal(SystemReasons.Missed, agent.Reason);
                if (outcome.Contains("(Declined)")) Assert.Equal(SystemReasons.Declined, agent.Reason);
                if (outcome.Contains("(Device unavailable)")) Assert.Equal(SystemReasons.DeviceUnavailable, agent.Reason);
                if (outcome.Contains("pending cleared")) Assert.False(agent.Pending.IsSet);
                if (outcome.Contains("pending Not Ready with that reason")) Assert.Equal(new PendingState(PendingKind.NotReady, before.Reason), agent.Pending);
                break;
        }
    }

    [Fact]
    public void Every_state_and_trigger_pair_has_a_row()
    {
        var missing = from s in Enum.GetValues<AgentStatus>()
                      from t in Enum.GetValues<AgentTrigger>()
                      where !AgentStateTable.Rows.Any(r => r.From == s && r.Trigger == t)
                      select $"{s} × {t}";
        Assert.Empty(missing);
    }

    [Fact]
    public void The_published_document_is_generated_from_the_table()
    {
        var path = Path.Combine(RepoRoot(), "docs", "agent-states.md");
        var generated = AgentStatesDocument.Render();
        if (Environment.GetEnvironmentVariable("CTI_UPDATE_DOCS") == "1") File.WriteAllText(path, generated);
        Assert.True(File.Exists(path), "docs/agent-states.md is missing: run the tests with CTI_UPDATE_DOCS=1");
        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void Wrap_up_extension_is_capped_at_an_hour_in_all()
    {
        var a = InState(AgentStatus.WrapUp, "");
        a.ExtendWrapUp(T0, TimeSpan.FromHours(5));
        Assert.Equal(T0 + Agent.MaxWrapUp, a.WrapUpEndsAt);
    }

    [Fact]
    public void A_missed_queue_call_keeps_the_agents_idle_time_for_fairness_but_a_finished_call_resets_it()
    {
        var a = InState(AgentStatus.Ready, "");
        var idle = a.IdleSince;
        a.Offer(T0.AddSeconds(10), Call, true);
        a.OfferWithdrawn(T0.AddSeconds(12));
        Assert.Equal(idle, a.IdleSince);
        a.Offer(T0.AddSeconds(20), Call, true);
        a.Answer(T0.AddSeconds(21));
        a.CallEnded(T0.AddSeconds(60), wrapUpEligible: false);
        Assert.Equal(T0.AddSeconds(60), a.IdleSince);
    }

    [Fact]
    public void Paused_group_and_busy_device_take_a_ready_agent_out_of_routing()
    {
        var a = InState(AgentStatus.Ready, "");
        Assert.True(a.IsAvailableForQueue(Group));
        a.SetGroupPaused(Group, true);
        Assert.False(a.IsAvailableForQueue(Group));
        Assert.True(a.IsAvailableForQueue(Guid.NewGuid()));
        a.DeviceBusyOutside = true;
        Assert.False(a.IsAvailableForQueue(Guid.NewGuid()));
    }

    [Fact]
    public void A_call_taken_back_after_a_restart_ends_like_a_queue_call_wrap_up_then_ready_or_the_reason_kept_as_pending()
    {
        var settings = new AgentSettings("101", ExtensionKind.Web);
        var restarted = new Agent(Guid.NewGuid(), Guid.NewGuid(), "Ann", settings);
        restarted.Resume(T0, ready: false, reason: SystemReasons.Restarted, loggedInAt: T0, idleSince: null);

        var change = restarted.TakeBackCall(T0.AddSeconds(1), Call, fromQueue: true);

        Assert.Equal((AgentStatus.NotReady, AgentStatus.OnCall, AgentTrigger.CallTakenBack, (Guid?)Call), (change.From, change.To, change.Trigger, change.CallId));
        Assert.Equal(AgentStatus.WrapUp, restarted.CallEnded(T0.AddSeconds(60), wrapUpEligible: true).To);
        Assert.Equal(AgentStatus.Ready, restarted.WrapUpExpired(T0.AddSeconds(90)).To);

        var onBreak = new Agent(Guid.NewGuid(), Guid.NewGuid(), "Bob", settings);
        onBreak.Login(T0, ready: false, reason: "Lunch");
        onBreak.TakeBackCall(T0.AddSeconds(1), Call, fromQueue: true);
        onBreak.CallEnded(T0.AddSeconds(60), wrapUpEligible: true);
        Assert.Equal((AgentStatus.NotReady, "Lunch"), (onBreak.WrapUpExpired(T0.AddSeconds(90)).To, onBreak.Reason));
    }

    [Fact]
    public void Resuming_after_a_restart_is_a_login_that_goes_on_from_the_sessions_times_never_later_than_now()
    {
        var settings = new AgentSettings("101", ExtensionKind.Web);
        var ready = new Agent(Guid.NewGuid(), Guid.NewGuid(), "Ann", settings);
        var now = T0.AddMinutes(30);

        var change = ready.Resume(now, ready: true, reason: null, loggedInAt: T0, idleSince: T0.AddMinutes(10), stateSince: T0.AddMinutes(12));

        Assert.Equal((AgentStatus.LoggedOut, AgentStatus.Ready, AgentTrigger.Login, now), (change.From, change.To, change.Trigger, change.At));
        Assert.Equal((T0, T0.AddMinutes(10), T0.AddMinutes(12)), (ready.LoggedInAt, ready.IdleSince, ready.StateSince));
        Assert.Throws<CtiException>(() => ready.Resume(now, ready: true, reason: null, loggedInAt: T0, idleSince: null));

        var busy = new Agent(Guid.NewGuid(), Guid.NewGuid(), "Bob", settings);
        busy.Resume(now, ready: false, reason: SystemReasons.Restarted, loggedInAt: now.AddHours(1), idleSince: null);
        Assert.Equal((AgentStatus.NotReady, SystemReasons.Restarted), (busy.Status, busy.Reason));
        Assert.Equal((now, now), (busy.LoggedInAt, busy.StateSince)); // a login time after now (clock skew) counts as now; a new state starts now
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CtiBridge.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CtiBridge.sln not found above " + AppContext.BaseDirectory);
    }
}
