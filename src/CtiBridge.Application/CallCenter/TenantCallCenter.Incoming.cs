using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.CallCenter;

/// <summary>Legs the dialplan hands to the app: direct calls to an extension, and agents dialling out from their phone.</summary>
public sealed partial class TenantCallCenter
{
    /// <summary>A caller dialled an agent's extension.</summary>
    internal void IncomingDirectCall(IncomingLeg leg)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = NewInboundCall(CallKind.Direct, leg, Now);
                if (!_agentsByExtension.TryGetValue(leg.Target, out var agent))
                {
                    Reject(w, call, CallEndReason.Unreachable, null);
                    return;
                }
                var refusal = agent.Agent.Status switch
                {
                    AgentStatus.LoggedOut => CallEndReason.Unreachable,
                    AgentStatus.NotReady when _config.Settings.DirectCallsRequireReady => CallEndReason.Rejected,
                    AgentStatus.Ready or AgentStatus.NotReady => (CallEndReason?)null,
                    _ => CallEndReason.Busy,
                };
                if (refusal is { } r)
                {
                    Reject(w, call, r, null);
                    return;
                }
                w.Add(call, () => _pbx.AcceptCallAsync(call.Call.Id, leg.LegId), ex => OnAcceptFailure(call.Call.Id, leg.LegId, ex));
                StartMusic(w, call);
                Offer(w, call, agent, fromQueue: false);
            }
        });
    }

    /// <summary>
    /// An agent dialled from their phone or softphone and the dialplan handed it to us: a number outside (purpose
    /// <c>outbound</c>) or a colleague's extension (purpose <c>direct</c> from a logged-in agent's endpoint). Either way she
    /// is On call for the whole call, a party as herself, and offered no queue call meanwhile.
    /// </summary>
    internal void OutboundFromPhone(IncomingLeg leg, Guid agentId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var now = Now;
                var me = _agents[agentId];
                var colleague = _agentsByExtension.TryGetValue(leg.Target, out var c) ? c : null;
                var kind = colleague is null ? CallKind.Outbound : CallKind.Internal;
                var call = new CallRuntime(new Call(TenantId, Guid.NewGuid(), kind, leg.Target, now));
                _calls[call.Call.Id] = call;
                var party = call.Call.AddParty(new CallParty(leg.LegId, PartyRole.Agent, agentId, me.Agent.Settings.Extension, now));
                party.State = PartyState.Connected;
                party.AnsweredAt = now;
                TrackLeg(call, leg.LegId, LegPurpose.AgentDialer, agentId);
                try
                {
                    if (colleague is not null) CheckDirectTarget(colleague, agentId);
                    Publish(me, me.Agent.DialOut(now, call.Call.Id, _config.Settings.OutboundRequiresNotReady));
                }
                catch (CtiException ex)
                {
                    _log.LogInformation("Agent {AgentId} may not dial {Number}: {Code}", agentId, leg.Target, ex.Code);
                    // The phone hears why, as a direct call to the colleague would have told it.
                    EndCall(w, call, ex.Code switch
                    {
                        ErrorCodes.AgentBusy when colleague is not null => CallEndReason.Busy,
                        ErrorCodes.TargetOffline => CallEndReason.Unreachable,
                        _ => CallEndReason.Rejected,
                    });
                    return;
                }
                call.Call.OwnerAgentId = agentId;
                call.Call.State = CallState.Ringing;
                w.Add(call, () => _pbx.AcceptCallAsync(call.Call.Id, leg.LegId), ex => OnAcceptFailure(call.Call.Id, leg.LegId, ex));
                PublishCall(call, "dialing");
                DialCustomerOf(w, call);
            }
        });
    }

    /// <summary>A leg for an unknown purpose or agent is refused rather than left hanging in the app.</summary>
    internal void RefuseLeg(IncomingLeg leg, CallEndReason reason)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = NewInboundCall(CallKind.Direct, leg, Now);
                Reject(w, call, reason, null);
            }
        });
    }
}
