using System.Text;

namespace CtiBridge.Domain.Agents;

/// <summary>Renders docs/agent-states.md from <see cref="AgentStateTable"/> (a test keeps the file current).</summary>
public static class AgentStatesDocument
{
    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append("""
            # Agent states

            <!-- Generated from src/CtiBridge.Domain/Agents/AgentStateTable.cs by the Domain tests
                 (run them with CTI_UPDATE_DOCS=1 to rewrite it). A test walks every row against the code. -->

            An agent is in exactly one state. Requests that cannot apply at once (Not Ready or Logout
            while ringing, on a call or in wrap-up) are kept as **pending** and applied when the call
            and its wrap-up end; the toolbar shows the pending request. Every change is stored (who,
            when, from, to, reason, pending) and published as an `agentStateChanged` event.

            | State | Meaning |
            |---|---|
            | LoggedOut | Not working; receives nothing. |
            | Ready | Receives queue calls (of the skill groups not paused) and direct calls. |
            | NotReady | With a reason (Break, Lunch, … or the system's Missed / Declined / Device unavailable / Restarted): no queue calls; direct calls by default (tenant setting `DirectCallsRequireReady`); may dial out. |
            | Ringing | A call is offered; the countdown runs. |
            | OnCall | Talking (inbound, outbound, internal, consultation or conference). |
            | WrapUp | After-call work after an inbound queue call (ACW mode after answered, or after ring); no queue calls. |

            **Wrap-up after a transfer.** The agent who answered an inbound queue call and transfers it — blind (to an
            agent, a skill group or a number) or by completing a consultation — gets the wrap-up her ACW mode and
            wrap-up time give, as if the call had ended for her: the manuals agree that wrap-up belongs to inbound
            queue calls, and AsterCC's agent "clicks transfer and enters ACW or idle status" by that setting. The
            agent who receives the transferred call gets wrap-up when it ends, as for any queue call she answered. A
            consulted or invited agent who never owned the queue call (she hangs up, or the first agent takes the call
            back) gets none; neither does anyone after outbound, internal or direct calls.

            A declined queue call leaves the agent Not Ready with the reason **Declined**; a ring-out, a busy or an
            unreachable phone gives **Missed**, so supervisors and the agent can tell a choice from a miss.

            Tenant settings where the manuals disagree: `DirectCallsRequireReady` (default false: Not Ready
            agents still take direct calls), `OutboundRequiresNotReady` (default false: Ready or Not Ready
            agents may dial out; when true a Ready agent's dial is refused with 409 `invalid_state_transition`
            and the agent goes Not Ready first), `DeviceUnavailableAutoReturn` (default true). All three are set
            through the admin API, `PUT /api/v1/admin/tenant` with `settings.directCallsRequireReady`,
            `settings.outboundRequiresNotReady`, `settings.deviceUnavailableAutoReturn` (the admin console's page
            for them comes with the admin console); they take effect at once (the tenant is reloaded after the write).

            ## Transitions

            | From | Trigger | Condition | Outcome |
            |---|---|---|---|

            """);
        foreach (var r in AgentStateTable.Rows)
            sb.Append($"| {r.From} | {r.Trigger} | {r.Condition} | {r.Outcome} |\n");
        return sb.ToString();
    }
}
