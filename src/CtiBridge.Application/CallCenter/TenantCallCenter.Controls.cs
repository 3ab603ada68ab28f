using System.Text.RegularExpressions;
using CtiBridge.Application.Observability;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using Microsoft.Extensions.Logging;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Application.CallCenter;

/// <summary>Who or what a transfer, consultation or conference invitation goes to.</summary>
/// <param name="AgentId">An agent of the tenant (must be Ready).</param>
/// <param name="SkillGroupId">A skill group (blind transfer only).</param>
/// <param name="Number">A number or extension.</param>
public sealed record TransferTarget(Guid? AgentId = null, Guid? SkillGroupId = null, string? Number = null);

/// <summary>In-call controls: answer, hang up, hold, mute, DTMF, transfers, consultation, conference, recording, outbound.</summary>
public sealed partial class TenantCallCenter
{
    private static readonly Regex DtmfDigits = new("^[0-9*#A-Da-d]{1,32}$", RegexOptions.Compiled);
    private static readonly Regex DialableNumber = new(@"^\+?[0-9*#]{2,32}$", RegexOptions.Compiled);

    /// <summary>Answers the call ringing for the agent (where the PBX can answer for them).</summary>
    public async Task AnswerAsync(Guid agentId, Guid callId)
    {
        CallRuntime call;
        string leg;
        lock (_gate)
        {
            call = CallOfConcerned(agentId, callId);
            if (call.OfferAgentId != agentId || call.OfferLegId is null)
            {
                var consult = call.Legs.Values.FirstOrDefault(l => l.AgentId == agentId && l.Purpose is LegPurpose.Consult or LegPurpose.Guest
                    && call.Call.FindLeg(l.LegId) is { State: PartyState.Ringing });
                leg = consult?.LegId ?? throw new CtiException(ErrorCodes.CallNotRinging, "This call is not ringing for you.");
            }
            else leg = call.OfferLegId;
            if (!_pbx.Capabilities.CanAnswerForAgent)
                throw new CtiException(ErrorCodes.AnswerOnDevice,
                    "Answer on your phone or in the browser softphone: this phone cannot be answered remotely.");
        }
        await RunAwaited(call, () => _pbx.AnswerLegAsync(leg)).ConfigureAwait(false);
    }

