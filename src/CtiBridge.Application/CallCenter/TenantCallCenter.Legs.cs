using CtiBridge.Application.Events;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.CallCenter;

/// <summary>What the PBX reports about legs, turned into call and agent state.</summary>
public sealed partial class TenantCallCenter
{
    internal void OnLegAnswered(string legId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_callsByLeg.TryGetValue(legId, out var call) || !call.Legs.TryGetValue(legId, out var info)) return;
                if (info.Purpose == LegPurpose.SoftphoneReturn)
                {
                    SoftphoneReturned(w, call, legId);
                    return;
                }
                var party = call.Call.FindLeg(legId);
                if (party is null || !party.IsPresent)
                {
                    _log.LogInformation("Leg {LegId} of call {CallId} answered after its party left the call; hanging it up", legId, call.Call.Id);
                    w.AddDialling(call, () => _pbx.HangupAsync(legId, CallEndReason.Normal));
                    return;
                }
                var now = Now;
                party.AnsweredAt ??= now;
                var callId = call.Call.Id;
                switch (info.Purpose)
                {
                    case LegPurpose.AgentOffer when call.OfferLegId == legId:
                        var agent = _agents[info.AgentId!.Value];
                        ClearOffer(call);
                        Publish(agent, agent.Agent.Answer(now));
                        party.State = PartyState.Connected;
                        call.Call.State = CallState.Connected;
                        if (call.Call.AnsweredAt is null)
                        {
                            call.Call.AnsweredAt = now;
                            call.Call.LeaveGroup(now);
                            RecordWait(call);
                            if (call.Call.Kind == CallKind.Queue && call.Call.Customer is { IsPresent: true } answered)
                            {
                                // What a restarted CtiBridge needs to take the connected call back (with the agent leg's
                                // CTI_ROLE, CTI_CALL_ID and CTI_AGENT_ID, set when it was dialled), kept on the caller's leg.
                                var customerLeg = answered.LegId;
                                var facts = new Dictionary<string, string>
                                {
                                    [LegVariables.AnsweredAt] = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                                };
                                w.AddLater(call, () => _pbx.SetLegVariablesAsync(customerLeg, facts));
                            }
                        }
                        call.Call.OwnerAgentId = agent.Agent.Id;
                        call.TransferredBy = null;
                        // Agent answered → both bridged: join and stop the music together, not one after the other.
                        var playing = call.MusicPlaying;
                        call.MusicPlaying = false;
                        w.Add(call, () => playing
                            ? Task.WhenAll(_pbx.JoinCallAsync(callId, legId), _pbx.StopCallMusicAsync(callId))
                            : _pbx.JoinCallAsync(callId, legId), _ => JoinFailed(legId));
                        MaybeAutoRecord(w, call, agent);
                        PublishCall(call, "connected");
                        PublishParty(call, party, joined: true);
                        break;
                    case LegPurpose.AgentDialer:
                        party.State = PartyState.Connected;
                        w.Add(call, () => _pbx.JoinCallAsync(callId, legId));
                        DialCustomerOf(w, call);
                        PublishParty(call, party, joined: true);
                        break;
                    case LegPurpose.OutboundCustomer:
                        party.State = PartyState.Connected;
                        call.Call.State = CallState.Connected;
                        call.Call.AnsweredAt ??= now;
                        ClearOffer(call);
                        if (call.Call.OwnerAgentId is { } owner && _agents.TryGetValue(owner, out var o))
                            MaybeAutoRecord(w, call, o);
                        w.Add(call, () => _pbx.JoinCallAsync(callId, legId), _ => JoinFailed(legId));
                        PublishCall(call, "connected");
                        PublishParty(call, party, joined: true);
                        break;
                    case LegPurpose.Consult or LegPurpose.Guest:
                        if (info.AgentId is { } targetId && _agents.TryGetValue(targetId, out var target)
                            && target.Agent.Status == AgentStatus.Ringing && target.Agent.CallId == callId)
                            Publish(target, target.Agent.Answer(now));
                        party.State = info.Purpose == LegPurpose.Consult ? PartyState.Consulting : PartyState.Connected;
                        if (info.Purpose == LegPurpose.Guest)
                        {
                            if (call.Call.PresentParties.Count(p => p.State == PartyState.Connected) > 2) call.IsConference = true;
                            if (call.Call.State != CallState.Connected) { call.Call.State = CallState.Connected; StopMusic(w, call); }
                        }
                        w.Add(call, () => _pbx.JoinCallAsync(callId, legId), _ => JoinFailed(legId));
                        PublishParty(call, party, joined: true);
                        PublishCall(call, info.Purpose == LegPurpose.Consult ? "consult_connected" : "party_joined");
                        break;
                }
            }
        });
    }

    internal void OnLegEnded(string legId, CallEndReason cause)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_callsByLeg.TryGetValue(legId, out var call) || !call.Legs.TryGetValue(legId, out var info)) return;
                if (info.Purpose == LegPurpose.SoftphoneReturn)
                {
                    // Calling the softphone back failed (not registered yet, rejected): she may ask again while the wait runs.
                    if (call.SoftphoneReturn is { } pending && pending.DialledLegId == legId) pending.DialledLegId = null;
                    ForgetLeg(call, legId);
                    return;
                }
                var party = call.Call.FindLeg(legId);
                if (party is null || !party.IsPresent) return;
                if (cause == CallEndReason.PbxRestarted)
                {
                    // The PBX restarted: every leg of the call is gone with it, whoever's leg is reported first. The call
                    // ends as the PBX's doing (no caller abandoned, no offer missed, nobody re-queued).
                    EndCall(w, call, CallEndReason.PbxRestarted);
                    Dispatch(w);
                    return;
                }
                if (call.OfferLegId == legId)
                {
                    // The agent's phone refused, was busy, unreachable or gave up ringing. Unreachable (the PBX could not
                    // ring it at all) is her device, not a missed call: Not Ready (Device unavailable). Either way the
                    // call goes back to the head of its queue and is offered again at once.
                    var agent = _agents[call.OfferAgentId!.Value];
                    ClearOffer(call);
                    LeaveParty(call, party, cause);
                    Publish(agent, agent.Agent.Missed(Now, AgentTrigger.RingTimeout, phoneUnreachable: cause == CallEndReason.Unreachable));
                    ReRoute(w, call);
                    Dispatch(w);
                    return;
                }
                switch (info.Purpose)
                {
                    case LegPurpose.Customer:
                        var reason = call.Call.State switch
                        {
                            CallState.Waiting => CallEndReason.AbandonedWhileWaiting,
                            CallState.Ringing => CallEndReason.AbandonedWhileRinging,
                            _ => call.Call.AnsweredAt is not null ? CallEndReason.CustomerHungUp : CallEndReason.Normal,
                        };
                        LeaveParty(call, party, reason);
                        EndCall(w, call, reason);
                        break;
                    case LegPurpose.OutboundCustomer:
                        LeaveParty(call, party, cause);
                        EndCall(w, call, party.AnsweredAt is null ? cause : CallEndReason.CustomerHungUp);
                        break;
                    case LegPurpose.AgentDialer when call.Call.AnsweredAt is null:
                        LeaveParty(call, party, cause);
                        EndCall(w, call, party.AnsweredAt is null ? cause : CallEndReason.AgentCancelled);
                        break;
                    case LegPurpose.Consult when call.ConsultLegId == legId:
                        ConsultTargetGone(w, call, party, cause);
                        break;
                    default:
                        if (party.AgentId is { } agentId && _agents.TryGetValue(agentId, out var a))
                        {
                            if (SoftphoneLegLost(w, call, a, party)) break;
                            AgentLeaves(w, call, a, party, cause, transferredAway: false);
                        }
                        else
                        {
                            LeaveParty(call, party, cause);
                            AfterPartyLeft(w, call, CallEndReason.Normal);
                        }
                        break;
                }
                Dispatch(w);
            }
        });
    }

    internal void OnDtmf(string legId, char digit)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_callsByLeg.TryGetValue(legId, out var call) || call.SelfService is not { } flow
                    || call.Call.Customer?.LegId != legId) return;
                // The customer is back as soon as the input is complete, not only at the flow's timeout.
                if (digit == flow.Terminator) { EndSelfService(w, call); return; }
                call.SelfServiceDigits += digit;
                if (flow.IsComplete(call.SelfServiceDigits)) EndSelfService(w, call);
            }
        });
    }

    /// <summary>An agent's part of the call is over (hung up, transferred away, dropped).</summary>
    private void AgentLeaves(Work w, CallRuntime call, AgentRuntime agent, CallParty party, CallEndReason reason, bool transferredAway)
    {
        if (call.SoftphoneReturn?.AgentId == agent.Agent.Id) DropSoftphoneReturn(w, call);
        // Her answered leg ending normally is her hanging up (on her phone, in the web app, through the API): her leg says
        // so, as the call does when she was the last one with the customer (a failed leg keeps its own reason).
        LeaveParty(call, party, reason == CallEndReason.Normal && party.AnsweredAt is not null && !transferredAway ? CallEndReason.AgentHungUp : reason);
        if (party.State != PartyState.Left) return;
        var now = Now;
        if (agent.Agent.Status == AgentStatus.OnCall && agent.Agent.CallId == call.Call.Id)
            Publish(agent, agent.Agent.CallEnded(now, !transferredAway && WrapUpEligible(call, agent)));
        else if (agent.Agent.Status == AgentStatus.Ringing && agent.Agent.CallId == call.Call.Id)
            Publish(agent, agent.Agent.OfferWithdrawn(now));
        if (call.ConsultBy == agent.Agent.Id && call.ConsultLegId is { } consultLeg)
        {
            // The agent hung up during a consultation: hand the customer to the target if they answered,
            // else take the consultation back and re-route the customer. Never drop the customer.
            var target = call.Call.FindLeg(consultLeg);
            call.ConsultBy = null;
            call.ConsultLegId = null;
            if (target is { State: PartyState.Consulting })
            {
                target.State = PartyState.Connected;
                HandOver(call, target);
                UnholdCustomer(w, call);
                PublishCall(call, "transferred");
                return;
            }
            if (target is not null) DropLeg(w, call, target, CallEndReason.AgentCancelled);
            if (call.Call.Customer is { IsPresent: true } && call.Call.SkillGroupId is { } gid && _groups.TryGetValue(gid, out var group)
                && !call.Call.PresentParties.Any(p => p.AgentId is not null))
            {
                UnholdCustomer(w, call);
                StartMusic(w, call);
                call.Call.OwnerAgentId = null;
                Enqueue(w, call, group, atHead: true);
                return;
            }
        }
        if (call.Call.OwnerAgentId == agent.Agent.Id)
            call.Call.OwnerAgentId = call.Call.PresentParties.FirstOrDefault(p => p.AgentId is not null && p.State == PartyState.Connected)?.AgentId;
        // A hang-up (on her phone, in the web app, through the API) ends the call as her doing if she was the last one with
        // the customer; a leg that failed (a softphone that never came back) is not her hanging up.
        AfterPartyLeft(w, call, reason == CallEndReason.Normal ? CallEndReason.AgentHungUp : CallEndReason.Normal);
    }

    /// <summary>
    /// After a party left: end the call, re-queue the customer, or carry on with who is left. <paramref name="endsAs"/>:
    /// the reason when this leaving ends a connected call (who hung up).
    /// </summary>
    private void AfterPartyLeft(Work w, CallRuntime call, CallEndReason endsAs)
    {
        var customer = call.Call.Customer;
        var agentsLeft = call.Call.PresentParties.Any(p => p.AgentId is not null);
        if (call.Call.State == CallState.Ringing && call.Call.Kind is CallKind.Outbound or CallKind.Internal && !agentsLeft)
        {
            // The agent gave up before the far end answered.
            EndCall(w, call, CallEndReason.AgentCancelled);
            return;
        }
        if (call.Call.State != CallState.Connected) return;
        var othersLeft = call.Call.PresentParties.Count(p => p != customer);
        if (customer is null || !customer.IsPresent)
        {
            if (!agentsLeft || othersLeft < 2) EndCall(w, call, endsAs);
            else PublishCall(call, "party_left");
            return;
        }
        if (agentsLeft)
        {
            PublishCall(call, "party_left");
            return;
        }
        if (othersLeft > 0 && !call.IsConference)
        {
            PublishCall(call, "party_left");
            return;
        }
        if (call.IsConference && _config.Settings.LastAgentLeaves == LastAgentLeavesRule.Requeue
            && call.Call.SkillGroupId is { } gid && _groups.TryGetValue(gid, out var group))
        {
            foreach (var guest in call.Call.PresentParties.Where(p => p != customer).ToList())
                DropLeg(w, call, guest, CallEndReason.Normal);
            UnholdCustomer(w, call);
            StartMusic(w, call);
            Enqueue(w, call, group, atHead: true);
            return;
        }
        EndCall(w, call, endsAs);
    }

    private void DropLeg(Work w, CallRuntime call, CallParty party, CallEndReason reason)
    {
        if (party.AgentId is { } id && _agents.TryGetValue(id, out var a))
        {
            LeaveParty(call, party, reason);
            if (a.Agent.Status == AgentStatus.Ringing && a.Agent.CallId == call.Call.Id) Publish(a, a.Agent.OfferWithdrawn(Now));
            else if (a.Agent.Status == AgentStatus.OnCall && a.Agent.CallId == call.Call.Id) Publish(a, a.Agent.CallEnded(Now, false));
        }
        else LeaveParty(call, party, reason);
        var leg = party.LegId;
        w.AddDialling(call, () => _pbx.HangupAsync(leg, reason));
    }

    private void HandOver(CallRuntime call, CallParty target)
    {
        call.Call.OwnerAgentId = target.AgentId ?? call.Call.OwnerAgentId;
        if (target.AgentId is { } id && _agents.TryGetValue(id, out var a) && a.Agent.Status == AgentStatus.OnCall)
            a.Agent.TakeOverCall(call.Call.Id, call.Call.Kind == CallKind.Queue);
    }

    private void ConsultTargetGone(Work w, CallRuntime call, CallParty party, CallEndReason cause)
    {
        call.ConsultBy = null;
        call.ConsultLegId = null;
        if (party.AgentId is { } id && _agents.TryGetValue(id, out var a)) AgentLeaves(w, call, a, party, cause, transferredAway: false);
        else LeaveParty(call, party, cause);
        UnholdCustomer(w, call);
        PublishCall(call, "consult_ended");
    }

    /// <summary>
    /// A leg that could not be put in its call's bridge is given up: ended for the call, and hung up on the PBX — it is
    /// up (answered) and would otherwise stay off-hook in no call (seen when the connection broke under the request: a
    /// consulted colleague's phone stayed up in no call of the API).
    /// </summary>
    private void JoinFailed(string legId)
    {
        OnLegEnded(legId, CallEndReason.Failed);
        _ = HangUpGivenUpLegAsync(legId);
    }

    private async Task HangUpGivenUpLegAsync(string legId)
    {
        try { await _pbx.HangupAsync(legId, CallEndReason.Failed).ConfigureAwait(false); }
        catch (Exception ex) { _log.LogInformation("Hanging up leg {LegId}, whose join failed, failed too ({Message})", legId, ex.Message); }
    }

    private void UnholdCustomer(Work w, CallRuntime call)
    {
        var customer = call.Call.Customer;
        if (customer is null || !customer.Held || !customer.IsPresent) return;
        customer.Held = false;
        call.Call.EndHold(Now);
        var leg = customer.LegId;
        w.Add(call, () => _pbx.ResumeAsync(leg));
        StoreHeld(w, call, false);
    }

    /// <summary>
    /// Keeps on the caller's leg whether the agent holds it (after the urgent commands), so a restarted CtiBridge takes a
    /// held caller back on hold (<see cref="LegVariables.Held"/>). Queue calls only: only those are taken back.
    /// </summary>
    private void StoreHeld(Work w, CallRuntime call, bool held)
    {
        if (call.Call.Kind != CallKind.Queue || call.Call.Customer is not { IsPresent: true } customer) return;
        var leg = customer.LegId;
        var facts = new Dictionary<string, string> { [LegVariables.Held] = held ? "1" : "0" };
        w.AddLater(call, () => _pbx.SetLegVariablesAsync(leg, facts));
    }

    private void MaybeAutoRecord(Work w, CallRuntime call, AgentRuntime agent)
    {
        if (call.Call.Recording || _config.Settings.RecordingPolicy != RecordingPolicy.Always) return;
        StartRecordingLocked(w, call, agent.Agent.Id);
    }

    private void StartRecordingLocked(Work w, CallRuntime call, Guid agentId)
    {
        call.RecordingSequence++;
        var name = call.RecordingTag is { } tag
            ? $"{Domain}-{call.Call.Id:N}-{tag}-{call.RecordingSequence}"
            : $"{Domain}-{call.Call.Id:N}-{call.RecordingSequence}";
        call.Call.Recording = true;
        call.Call.RecordingName = name;
        call.RecordingPaused = false;
        var id = call.Call.Id;
        var now = Now;
        _journal.RecordingStarted(new RecordingStarted(TenantId, id, agentId, name, now, call.Call.CustomerNumber, call.Call.Direction,
            call.Call.Kind == CallKind.Outbound ? RecordingType.ManualDial : RecordingType.Inbound));
        call.Recordings.Add(new ResumedRecording(name, now, agentId));
        // Kept on the caller's leg before the recording starts: a process stopped between the two leaves a name the next
        // one checks against what Asterisk has (a recording that never began is dropped then), never a recording running
        // that no one knows of.
        StoreRecordings(w, call, beforeNextCommand: true);
        w.Add(call, () => _pbx.StartRecordingAsync(id, name), _ => { lock (_gate) call.Call.Recording = false; });
    }

    // ---- a web agent's softphone survives a page reload ----

    /// <summary>How long CtiBridge waits, after a web agent's softphone leg is lost with her toolbar still connected, for the
    /// toolbar to go too (then it was a reload) before taking the lost leg as her hang-up.</summary>
    internal static readonly TimeSpan SoftphoneLossDecisionWindow = TimeSpan.FromSeconds(2);

    /// <summary>How long the customer waits for a reloaded softphone to come back into the call before the agent's part
    /// ends as if she had hung up.</summary>
    internal static readonly TimeSpan SoftphoneReturnWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A web agent's connected softphone leg ended without CtiBridge or the toolbar hanging it up. While her toolbar is
    /// gone (a reload) — or, when one is connected, until it is known whether it goes too — she stays on the call: the customer stays in the
    /// call's bridge, with music when nobody else talks to them, for her softphone to be called back in
    /// (<see cref="ReturnSoftphone"/>). Returns false when the lost leg is simply her leaving the call (also for an agent
    /// who never had a toolbar: the API alone drives her).
    /// </summary>
    private bool SoftphoneLegLost(Work w, CallRuntime call, AgentRuntime agent, CallParty party)
    {
        if (agent.Agent.Settings.ExtensionKind != ExtensionKind.Web || agent.HotDeskEndpoint is not null
            || party.State != PartyState.Connected || call.Call.State != CallState.Connected
            || agent.Agent.Status != AgentStatus.OnCall || agent.Agent.CallId != call.Call.Id || call.SoftphoneReturn is not null
            || agent.ToolbarConnected is null)
            return false;
        var confirmed = agent.ToolbarConnected == false;
        StartSoftphoneReturn(w, call, agent, confirmed);
        ForgetLeg(call, party.LegId);
        _log.LogInformation("Softphone leg {LegId} of agent {AgentId} lost on call {CallId} ({What}); the customer waits for it",
            party.LegId, agent.Agent.Id, call.Call.Id, confirmed ? "toolbar gone: a reload" : "waiting to see whether the toolbar goes");
        return true;
    }

    private void StartSoftphoneReturn(Work w, CallRuntime call, AgentRuntime agent, bool confirmed)
    {
        var pending = new SoftphoneReturn(agent.Agent.Id, confirmed);
        call.SoftphoneReturn = pending;
        if (!call.Call.PresentParties.Any(p => p.AgentId != agent.Agent.Id && p.Role != PartyRole.Customer && p.State == PartyState.Connected)
            && call.Call.Customer is { IsPresent: true, Held: false })
            StartMusic(w, call);
        ArmSoftphoneReturnTimer(call, pending);
    }

    private void ArmSoftphoneReturnTimer(CallRuntime call, SoftphoneReturn pending)
    {
        pending.Timer?.Dispose();
        var callId = call.Call.Id;
        pending.Timer = _time.CreateTimer(_ => SoftphoneReturnTimedOut(callId, pending), null,
            pending.Confirmed ? SoftphoneReturnWait : SoftphoneLossDecisionWindow, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The toolbar stayed while the leg was lost (a hang-up from the softphone), or the softphone never came back.</summary>
    private void SoftphoneReturnTimedOut(Guid callId, SoftphoneReturn pending)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_calls.TryGetValue(callId, out var call) || call.SoftphoneReturn != pending) return;
                if (!_agents.TryGetValue(pending.AgentId, out var agent) || call.Call.PresentAgentParty(pending.AgentId) is not { } party) return;
                _log.LogInformation("Agent {AgentId} left call {CallId}: {Why}", pending.AgentId, callId,
                    pending.Confirmed ? "her softphone did not come back" : "her softphone hung up while her toolbar stayed");
                StopMusic(w, call);
                AgentLeaves(w, call, agent, party, pending.Confirmed ? CallEndReason.Failed : CallEndReason.Normal, transferredAway: false);
                Dispatch(w);
            }
        });
    }

    /// <summary>The agent's toolbar connection came (first one) or went (last one).</summary>
    public void ToolbarChanged(Guid agentId, bool connected)
    {
        lock (_gate)
        {
            if (!_agents.TryGetValue(agentId, out var agent)) return;
            agent.ToolbarConnected = connected;
            if (connected) return;
            foreach (var call in _calls.Values)
                if (call.SoftphoneReturn is { Confirmed: false } pending && pending.AgentId == agentId)
                {
                    pending.Confirmed = true;   // the leg went with the page: a reload
                    ArmSoftphoneReturnTimer(call, pending);
                }
        }
    }

    /// <summary>
    /// The reloaded toolbar of a web agent asks for her softphone back into her call: CtiBridge rings it (asking it to answer
    /// by itself) and, once it answers, puts the new leg in the call's bridge in place of the lost one and stops the music.
    /// When Asterisk still has the old leg (a reload does not always end it), CtiBridge hangs it up first, as not her
    /// hang-up. Asking again while the softphone rings does nothing.
    /// </summary>
    public void ReturnSoftphone(Guid agentId, Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = CallOfParty(agentId, callId);
                var agent = _agents[agentId];
                if (agent.Agent.Settings.ExtensionKind != ExtensionKind.Web || agent.HotDeskEndpoint is not null)
                    throw new CtiException(ErrorCodes.NoSoftphone, "Only a browser softphone is called back into a call.");
                var party = call.Call.PresentAgentParty(agentId);
                if (party is null || party.State != PartyState.Connected || call.Call.State != CallState.Connected
                    || agent.Agent.Status != AgentStatus.OnCall || agent.Agent.CallId != callId)
                    throw new CtiException(ErrorCodes.CallNotConnected, "The call is not connected.");
                var pending = call.SoftphoneReturn;
                if (pending is null)
                {
                    var old = party.LegId;
                    StartSoftphoneReturn(w, call, agent, confirmed: true);
                    pending = call.SoftphoneReturn!;
                    ForgetLeg(call, old);
                    w.AddDialling(call, () => _pbx.HangupAsync(old, CallEndReason.Normal));
                }
                else if (pending.AgentId != agentId)
                    throw new CtiException(ErrorCodes.CallNotConnected, "The call is not connected.");
                pending.Confirmed = true;
                ArmSoftphoneReturnTimer(call, pending);
                if (pending.DialledLegId is not null) return;
                var legId = NewLegId();
                pending.DialledLegId = legId;
                TrackLeg(call, legId, LegPurpose.SoftphoneReturn, agentId);
                var target = new DialTarget(EndpointOf(agent), call.Call.CustomerNumber, call.Call.CustomerName,
                    TimeSpan.FromSeconds(20), AutoAnswer: true,
                    new Dictionary<string, string>
                    {
                        [LegVariables.CallId] = callId.ToString(),
                        [LegVariables.Role] = "agent",
                        [LegVariables.AgentId] = agentId.ToString(),
                    });
                w.AddDialling(call, () => _pbx.DialAsync(callId, legId, target), _ => OnLegEnded(legId, CallEndReason.Unreachable));
            }
        });
    }

    private void SoftphoneReturned(Work w, CallRuntime call, string legId)
    {
        var pending = call.SoftphoneReturn;
        var party = pending is null ? null : call.Call.PresentAgentParty(pending.AgentId);
        if (pending?.DialledLegId != legId || party is null)
        {
            ForgetLeg(call, legId);
            w.AddDialling(call, () => _pbx.HangupAsync(legId, CallEndReason.Normal));
            return;
        }
        pending.Timer?.Dispose();
        call.SoftphoneReturn = null;
        party.MoveToLeg(legId);
        var callId = call.Call.Id;
        var playing = call.MusicPlaying;
        call.MusicPlaying = false;
        w.Add(call, () => playing
            ? Task.WhenAll(_pbx.JoinCallAsync(callId, legId), _pbx.StopCallMusicAsync(callId))
            : _pbx.JoinCallAsync(callId, legId), _ => JoinFailed(legId));
        _log.LogInformation("Softphone of agent {AgentId} back in call {CallId} on leg {LegId}", pending.AgentId, callId, legId);
        PublishParty(call, party, joined: true);
        PublishCall(call, "softphone_returned");
    }

    /// <summary>Stops bringing a softphone back (the agent left, the call ended): the leg ringing it back is hung up.</summary>
    private void DropSoftphoneReturn(Work w, CallRuntime call)
    {
        if (call.SoftphoneReturn is not { } pending) return;
        call.SoftphoneReturn = null;
        pending.Timer?.Dispose();
        if (pending.DialledLegId is { } leg)
        {
            ForgetLeg(call, leg);
            w.AddDialling(call, () => _pbx.HangupAsync(leg, CallEndReason.Normal));
        }
    }

    private void ForgetLeg(CallRuntime call, string legId)
    {
        call.Legs.Remove(legId);
        _callsByLeg.Remove(legId);
        _legIndex(legId, null);
    }
}
