namespace CtiBridge.Domain.Agents;

/// <summary>
/// One row of the published state machine: in state From, the trigger (under a condition) leads to
/// the Outcome: a state, "(no change)", "(pending …)" or "refused: code".
/// </summary>
public sealed record AgentTransitionRow(AgentStatus From, AgentTrigger Trigger, string Condition, string Outcome);

/// <summary>
/// The agent state machine as a table: the source of docs/agent-states.md. A test walks every
/// row against <see cref="Agent"/>, and checks every state × trigger pair has a row, so the
/// table and the code cannot drift apart.
/// </summary>
public static class AgentStateTable
{
    public const string NoChange = "(no change)";
    public const string PendingNotReady = "(pending Not Ready)";
    public const string PendingLogout = "(pending Logout)";
    public const string PendingCleared = "(pending cleared)";
    public static string Refused(string code) => "refused: " + code;

    public static IReadOnlyList<AgentTransitionRow> Rows { get; } = Build();

    private static List<AgentTransitionRow> Build()
    {
        const string any = "";
        var rows = new List<AgentTransitionRow>();
        void R(AgentStatus from, AgentTrigger t, string cond, string outcome) => rows.Add(new(from, t, cond, outcome));
        string S(AgentStatus s) => s.ToString();

        // Logged out
        R(AgentStatus.LoggedOut, AgentTrigger.Login, "as Ready", S(AgentStatus.Ready));
        R(AgentStatus.LoggedOut, AgentTrigger.Login, "as Not Ready with a reason", S(AgentStatus.NotReady));
        foreach (var t in new[] { AgentTrigger.Ready, AgentTrigger.NotReady, AgentTrigger.OfferQueueCall,
                     AgentTrigger.OfferDirectCall, AgentTrigger.DialOut })
            R(AgentStatus.LoggedOut, t, any, Refused("agent_not_logged_in"));
        R(AgentStatus.LoggedOut, AgentTrigger.Logout, any, NoChange);
        foreach (var t in new[] { AgentTrigger.Answer, AgentTrigger.Decline, AgentTrigger.RingTimeout, AgentTrigger.OfferWithdrawn })
            R(AgentStatus.LoggedOut, t, any, Refused("call_not_ringing"));
        R(AgentStatus.LoggedOut, AgentTrigger.CallEnded, any, Refused("call_not_connected"));
        foreach (var t in new[] { AgentTrigger.WrapUpExpired, AgentTrigger.EndWrapUp, AgentTrigger.ExtendWrapUp })
            R(AgentStatus.LoggedOut, t, any, Refused("not_in_wrap_up"));
        R(AgentStatus.LoggedOut, AgentTrigger.DeviceLost, any, NoChange);
        R(AgentStatus.LoggedOut, AgentTrigger.DeviceRestored, any, NoChange);
        R(AgentStatus.LoggedOut, AgentTrigger.CallTakenBack, any, Refused("agent_not_logged_in"));

        // Ready and Not Ready share most rows.
        foreach (var idle in new[] { AgentStatus.Ready, AgentStatus.NotReady })
        {
            R(idle, AgentTrigger.Login, any, Refused("agent_already_logged_in"));
            R(idle, AgentTrigger.Logout, any, S(AgentStatus.LoggedOut));
            R(idle, AgentTrigger.OfferDirectCall, any, S(AgentStatus.Ringing));
            R(idle, AgentTrigger.DialOut, "working mode allows outbound", S(AgentStatus.OnCall));
            R(idle, AgentTrigger.DialOut, "working mode is inbound only", Refused("working_mode_forbids_call"));
            foreach (var t in new[] { AgentTrigger.Answer, AgentTrigger.Decline, AgentTrigger.RingTimeout, AgentTrigger.OfferWithdrawn })
                R(idle, t, any, Refused("call_not_ringing"));
            R(idle, AgentTrigger.CallEnded, any, Refused("call_not_connected"));
            foreach (var t in new[] { AgentTrigger.WrapUpExpired, AgentTrigger.EndWrapUp, AgentTrigger.ExtendWrapUp })
                R(idle, t, any, Refused("not_in_wrap_up"));
        }
        R(AgentStatus.Ready, AgentTrigger.Ready, any, NoChange);
        R(AgentStatus.Ready, AgentTrigger.NotReady, any, S(AgentStatus.NotReady));
        R(AgentStatus.Ready, AgentTrigger.OfferQueueCall, "working mode takes inbound", S(AgentStatus.Ringing));
        R(AgentStatus.Ready, AgentTrigger.OfferQueueCall, "working mode is outbound only", Refused("working_mode_forbids_call"));
        R(AgentStatus.Ready, AgentTrigger.DeviceLost, any, S(AgentStatus.NotReady) + " (Device unavailable)");
        R(AgentStatus.Ready, AgentTrigger.DeviceRestored, any, NoChange);
        R(AgentStatus.NotReady, AgentTrigger.Ready, any, S(AgentStatus.Ready));
        R(AgentStatus.NotReady, AgentTrigger.NotReady, "same reason", NoChange);
        R(AgentStatus.NotReady, AgentTrigger.NotReady, "another reason", S(AgentStatus.NotReady));
        R(AgentStatus.NotReady, AgentTrigger.OfferQueueCall, any, Refused("agent_not_ready"));
        R(AgentStatus.NotReady, AgentTrigger.DeviceLost, any, NoChange);
        R(AgentStatus.NotReady, AgentTrigger.DeviceRestored, "reason Device unavailable, tenant returns agents", S(AgentStatus.Ready));
        R(AgentStatus.NotReady, AgentTrigger.DeviceRestored, "otherwise", NoChange);
        R(AgentStatus.Ready, AgentTrigger.CallTakenBack, "connected", S(AgentStatus.OnCall));
        R(AgentStatus.Ready, AgentTrigger.CallTakenBack, "still ringing", S(AgentStatus.Ringing));
        R(AgentStatus.NotReady, AgentTrigger.CallTakenBack, "reason Restarted, connected", S(AgentStatus.OnCall));
        R(AgentStatus.NotReady, AgentTrigger.CallTakenBack, "reason Restarted, still ringing", S(AgentStatus.Ringing));
        R(AgentStatus.NotReady, AgentTrigger.CallTakenBack, "another reason, connected", S(AgentStatus.OnCall) + " (pending Not Ready with that reason)");
        R(AgentStatus.NotReady, AgentTrigger.CallTakenBack, "another reason, still ringing", S(AgentStatus.Ringing) + " (pending Not Ready with that reason)");

        // Ringing
        R(AgentStatus.Ringing, AgentTrigger.Login, any, Refused("agent_already_logged_in"));
        R(AgentStatus.Ringing, AgentTrigger.Ready, any, PendingCleared);
        R(AgentStatus.Ringing, AgentTrigger.NotReady, any, PendingNotReady);
        R(AgentStatus.Ringing, AgentTrigger.Logout, any, PendingLogout);
        R(AgentStatus.Ringing, AgentTrigger.OfferQueueCall, any, Refused("agent_busy"));
        R(AgentStatus.Ringing, AgentTrigger.OfferDirectCall, any, Refused("agent_busy"));
        R(AgentStatus.Ringing, AgentTrigger.DialOut, any, Refused("agent_busy"));
        R(AgentStatus.Ringing, AgentTrigger.Answer, any, S(AgentStatus.OnCall));
        foreach (var t in new[] { AgentTrigger.Decline, AgentTrigger.RingTimeout })
        {
            R(AgentStatus.Ringing, t, "queue call, ACW after ring", S(AgentStatus.WrapUp));
            R(AgentStatus.Ringing, t, "queue call, a pending request", "the pending state");
            R(AgentStatus.Ringing, t, "queue call, otherwise",
                S(AgentStatus.NotReady) + (t == AgentTrigger.Decline ? " (Declined)" : " (Missed)"));
            R(AgentStatus.Ringing, t, "direct call", "the state before the offer (or the pending state)");
        }
        R(AgentStatus.Ringing, AgentTrigger.RingTimeout, "phone unreachable (the PBX could not ring it), a pending request", "the pending state");
        R(AgentStatus.Ringing, AgentTrigger.RingTimeout, "phone unreachable (the PBX could not ring it), otherwise",
            S(AgentStatus.NotReady) + " (Device unavailable)");
        R(AgentStatus.Ringing, AgentTrigger.OfferWithdrawn, "queue call, ACW after ring", S(AgentStatus.WrapUp));
        R(AgentStatus.Ringing, AgentTrigger.OfferWithdrawn, "otherwise", "the state before the offer (or the pending state)");
        R(AgentStatus.Ringing, AgentTrigger.CallEnded, any, Refused("call_not_connected"));
        foreach (var t in new[] { AgentTrigger.WrapUpExpired, AgentTrigger.EndWrapUp, AgentTrigger.ExtendWrapUp })
            R(AgentStatus.Ringing, t, any, Refused("not_in_wrap_up"));
        R(AgentStatus.Ringing, AgentTrigger.DeviceLost, any, NoChange);
        R(AgentStatus.Ringing, AgentTrigger.DeviceRestored, any, NoChange);
        R(AgentStatus.Ringing, AgentTrigger.CallTakenBack, any, Refused("agent_busy"));

        // On call
        R(AgentStatus.OnCall, AgentTrigger.Login, any, Refused("agent_already_logged_in"));
        R(AgentStatus.OnCall, AgentTrigger.Ready, any, PendingCleared);
        R(AgentStatus.OnCall, AgentTrigger.NotReady, any, PendingNotReady);
        R(AgentStatus.OnCall, AgentTrigger.Logout, any, PendingLogout);
        R(AgentStatus.OnCall, AgentTrigger.OfferQueueCall, any, Refused("agent_busy"));
        R(AgentStatus.OnCall, AgentTrigger.OfferDirectCall, any, Refused("agent_busy"));
        R(AgentStatus.OnCall, AgentTrigger.DialOut, any, Refused("agent_busy"));
        foreach (var t in new[] { AgentTrigger.Answer, AgentTrigger.Decline, AgentTrigger.RingTimeout, AgentTrigger.OfferWithdrawn })
            R(AgentStatus.OnCall, t, any, Refused("call_not_ringing"));
        R(AgentStatus.OnCall, AgentTrigger.CallEnded, "inbound queue call she answered, kept to the end or transferred by her, ACW not disabled, wrap-up > 0 s", S(AgentStatus.WrapUp));
        R(AgentStatus.OnCall, AgentTrigger.CallEnded, "a pending request", "the pending state");
        R(AgentStatus.OnCall, AgentTrigger.CallEnded, "otherwise", "the state before the call");
        foreach (var t in new[] { AgentTrigger.WrapUpExpired, AgentTrigger.EndWrapUp, AgentTrigger.ExtendWrapUp })
            R(AgentStatus.OnCall, t, any, Refused("not_in_wrap_up"));
        R(AgentStatus.OnCall, AgentTrigger.DeviceLost, any, NoChange);
        R(AgentStatus.OnCall, AgentTrigger.DeviceRestored, any, NoChange);
        R(AgentStatus.OnCall, AgentTrigger.CallTakenBack, any, Refused("agent_busy"));

        // Wrap-up
        R(AgentStatus.WrapUp, AgentTrigger.Login, any, Refused("agent_already_logged_in"));
        R(AgentStatus.WrapUp, AgentTrigger.Ready, any, S(AgentStatus.Ready) + " (pending cleared)");
        R(AgentStatus.WrapUp, AgentTrigger.NotReady, any, PendingNotReady);
        R(AgentStatus.WrapUp, AgentTrigger.Logout, any, S(AgentStatus.LoggedOut));
        R(AgentStatus.WrapUp, AgentTrigger.OfferQueueCall, any, Refused("agent_busy"));
        R(AgentStatus.WrapUp, AgentTrigger.OfferDirectCall, any, Refused("agent_busy"));
        R(AgentStatus.WrapUp, AgentTrigger.DialOut, any, Refused("agent_busy"));
        foreach (var t in new[] { AgentTrigger.Answer, AgentTrigger.Decline, AgentTrigger.RingTimeout, AgentTrigger.OfferWithdrawn })
            R(AgentStatus.WrapUp, t, any, Refused("call_not_ringing"));
        R(AgentStatus.WrapUp, AgentTrigger.CallEnded, any, Refused("call_not_connected"));
        foreach (var t in new[] { AgentTrigger.WrapUpExpired, AgentTrigger.EndWrapUp })
        {
            R(AgentStatus.WrapUp, t, "a pending request", "the pending state");
            R(AgentStatus.WrapUp, t, "otherwise", S(AgentStatus.Ready));
        }
        R(AgentStatus.WrapUp, AgentTrigger.ExtendWrapUp, any, NoChange + ", countdown longer (at most 1 h in all)");
        R(AgentStatus.WrapUp, AgentTrigger.DeviceLost, any, NoChange + "; Not Ready (Device unavailable) when wrap-up ends");
        R(AgentStatus.WrapUp, AgentTrigger.DeviceRestored, any, NoChange);
        R(AgentStatus.WrapUp, AgentTrigger.CallTakenBack, any, Refused("agent_busy"));
        return rows;
    }
}