    /// <summary>The agent hangs up their part of the call (a ringing offer is declined).</summary>
    public void Hangup(Guid agentId, Guid callId)
    {
        bool ringing;
        lock (_gate)
        {
            var call = CallOfParty(agentId, callId);
            ringing = call.OfferAgentId == agentId;
        }
        if (ringing) { Decline(agentId, callId); return; }
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = CallOfParty(agentId, callId);
                var party = call.Call.PresentAgentParty(agentId)!;
                var leg = party.LegId;
                w.AddDialling(call, () => _pbx.HangupAsync(leg, CallEndReason.Normal));
                AgentLeaves(w, call, _agents[agentId], party, CallEndReason.Normal, transferredAway: false);
                Dispatch(w);
            }
        });
    }

    /// <summary>
    /// Supervision, take over: the call ends for the engine with <see cref="CallEndReason.TakenOver"/> (its record shows the
    /// hand-over), the agent's leg is hung up and the agent goes on as after any end of the call (wrap-up after a queue
    /// call), and the customer's leg — taken off hold, left out of the call's bridge, not hung up — is no longer the
    /// engine's: its id is returned to the supervisor's session, which now owns it. Only a call of the agent with the
    /// customer and nobody else (no consultation, conference or self-service); else <c>take_over_not_possible</c>.
    /// Returns once the call's PBX commands ran, so the customer's leg is free for another bridge.
    /// </summary>
    public async Task<string> HandOverToSupervisorAsync(Guid agentId, Guid callId)
    {
        string? customerLeg = null;
        CallRuntime? taken = null;
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = CallOfParty(agentId, callId);
                var party = call.Call.PresentAgentParty(agentId);
                var customer = call.Call.Customer;
                if (call.Call.State != CallState.Connected || party is not { State: PartyState.Connected } || customer is not { IsPresent: true }
                    || call.ConsultBy is not null || call.SelfService is not null || call.Call.PresentParties.Count() != 2)
                    throw new CtiException(ErrorCodes.TakeOverNotPossible,
                        "Only a call between the agent and the customer alone can be taken over (no consultation, conference or self-service).");
                UnholdCustomer(w, call);
                customerLeg = customer.LegId;
                var leg = customerLeg;
                w.Add(call, () => _pbx.LeaveCallAsync(call.Call.Id, leg));
                LeaveParty(call, customer, CallEndReason.TakenOver);
                ForgetLeg(call, customerLeg);
                EndCall(w, call, CallEndReason.TakenOver);
                Dispatch(w);
                taken = call;
            }
        });
        // Wait for the call's commands (resume, leave, end) so the supervisor's bridge gets the customer after them.
        await taken!.Pbx.RunAsync(() => Task.CompletedTask).ConfigureAwait(false);
        return customerLeg!;
    }

    /// <summary>The call's owner drops one party of the conference.</summary>
    public void DropParty(Guid agentId, Guid callId, string legId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = CallOfParty(agentId, callId);
                if (call.Call.OwnerAgentId != agentId)
                    throw new CtiException(ErrorCodes.Forbidden, "Only the agent who owns the call can drop parties.", ErrorKind.Forbidden);
                var party = call.Call.FindLeg(legId);
                if (party is null || !party.IsPresent)
                    throw new CtiException(ErrorCodes.NotFound, "No such party in this call.", ErrorKind.NotFound);
                if (party.AgentId == agentId)
                    throw new CtiException(ErrorCodes.InvalidStateTransition, "Use hang up to leave the call yourself.");
                if (party.Role == PartyRole.Customer)
                {   // The owner dropping the customer hangs up on her.
                    LeaveParty(call, party, CallEndReason.AgentHungUp);
                    EndCall(w, call, CallEndReason.AgentHungUp);
                }
                else if (call.ConsultLegId == legId)
                {
                    DropLeg(w, call, party, CallEndReason.AgentCancelled);
                    ConsultTargetGone(w, call, party, CallEndReason.AgentCancelled);
                }
                else
                {
                    DropLeg(w, call, party, CallEndReason.Normal);
                    AfterPartyLeft(w, call, CallEndReason.AgentHungUp);
                }
                Dispatch(w);
            }
        });
    }

    public Task HoldAsync(Guid agentId, Guid callId) => SetHeldAsync(agentId, callId, true);

    public Task ResumeAsync(Guid agentId, Guid callId) => SetHeldAsync(agentId, callId, false);

    private async Task SetHeldAsync(Guid agentId, Guid callId, bool hold)
    {
        CallRuntime call;
        string leg;
        lock (_gate)
        {
            call = ConnectedCallOf(agentId, callId);
            var customer = call.Call.Customer;
            if (customer is null || !customer.IsPresent)
                throw new CtiException(ErrorCodes.CallNotConnected, "There is no customer to hold.");
            if (call.ConsultBy is not null)
                throw new CtiException(ErrorCodes.ConsultInProgress, "The customer is held by a consultation; complete or cancel it.");
            if (hold && customer.Held) throw new CtiException(ErrorCodes.AlreadyHeld, "The call is already on hold.");
            if (!hold && !customer.Held) throw new CtiException(ErrorCodes.NotHeld, "The call is not on hold.");
            leg = customer.LegId;
        }
        var moh = _config.Settings.DefaultMusicOnHoldClass;
        await RunAwaited(call, () => hold ? _pbx.HoldAsync(leg, moh) : _pbx.ResumeAsync(leg)).ConfigureAwait(false);
        var work = new Work();
        lock (_gate)
        {
            if (call.Call.FindLeg(leg) is not { IsPresent: true } customer) return;
            customer.Held = hold;
            if (hold) call.Call.StartHold(Now); else call.Call.EndHold(Now);
            StoreHeld(work, call, hold);
            PublishCall(call, hold ? "held" : "resumed");
        }
        Flush(work);
    }

    public async Task MuteAsync(Guid agentId, Guid callId, bool muted)
    {
        CallRuntime call;
        CallParty party;
        lock (_gate)
        {
            call = ConnectedCallOf(agentId, callId);
            party = call.Call.PresentAgentParty(agentId)!;
            if (party.Muted == muted) return;
        }
        await RunAwaited(call, () => _pbx.MuteAsync(party.LegId, muted)).ConfigureAwait(false);
        var work = new Work();
        lock (_gate)
        {
            party.Muted = muted;
            StoreMuted(work, call, party);
            PublishCall(call, muted ? "muted" : "unmuted");
        }
        Flush(work);
    }

    /// <summary>
    /// Keeps the agent's mute on her leg (after the command), so a restarted CtiBridge shows it and asserts it again
    /// (<see cref="LegVariables.Muted"/>): if it stops between the two, the next process makes the leg agree with the
    /// variable, so the toolbar and the PBX never disagree.
    /// </summary>
    private void StoreMuted(Work w, CallRuntime call, CallParty party)
    {
        var leg = party.LegId;
        var facts = new Dictionary<string, string> { [LegVariables.Muted] = party.Muted ? "1" : "0" };
        w.AddLater(call, () => _pbx.SetLegVariablesAsync(leg, facts));
    }

    /// <summary>Sends DTMF digits to the far end (e.g. an extension after an outbound call connects).</summary>
    public async Task SendDtmfAsync(Guid agentId, Guid callId, string digits)
    {
        if (string.IsNullOrEmpty(digits) || !DtmfDigits.IsMatch(digits))
            throw new CtiException(ErrorCodes.ValidationFailed, "DTMF digits are 0-9, *, # and A-D (at most 32).", ErrorKind.Validation);
        CallRuntime call;
        string leg;
        lock (_gate)
        {
            call = ConnectedCallOf(agentId, callId);
            leg = call.Call.Customer is { IsPresent: true } c ? c.LegId
                : call.Call.PresentParties.FirstOrDefault(p => p.AgentId != agentId)?.LegId
                  ?? throw new CtiException(ErrorCodes.CallNotConnected, "Nobody to send digits to.");
        }
        await RunAwaited(call, () => _pbx.SendDtmfAsync(leg, digits)).ConfigureAwait(false);
    }

    /// <summary>Blind transfer: the agent leaves at once (wrap-up after an inbound queue call she answered) and the call goes to the target.</summary>
    public void BlindTransfer(Guid agentId, Guid callId, TransferTarget target)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = ConnectedCallOf(agentId, callId);
                if (call.ConsultBy is not null) throw new CtiException(ErrorCodes.ConsultInProgress, "Complete or cancel the consultation first.");
                if (call.Call.Customer is not { IsPresent: true } customer)
                    throw new CtiException(ErrorCodes.CallNotConnected, "There is no customer to transfer.");
                AgentRuntime? targetAgent = null;
                GroupRuntime? group = null;
                string? number = null;
                if (target.AgentId is { } tid) targetAgent = ReadyTarget(tid, agentId);
                else if (target.SkillGroupId is { } gid) group = GroupOf(gid);
                else number = ValidNumber(target.Number);

                var me = _agents[agentId];
                var myParty = call.Call.PresentAgentParty(agentId)!;
                var myLeg = myParty.LegId;
                w.AddDialling(call, () => _pbx.HangupAsync(myLeg, CallEndReason.AgentTransfer));
                LeaveParty(call, myParty, CallEndReason.AgentTransfer);
                // Her part of an inbound queue call she answered ends here: wrap-up as her ACW mode says (docs/agent-states.md).
                Publish(me, me.Agent.CallEnded(Now, WrapUpEligible(call, me)));
                call.Call.OwnerAgentId = null;
                UnholdCustomer(w, call);
                StartMusic(w, call);
                call.TransferredBy = agentId;
                call.HandedOverBy = agentId;
                if (targetAgent is not null)
                {
                    Offer(w, call, targetAgent, fromQueue: call.Call.Kind == CallKind.Queue);
                }
                else if (group is not null)
                {
                    call.Call.State = CallState.Waiting;
                    call.Call.EnqueuedAt = Now;
                    Enqueue(w, call, group, atHead: false);
                }
                else
                {
                    call.Call.State = CallState.Ringing;
                    DialGuest(w, call, number!, LegPurpose.Guest, null);
                }
                PublishCall(call, "transferred");
                Dispatch(w);
            }
        });
    }

    /// <summary>Consultation: the customer is held while the agent calls the target.</summary>
    public void StartConsult(Guid agentId, Guid callId, TransferTarget target)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = ConnectedCallOf(agentId, callId);
                if (call.ConsultBy is not null) throw new CtiException(ErrorCodes.ConsultInProgress, "A consultation is already in progress.");
                if (target.SkillGroupId is not null)
                    throw new CtiException(ErrorCodes.ValidationFailed, "Consult an agent or a number, not a skill group.", ErrorKind.Validation);
                var customer = call.Call.Customer;
                if (customer is not { IsPresent: true }) throw new CtiException(ErrorCodes.CallNotConnected, "There is no customer on this call.");
                var targetAgent = target.AgentId is { } tid ? ReadyTarget(tid, agentId) : null;
                var number = targetAgent is null ? ValidNumber(target.Number) : null;
                if (!customer.Held)
                {
                    customer.Held = true;
                    call.Call.StartHold(Now);
                    var leg = customer.LegId;
                    var moh = _config.Settings.DefaultMusicOnHoldClass;
                    w.Add(call, () => _pbx.HoldAsync(leg, moh));
                    StoreHeld(w, call, true);
                }
                call.ConsultBy = agentId;
                call.ConsultLegId = DialGuest(w, call, number, LegPurpose.Consult, targetAgent);
                PublishCall(call, "consult_started");
            }
        });
    }

    /// <summary>Completes the consultation as a transfer: the customer joins the target, the agent leaves.</summary>
    public void CompleteConsult(Guid agentId, Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var (call, target) = ConsultOf(agentId, callId, requireConnected: true);
                call.ConsultBy = null;
                call.ConsultLegId = null;
                target.State = PartyState.Connected;
                call.HandedOverBy = agentId;
                HandOver(call, target);
                if (target.AgentId is not null) StoreRole(w, call, target, "agent"); // the call's agent from now on
                var me = _agents[agentId];
                var myParty = call.Call.PresentAgentParty(agentId)!;
                var myLeg = myParty.LegId;
                LeaveParty(call, myParty, CallEndReason.AgentTransfer);
                Publish(me, me.Agent.CallEnded(Now, WrapUpEligible(call, me)));
                w.AddDialling(call, () => _pbx.HangupAsync(myLeg, CallEndReason.AgentTransfer));
                if (call.Call.OwnerAgentId == agentId) call.Call.OwnerAgentId = target.AgentId;
                UnholdCustomer(w, call);
                PublishCall(call, "transferred");
                Dispatch(w);
            }
        });
    }

    /// <summary>Turns the consultation into a three-way conference.</summary>
    public void ConferenceConsult(Guid agentId, Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var (call, target) = ConsultOf(agentId, callId, requireConnected: true);
                call.ConsultBy = null;
                call.ConsultLegId = null;
                target.State = PartyState.Connected;
                call.IsConference = true;
                StoreRole(w, call, target, "guest");
                UnholdCustomer(w, call);
                PublishCall(call, "conference");
            }
        });
    }

    /// <summary>Cancels the consultation: the target is hung up and the agent is back with the customer.</summary>
    public void CancelConsult(Guid agentId, Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var (call, target) = ConsultOf(agentId, callId, requireConnected: false);
                DropLeg(w, call, target, CallEndReason.AgentCancelled);
                ConsultTargetGone(w, call, target, CallEndReason.AgentCancelled);
                Dispatch(w);
            }
        });
    }

    /// <summary>Invites another agent or a number into the call (a conference of up to the tenant's maximum).</summary>
    public void AddToConference(Guid agentId, Guid callId, TransferTarget target)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = ConnectedCallOf(agentId, callId);
                if (call.Call.PresentParties.Count() >= _config.Settings.MaxConferenceParties)
                    throw new CtiException(ErrorCodes.ConferenceFull, $"A conference holds at most {_config.Settings.MaxConferenceParties} parties.");
                if (target.SkillGroupId is not null)
                    throw new CtiException(ErrorCodes.ValidationFailed, "Invite an agent or a number, not a skill group.", ErrorKind.Validation);
                var targetAgent = target.AgentId is { } tid ? ReadyTarget(tid, agentId) : null;
                var number = targetAgent is null ? ValidNumber(target.Number) : null;
                DialGuest(w, call, number, LegPurpose.Guest, targetAgent);
                PublishCall(call, "party_invited");
            }
        });
    }

    public async Task StartRecordingAsync(Guid agentId, Guid callId)
    {
        CallRuntime call;
        lock (_gate)
        {
            call = ConnectedCallOf(agentId, callId);
            if (_config.Settings.RecordingPolicy == RecordingPolicy.Never)
                throw new CtiException(ErrorCodes.RecordingNotAllowed, "This tenant does not record calls.");
            if (call.Call.Recording) return;
        }
        var work = new Work();
        lock (_gate) StartRecordingLocked(work, call, agentId);
        foreach (var item in work.Items) await RunAwaited(call, item.Action).ConfigureAwait(false);
        var later = new Work();
        later.Later.AddRange(work.Later);
        Flush(later);
        lock (_gate) PublishCall(call, "recording_started");
    }

    public async Task StopRecordingAsync(Guid agentId, Guid callId)
    {
        CallRuntime call;
        string name;
        lock (_gate)
        {
            call = ConnectedCallOf(agentId, callId);
            if (_config.Settings.RecordingPolicy == RecordingPolicy.Always)
                throw new CtiException(ErrorCodes.RecordingNotAllowed, "This tenant records every call; recording cannot be stopped.");
            if (!call.Call.Recording || call.Call.RecordingName is null) throw new CtiException(ErrorCodes.NotRecording, "The call is not being recorded.");
            name = call.Call.RecordingName;
        }
        await RunAwaited(call, () => _pbx.StopRecordingAsync(name)).ConfigureAwait(false);
        var work = new Work();
        lock (_gate)
        {
            call.Call.Recording = false;
            call.RecordingPaused = false;
            StoreRecordings(work, call);
            _journal.RecordingStopped(new Events.RecordingStopped(TenantId, callId, name, Now));
            PublishCall(call, "recording_stopped");
        }
        Flush(work);
    }

    /// <summary>
    /// The PBX ended the call's running recording on its own (<see cref="Pbx.IPbxEventHandler.OnRecordingEnded"/>): the call
    /// is no longer recording — the API and the recording's row say so, as after a stop; the event's change is
    /// <c>recording_ended_by_pbx</c>, so the toolbar tells the agent, who did not stop it — and a warning names the cause. Ignored when the call is gone or records another recording by now.
    /// </summary>
    internal void RecordingEndedOnPbx(Guid callId, string recordingName, string? failure)
    {
        RunWork(work =>
        {
            lock (_gate)
            {
                if (!_calls.TryGetValue(callId, out var call) || !call.Call.Recording || call.Call.RecordingName != recordingName) return;
                using var scope = _log.BeginCallScope(Domain, callId);
                _log.LogWarning("Recording {Name} of call {CallId} ended on the PBX while the call went on ({Cause}); the call is no longer recorded",
                    recordingName, callId, failure ?? "finished");
                call.Call.Recording = false;
                call.RecordingPaused = false;
                StoreRecordings(work, call);
                _journal.RecordingStopped(new Events.RecordingStopped(TenantId, callId, recordingName, Now));
                PublishCall(call, "recording_ended_by_pbx");
            }
        });
    }

    /// <summary>
    /// The agent's own notes on a live call she is (or was) a party of: <c>Live</c> false when the call is not live
    /// (its record holds them then). Throws <c>call_not_found</c> for a live call she never took part in.
    /// </summary>
    public (bool Live, CallNote? Note) NoteOf(Guid agentId, Guid callId)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(callId, out var call)) return (false, null);
            if (!call.Call.AgentIds.Contains(agentId))
                throw new CtiException(ErrorCodes.CallNotFound, "No such live call.", ErrorKind.NotFound);
            return (true, call.Call.Notes.GetValueOrDefault(agentId));
        }
    }

    /// <summary>
    /// Keeps the agent's own notes on a live call (during the call or its wrap-up); the other parties' notes stay as
    /// they are. False when the call is no longer live.
    /// </summary>
    public bool SetNote(Guid agentId, Guid callId, CallNote note)
    {
        lock (_gate)
        {
            if (!_calls.TryGetValue(callId, out var call)) return false;
            if (!call.Call.AgentIds.Contains(agentId))
                throw new CtiException(ErrorCodes.CallNotFound, "No such live call.", ErrorKind.NotFound);
            call.Call.Notes[agentId] = note;
            PublishCall(call, "disposition");
            return true;
        }
    }

    /// <summary>
    /// Click-to-dial: the agent's phone is rung first; when they answer, the customer (or the
    /// colleague at an extension) is dialled, presenting <paramref name="callerId"/> (null: the trunk's default; which
    /// caller IDs an agent may present is checked before, by <c>CallerIds.CallerIdPolicy</c>). <paramref name="attachedData"/>
    /// goes with the call into its record (a dial task tags its calls so). Returns the new call's id.
    /// </summary>
    public Guid Dial(Guid agentId, string number, string? callerId = null, IReadOnlyDictionary<string, string>? attachedData = null)
    {
        var dialled = ValidNumber(number);
        Guid callId = Guid.Empty;
        RunWork(w =>
        {
            lock (_gate)
            {
                var me = AgentOf(agentId);
                var colleague = _agentsByExtension.TryGetValue(dialled, out var c) ? c : null;
                if (colleague is not null) CheckDirectTarget(colleague, agentId);
                else if (_config.OutboundBlocked.Blocks(dialled))
                    throw new CtiException(ErrorCodes.NumberBlocked, $"{dialled} is on the tenant's blocklist: it is not dialled.");
                var now = Now;
                var kind = colleague is null ? CallKind.Outbound : CallKind.Internal;
                var call = new CallRuntime(new Call(TenantId, Guid.NewGuid(), kind, dialled, now));
                Publish(me, me.Agent.DialOut(now, call.Call.Id, _config.Settings.OutboundRequiresNotReady));
                callId = call.Call.Id;
                call.Call.OwnerAgentId = agentId;
                call.Call.State = CallState.Ringing;
                call.Call.FirstOfferedAt = now;
                if (callerId is not null) call.Call.AttachedData["caller_id"] = callerId;
                foreach (var (key, value) in attachedData ?? new Dictionary<string, string>()) call.Call.AttachedData[key] = value;
                _calls[callId] = call;
                var legId = NewLegId();
                var party = call.Call.AddParty(new CallParty(legId, PartyRole.Agent, agentId, me.Agent.Settings.Extension, now));
                TrackLeg(call, legId, LegPurpose.AgentDialer, agentId);
                var target = new DialTarget(EndpointOf(me), dialled, null, TimeSpan.FromSeconds(30), AutoAnswer: true,
                    new Dictionary<string, string> { [LegVariables.CallId] = callId.ToString(), [LegVariables.Role] = "dialer" });
                w.AddDialling(call, () => _pbx.DialAsync(callId, legId, target), _ => OnLegEnded(legId, CallEndReason.Unreachable));
                PublishCall(call, "dialing");
                PublishParty(call, party, joined: true);
            }
        });
        return callId;
    }

    private void DialCustomerOf(Work w, CallRuntime call)
    {
        var now = Now;
        call.Call.FirstOfferedAt = now;
        if (call.Call.Kind == CallKind.Internal && _agentsByExtension.TryGetValue(call.Call.CustomerNumber, out var colleague)
            && colleague.Agent.Status is AgentStatus.Ready or AgentStatus.NotReady)
        {
            Offer(w, call, colleague, fromQueue: false);
            return;
        }
        var callerId = call.Call.AttachedData.TryGetValue("caller_id", out var chosen) ? chosen : "";
        var legId = NewLegId();
        call.Call.AddParty(new CallParty(legId, PartyRole.Customer, null, call.Call.CustomerNumber, now));
        TrackLeg(call, legId, LegPurpose.OutboundCustomer, null);
        var target = new DialTarget(TrunkEndpoint(call.Call.CustomerNumber), callerId, null, TimeSpan.FromSeconds(45), false,
            new Dictionary<string, string> { [LegVariables.CallId] = call.Call.Id.ToString(), [LegVariables.Role] = "customer" });
        var id = call.Call.Id;
        w.AddDialling(call, () => _pbx.DialAsync(id, legId, target), _ => OnLegEnded(legId, CallEndReason.Unreachable));
    }

    /// <summary>Dials a consult target or conference guest (an agent's phone or a number); returns the leg.</summary>
    private string DialGuest(Work w, CallRuntime call, string? number, LegPurpose purpose, AgentRuntime? agent)
    {
        var now = Now;
        var legId = NewLegId();
        string endpoint;
        CallParty party;
        if (agent is not null)
        {
            Publish(agent, agent.Agent.Offer(now, call.Call.Id, fromQueue: false));
            endpoint = EndpointOf(agent);
            party = call.Call.AddParty(new CallParty(legId, PartyRole.Agent, agent.Agent.Id, agent.Agent.Settings.Extension, now));
            _events.Publish(OfferedEvent(agent, call, _config.Settings.RingTimeoutSeconds));
        }
        else
        {
            endpoint = _agentsByExtension.TryGetValue(number!, out var ext) ? EndpointOf(ext) : TrunkEndpoint(number!);
            party = call.Call.AddParty(new CallParty(legId, PartyRole.External, null, number!, now));
        }
        TrackLeg(call, legId, purpose, agent?.Agent.Id);
        var target = new DialTarget(endpoint, call.Call.CustomerNumber, call.Call.CustomerName,
            TimeSpan.FromSeconds(Math.Max(5, _config.Settings.RingTimeoutSeconds)), agent?.Agent.Settings.AutoAnswer ?? false,
            GuestLegVariables(call, purpose, agent, party.Number));
        var id = call.Call.Id;
        w.AddDialling(call, () => _pbx.DialAsync(id, legId, target), _ => OnLegEnded(legId, CallEndReason.Unreachable));
        PublishParty(call, party, joined: true);
        return legId;
    }

    /// <summary>A leg's part in its call changed (a consultation became a conference or took the call over): kept for a restart.</summary>
    private void StoreRole(Work w, CallRuntime call, CallParty party, string role)
    {
        var leg = party.LegId;
        var facts = new Dictionary<string, string> { [LegVariables.Role] = role };
        w.AddLater(call, () => _pbx.SetLegVariablesAsync(leg, facts));
    }

    /// <summary>
    /// What a consultation or guest leg keeps so a restarted CtiBridge can take it back with its call: the call, its role,
    /// the agent it rings (if one) and the number it was dialled for.
    /// </summary>
    private static Dictionary<string, string> GuestLegVariables(CallRuntime call, LegPurpose purpose, AgentRuntime? agent, string number)
    {
        var variables = new Dictionary<string, string>
        {
            [LegVariables.CallId] = call.Call.Id.ToString(),
            [LegVariables.Role] = purpose.ToString().ToLowerInvariant(),
            [LegVariables.Number] = number,
        };
        if (agent is not null) variables[LegVariables.AgentId] = agent.Agent.Id.ToString();
        return variables;
    }

    private string TrunkEndpoint(string number) =>
        _config.Settings.TrunkPattern.Replace("{number}", number).Replace("{tenant}", Domain);

    private CallRuntime ConnectedCallOf(Guid agentId, Guid callId)
    {
        var call = CallOfParty(agentId, callId);
        var party = call.Call.PresentAgentParty(agentId);
        if (party is null || party.State is not (PartyState.Connected or PartyState.Consulting) || call.Call.State != CallState.Connected)
            throw new CtiException(ErrorCodes.CallNotConnected, "The call is not connected.");
        return call;
    }

    private (CallRuntime Call, CallParty Target) ConsultOf(Guid agentId, Guid callId, bool requireConnected)
    {
        var call = ConnectedCallOf(agentId, callId);
        if (call.ConsultBy != agentId || call.ConsultLegId is null || call.Call.FindLeg(call.ConsultLegId) is not { IsPresent: true } target)
            throw new CtiException(ErrorCodes.NoConsultInProgress, "You have no consultation in progress on this call.");
        if (requireConnected && target.State != PartyState.Consulting)
            throw new CtiException(ErrorCodes.CallNotConnected, "The consulted party has not answered yet.");
        return (call, target);
    }

    /// <summary>A transfer, consultation or conference goes only to a Ready agent (never to oneself).</summary>
    private AgentRuntime ReadyTarget(Guid targetId, Guid self)
    {
        var target = AgentOf(targetId);
        if (targetId == self) throw new CtiException(ErrorCodes.ValidationFailed, "You cannot transfer to yourself.", ErrorKind.Validation);
        return target.Agent.Status switch
        {
            AgentStatus.LoggedOut => throw new CtiException(ErrorCodes.TargetOffline, $"{target.Agent.DisplayName} is logged out."),
            AgentStatus.Ready when target.Agent.DeviceAvailable => target,
            _ => throw new CtiException(ErrorCodes.TargetNotReady, $"{target.Agent.DisplayName} is not Ready ({target.Agent.Status})."),
        };
    }

    /// <summary>Whether a colleague can be called directly (internal call): visible state, tenant rule.</summary>
    private void CheckDirectTarget(AgentRuntime target, Guid self)
    {
        if (target.Agent.Id == self) throw new CtiException(ErrorCodes.ValidationFailed, "You cannot call yourself.", ErrorKind.Validation);
        switch (target.Agent.Status)
        {
            case AgentStatus.LoggedOut:
                throw new CtiException(ErrorCodes.TargetOffline, $"{target.Agent.DisplayName} is logged out.");
            case AgentStatus.NotReady when _config.Settings.DirectCallsRequireReady:
                throw new CtiException(ErrorCodes.TargetNotReady, $"{target.Agent.DisplayName} is Not Ready.");
            case AgentStatus.Ready or AgentStatus.NotReady:
                return;
            default:
                throw new CtiException(ErrorCodes.AgentBusy, $"{target.Agent.DisplayName} is busy ({target.Agent.Status}).");
        }
    }

    private static string ValidNumber(string? number)
    {
        var n = number?.Trim().Replace(" ", "").Replace("-", "") ?? "";
        if (!DialableNumber.IsMatch(n))
            throw new CtiException(ErrorCodes.ValidationFailed, "A number has 2 to 32 digits (optionally a leading +).", ErrorKind.Validation);
        return n;
    }
}
