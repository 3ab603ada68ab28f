using CtiBridge.Application.Events;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.CallCenter;

/// <summary>Inbound routing (ACD): queueing, offers, re-routing, abandon, overflow, wrap-up.</summary>
public sealed partial class TenantCallCenter
{
    /// <summary>Restart-safe facts stored on a leg's channel variables, read back by a resync.</summary>
    public static class LegVariables
    {
        public const string CallId = "CTI_CALL_ID";
        public const string Role = "CTI_ROLE";
        public const string AgentId = "CTI_AGENT_ID";
        public const string SkillGroup = "CTI_SKILL_GROUP";
        public const string EnqueuedAt = "CTI_ENQUEUED_AT";
        /// <summary>On a queue caller's leg once an agent answered: when (Unix milliseconds).</summary>
        public const string AnsweredAt = "CTI_ANSWERED_AT";
        /// <summary>
        /// On a queue caller's leg once the call is recorded: the state of the last recording (<c>running</c>,
        /// <c>paused</c>, <c>stopped</c>), then each recording as name, start (Unix milliseconds) and agent id, all separated
        /// by <c>|</c> and <c>,</c> (<see cref="FormatRecordings"/>).
        /// </summary>
        public const string Recordings = "CTI_RECORDINGS";
        /// <summary>On a queue caller's leg: <c>1</c> while the agent holds the caller (out of the call's bridge), else empty.</summary>
        public const string Held = "CTI_HELD";
        /// <summary>On an agent's leg: <c>1</c> while the agent is muted, <c>0</c> once unmuted (what a restart asserts again).</summary>
        public const string Muted = "CTI_MUTED";
        /// <summary>On a consultation or conference guest's leg: the number or extension it was dialled for.</summary>
        public const string Number = "CTI_NUMBER";

        /// <summary>The value of <see cref="Recordings"/>, e.g. <c>running|acme-…-1,1795338000000,6f…</c>.</summary>
        public static string FormatRecordings(ResumedRecordings recordings)
        {
            ArgumentNullException.ThrowIfNull(recordings);
            var state = recordings.Running ? recordings.Paused ? "paused" : "running" : "stopped";
            return string.Join('|', recordings.Started.Select(r => string.Join(',', r.Name,
                r.StartedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), r.AgentId.ToString("N")))
                .Prepend(state));
        }

        /// <summary>Reads <see cref="Recordings"/> back; null when it is empty or not ours.</summary>
        public static ResumedRecordings? ParseRecordings(string? value)
        {
            if (string.IsNullOrEmpty(value)) return null;
            var parts = value.Split('|');
            if (parts[0] is not ("running" or "paused" or "stopped")) return null;
            var started = new List<ResumedRecording>();
            foreach (var part in parts.Skip(1))
            {
                if (part.Split(',') is not [var name, var ms, var agent] || name.Length == 0
                    || !long.TryParse(ms, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var at)
                    || !Guid.TryParse(agent, out var agentId))
                    return null;
                started.Add(new ResumedRecording(name, DateTimeOffset.FromUnixTimeMilliseconds(at), agentId));
            }
            if (started.Count == 0) return null;
            return new ResumedRecordings(started, Running: parts[0] != "stopped", Paused: parts[0] == "paused");
        }
    }

    /// <summary>A customer leg arrived for a skill group (from the dialplan or the sandbox).</summary>
    internal void IncomingQueueCall(IncomingLeg leg)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var now = Now;
                var group = _groups.Values.FirstOrDefault(g =>
                    string.Equals(g.Definition.Name, leg.Target, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(g.Definition.Number, leg.Target, StringComparison.OrdinalIgnoreCase)
                    || g.Definition.Id.ToString() == leg.Target);
                if (leg.Resumed is not null && group is null)
                {
                    // Never hang up a caller who has been waiting because their group is gone from the configuration.
                    _log.LogWarning("Caller {LegId} taken back after a restart asked for unknown skill group '{Group}' of tenant {Tenant}; left as it is", leg.LegId, leg.Target, Domain);
                    return;
                }
                if (leg.Resumed is { Connected: { } connected } taken && group is not null)
                {
                    TakeBackConnectedCall(w, leg, taken, connected, group, now);
                    return;
                }
                var call = NewInboundCall(CallKind.Queue, leg, now);
                call.Call.SkillGroupId = group?.Definition.Id;
                if (leg.Resumed is { } resumed && group is not null)
                {
                    // Left waiting by a previous process: answered, in its bridge, on music. Back in its place in the
                    // queue (by the time it was first queued), with its wait and its limits counted from then.
                    call.Call.EnqueuedAt = resumed.EnqueuedAt;
                    call.MusicPlaying = true;
                    if (resumed.Ringing is { } offer)
                    {
                        if (TakeBackOffer(call, group, offer, now)) return;
                        var ringingLeg = offer.AgentLegId; // not taken back: its answer must not reach an agent
                        w.AddDialling(call, () => _pbx.HangupAsync(ringingLeg, CallEndReason.Normal));
                    }
                    _log.LogInformation("Caller {LegId} of call {CallId} waiting since {Since} taken back into {Group}",
                        leg.LegId, call.Call.Id, resumed.EnqueuedAt, group.Definition.Name);
                    Enqueue(w, call, group, atHead: false, inPlace: true);
                    Dispatch(w);
                    return;
                }

                if (_config.BlockedNumbers.Contains(leg.CallerNumber))
                {
                    Reject(w, call, CallEndReason.Blocklisted, null);
                    return;
                }
                if (group is null)
                {
                    _log.LogWarning("Call {LegId} asked for unknown skill group '{Group}' of tenant {Tenant}", leg.LegId, leg.Target, Domain);
                    Reject(w, call, CallEndReason.Failed, null);
                    return;
                }
                if (group.Definition.Hours is { } hours && !hours.IsOpen(now))
                {
                    Reject(w, call, CallEndReason.Closed, group.Definition.ClosedDestination);
                    return;
                }
                w.Add(call, () => _pbx.AcceptCallAsync(call.Call.Id, leg.LegId), ex => OnAcceptFailure(call.Call.Id, leg.LegId, ex));
                StartMusic(w, call);
                if (!AnyoneLoggedIn(group) && group.Definition.NoAgentRule == NoAgentRule.FallbackDestination)
                {
                    Reject(w, call, CallEndReason.NoAgentOnline, group.Definition.FallbackDestination);
                    return;
                }
                Enqueue(w, call, group, atHead: false);
                Dispatch(w);
            }
        });
    }

    private CallRuntime NewInboundCall(CallKind kind, IncomingLeg leg, DateTimeOffset now)
    {
        var call = new CallRuntime(new Call(TenantId, leg.Resumed?.CallId ?? Guid.NewGuid(), kind, leg.CallerNumber, now) { CustomerName = leg.CallerName });
        foreach (var (k, v) in leg.Variables.Take(10)) call.Call.AttachedData[k] = v;
        var customer = call.Call.AddParty(new CallParty(leg.LegId, PartyRole.Customer, null, leg.CallerNumber, now));
        customer.State = PartyState.Connected;
        customer.AnsweredAt = now;
        _calls[call.Call.Id] = call;
        TrackLeg(call, leg.LegId, LegPurpose.Customer, null);
        return call;
    }

    /// <summary>
    /// A caller who was talking to an agent when the previous process stopped (both legs still in the call's bridge):
    /// the same call again, Connected, with both parties, owned by the agent, who is put back on it
    /// (<see cref="Agent.TakeBackCall"/>: from Not Ready (Restarted), the state their restored session came back in, or
    /// Ready). From then on it is a queue call like any other: either party's hang-up ends it, the record is written,
    /// and the agent goes to wrap-up. Nothing is sent to the PBX: the legs are answered and bridged already. An agent who
    /// is not logged in (no session was kept) stays logged out and the call is still taken back, so hang-ups, the toolbar's
    /// controls and the record work; an agent the configuration does not have, or a call or leg already known here,
    /// leaves the channels as they are: a live conversation is never hung up because of our state.
    /// </summary>
    private void TakeBackConnectedCall(Work w, IncomingLeg leg, ResumedLeg resumed, ResumedConnection connected, GroupRuntime group, DateTimeOffset now)
    {
        if (!_config.Agents.Any(d => d.Id == connected.AgentId) || !_agents.TryGetValue(connected.AgentId, out var agent))
        {
            _log.LogWarning("Call {CallId} of tenant {Tenant} was connected to agent {AgentId}, whom the configuration does not have; its legs {Customer} and {AgentLeg} are left as they are",
                resumed.CallId, Domain, connected.AgentId, leg.LegId, connected.AgentLegId);
            return;
        }
        if (_calls.ContainsKey(resumed.CallId) || _callsByLeg.ContainsKey(leg.LegId) || _callsByLeg.ContainsKey(connected.AgentLegId)
            || (connected.Parties ?? []).Any(p => _callsByLeg.ContainsKey(p.LegId)))
        {
            _log.LogWarning("Call {CallId} of tenant {Tenant} taken back after a restart is known here already; its legs are left as they are", resumed.CallId, Domain);
            return;
        }
        var answeredAt = connected.AnsweredAt is { } at && at <= now ? at : now;
        var enqueuedAt = resumed.EnqueuedAt <= answeredAt ? resumed.EnqueuedAt : answeredAt;
        var call = NewInboundCall(CallKind.Queue, leg, enqueuedAt);
        call.Call.SkillGroupId = group.Definition.Id;
        call.Call.EnqueuedAt = enqueuedAt;
        call.Call.EnterGroup(group.Definition.Id, group.Definition.Name, enqueuedAt);
        call.Call.LeaveGroup(answeredAt);
        call.Call.FirstOfferedAt = answeredAt; // the offer's time is not kept: the wait counts to the answer
        call.Call.AnsweredAt = answeredAt;
        call.Call.OfferAttempts = 1;
        call.Call.State = CallState.Connected;
        call.Call.OwnerAgentId = agent.Agent.Id;
        // New recordings get names the previous process cannot have used.
        call.RecordingTag = "r" + now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        TakeBackRecordings(call, connected.Recordings);
        if (connected.CustomerHeld && call.Call.Customer is { } held)
        {
            // Out of the call's bridge when the previous process stopped (on hold, a hold it had just begun, or a
            // self-service flow it was playing): held here, with music asserted again, so the toolbar shows the truth and
            // Resume puts the caller back with the agent. The hold counts from now: when it began is not kept.
            held.Held = true;
            call.Call.StartHold(now);
            var heldLeg = held.LegId;
            var moh = _config.Settings.DefaultMusicOnHoldClass;
            w.Add(call, () => _pbx.HoldAsync(heldLeg, moh));
        }
        StoreHeld(w, call, connected.CustomerHeld); // the leg's word now agrees with where the caller is
        var party = call.Call.AddParty(new CallParty(connected.AgentLegId, PartyRole.Agent, agent.Agent.Id, agent.Agent.Settings.Extension, answeredAt)
        {
            State = PartyState.Connected,
            AnsweredAt = answeredAt,
            Muted = connected.AgentMuted,
        });
        TrackLeg(call, connected.AgentLegId, LegPurpose.AgentOffer, agent.Agent.Id);
        AssertMuted(w, call, party);
        TakeBackParties(w, call, agent, connected.Parties ?? [], now);
        switch (agent.Agent.Status)
        {
            case AgentStatus.Ready or AgentStatus.NotReady:
                Publish(agent, agent.Agent.TakeBackCall(now, call.Call.Id, fromQueue: true));
                break;
            case AgentStatus.LoggedOut:
                _log.LogWarning("Agent {AgentId} of tenant {Tenant} is on call {CallId} taken back after a restart but is not logged in; the call is taken back, the agent stays logged out",
                    agent.Agent.Id, Domain, call.Call.Id);
                break;
            default:
                _log.LogWarning("Agent {AgentId} of tenant {Tenant} is on call {CallId} taken back after a restart but is {Status} here; the call is taken back, the agent's state is left as it is",
                    agent.Agent.Id, Domain, call.Call.Id, agent.Agent.Status);
                break;
        }
        _log.LogInformation("Call {CallId} of agent {AgentId} (legs {Customer} and {AgentLeg}), connected since {Since}, taken back after a restart",
            call.Call.Id, agent.Agent.Id, leg.LegId, connected.AgentLegId, answeredAt);
        PublishCall(call, "connected");
        PublishParty(call, party, joined: true);
        foreach (var other in call.Call.PresentParties.Where(p => p != party && p.Role != PartyRole.Customer)) PublishParty(call, other, joined: true);
    }

    /// <summary>
    /// The mute a leg kept (<see cref="LegVariables.Muted"/>) is asserted again on the PBX, muted or not: if the previous
    /// process stopped between a mute command and storing it, the leg is made to agree with what the toolbar shows.
    /// </summary>
    private void AssertMuted(Work w, CallRuntime call, CallParty party)
    {
        var leg = party.LegId;
        var muted = party.Muted;
        w.Add(call, () => _pbx.MuteAsync(leg, muted));
    }

    /// <summary>
    /// The other legs of a call taken back: a consultation the agent had open (the caller held meanwhile) or conference
    /// guests, answered or still ringing, agents or numbers. Each is a party again; an agent among them is put back on
    /// the call (or Ringing, if their phone still rings), as the call's agent is.
    /// </summary>
    private void TakeBackParties(Work w, CallRuntime call, AgentRuntime owner, IReadOnlyList<ResumedParty> parties, DateTimeOffset now)
    {
        foreach (var p in parties)
        {
            var guest = p.AgentId is { } gid && _config.Agents.Any(d => d.Id == gid) && _agents.TryGetValue(gid, out var g) ? g : null;
            var party = call.Call.AddParty(new CallParty(p.LegId, guest is null ? PartyRole.External : PartyRole.Agent, guest?.Agent.Id,
                guest?.Agent.Settings.Extension ?? p.Number, now)
            {
                State = !p.Answered ? PartyState.Ringing : p.Consult ? PartyState.Consulting : PartyState.Connected,
                AnsweredAt = p.Answered ? now : null,
                Muted = p.Answered && p.Muted,
            });
            TrackLeg(call, p.LegId, p.Consult ? LegPurpose.Consult : LegPurpose.Guest, guest?.Agent.Id);
            if (p.Consult)
            {
                call.ConsultBy = owner.Agent.Id;
                call.ConsultLegId = p.LegId;
            }
            if (p.Answered) AssertMuted(w, call, party);
            if (guest is null) continue;
            if (guest.Agent.Status is AgentStatus.Ready or AgentStatus.NotReady)
                Publish(guest, guest.Agent.TakeBackCall(now, call.Call.Id, fromQueue: false, ringing: !p.Answered));
            else
                _log.LogWarning("Agent {AgentId} of tenant {Tenant} is a party of call {CallId} taken back after a restart but is {Status} here; the agent's state is left as it is",
                    guest.Agent.Id, Domain, call.Call.Id, guest.Agent.Status);
        }
        if (call.Call.PresentParties.Count(p => p.State == PartyState.Connected) > 2) call.IsConference = true;
    }

    /// <summary>
    /// A waiting caller whose offer still rings on an agent's phone when the previous process stopped: the offer goes on
    /// — the agent Ringing for it (<see cref="Agent.TakeBackCall"/>), the leg tracked, a fresh ring countdown (when the
    /// first began is not kept) — so the agent's answer connects the call and a miss re-queues it as for any offer. False
    /// (the ringing leg is hung up and the caller queued again instead) when the agent is not one this configuration has,
    /// or is not logged in, or is busy here.
    /// </summary>
    private bool TakeBackOffer(CallRuntime call, GroupRuntime group, ResumedOffer offer, DateTimeOffset now)
    {
        if (!_config.Agents.Any(d => d.Id == offer.AgentId) || !_agents.TryGetValue(offer.AgentId, out var agent)
            || agent.Agent.Status is not (AgentStatus.Ready or AgentStatus.NotReady) || _callsByLeg.ContainsKey(offer.AgentLegId))
        {
            _log.LogInformation("The offer of call {CallId} ringing at agent {AgentId} when the previous process stopped is not taken back; the caller is queued again",
                call.Call.Id, offer.AgentId);
            return false;
        }
        var ringFor = TimeSpan.FromSeconds(Math.Max(5, _config.Settings.RingTimeoutSeconds));
        Publish(agent, agent.Agent.TakeBackCall(now, call.Call.Id, fromQueue: true, ringing: true));
        call.Call.State = CallState.Ringing;
        call.Call.FirstOfferedAt ??= now;
        call.Call.OfferAttempts++;
        call.OfferAgentId = agent.Agent.Id;
        call.OfferLegId = offer.AgentLegId;
        call.OfferExpiresAt = now + ringFor;
        var party = call.Call.AddParty(new CallParty(offer.AgentLegId, PartyRole.Agent, agent.Agent.Id, agent.Agent.Settings.Extension, now));
        TrackLeg(call, offer.AgentLegId, LegPurpose.AgentOffer, agent.Agent.Id);
        var callId = call.Call.Id;
        var legId = offer.AgentLegId;
        call.RingTimer = _time.CreateTimer(_ => OnRingTimeout(callId, legId), null, ringFor, Timeout.InfiniteTimeSpan);
        _log.LogInformation("Call {CallId} of {Group}, ringing at agent {AgentId} (leg {AgentLeg}) when the previous process stopped, taken back ringing",
            callId, group.Definition.Name, agent.Agent.Id, legId);
        _events.Publish(OfferedEvent(agent, call, (int)ringFor.TotalSeconds));
        PublishCall(call, "ringing");
        PublishParty(call, party, joined: true);
        return true;
    }

    /// <summary>
    /// The recordings the caller's leg kept (<see cref="LegVariables.Recordings"/>): each is journaled again — the journal
    /// holds recordings until the call's record is written and the previous process's list died with it; it keeps one per
    /// name — so their rows are written with the record; one still running makes the call Recording again (paused or not),
    /// so the toolbar shows it and stop and pause work.
    /// </summary>
    private void TakeBackRecordings(CallRuntime call, ResumedRecordings? recordings)
    {
        if (recordings is null) return;
        foreach (var r in recordings.Started)
        {
            call.Recordings.Add(r);
            _journal.RecordingStarted(new RecordingStarted(TenantId, call.Call.Id, r.AgentId, r.Name, r.StartedAt, call.Call.CustomerNumber,
                call.Call.Direction, RecordingType.Inbound));
        }
        call.RecordingSequence = recordings.Started.Count;
        if (!recordings.Running) return;
        call.Call.Recording = true;
        call.Call.RecordingName = recordings.Started[^1].Name;
        call.RecordingPaused = recordings.Paused;
    }

    /// <summary>
    /// Keeps the call's recordings and the state of the last one on the caller's leg (after the urgent commands), so a
    /// restarted CtiBridge writes their rows and can stop or pause the running one. Queue calls only: only those are taken back.
    /// </summary>
    private void StoreRecordings(Work w, CallRuntime call, bool beforeNextCommand = false)
    {
        if (call.Call.Kind != CallKind.Queue || call.Call.Customer is not { IsPresent: true } customer || call.Recordings.Count == 0) return;
        var leg = customer.LegId;
        var facts = new Dictionary<string, string>
        {
            [LegVariables.Recordings] = LegVariables.FormatRecordings(new ResumedRecordings(call.Recordings.ToList(), call.Call.Recording, call.RecordingPaused)),
        };
        if (beforeNextCommand) w.Add(call, () => _pbx.SetLegVariablesAsync(leg, facts));
        else w.AddLater(call, () => _pbx.SetLegVariablesAsync(leg, facts));
    }

    /// <summary>Refuses a call before queueing: sends it to a destination or hangs it up, and records why.</summary>
    private void Reject(Work w, CallRuntime call, CallEndReason reason, string? destination)
    {
        var customer = call.Call.Customer!;
        if (destination is not null)
        {
            customer.State = PartyState.Left;
            w.Add(call, () => _pbx.RedirectAsync(customer.LegId, destination));
        }
        EndCall(w, call, reason);
    }

    private void Enqueue(Work w, CallRuntime call, GroupRuntime group, bool atHead, bool inPlace = false)
    {
        var now = Now;
        call.Call.State = CallState.Waiting;
        call.Call.EnqueuedAt ??= now;
        call.Call.SkillGroupId = group.Definition.Id;
        // Taken back in place after a restart, the wait began when the caller was first queued.
        call.Call.EnterGroup(group.Definition.Id, group.Definition.Name, inPlace ? call.Call.EnqueuedAt.Value : now);
        call.WaitingIn = group;
        if (atHead) group.Waiting.Insert(0, call);
        else if (inPlace)
        {
            // Taken back after a restart: behind everyone queued before it, ahead of those queued after.
            var at = group.Waiting.Count;
            while (at > 0 && group.Waiting[at - 1].Call.EnqueuedAt > call.Call.EnqueuedAt) at--;
            group.Waiting.Insert(at, call);
        }
        else group.Waiting.Add(call);
        if (call.Call.Customer is { IsPresent: true } customer)
        {
            // What a restarted CtiBridge needs to put this caller back in their place, kept on the leg.
            var leg = customer.LegId;
            var facts = new Dictionary<string, string>
            {
                [LegVariables.CallId] = call.Call.Id.ToString(),
                [LegVariables.Role] = "customer",
                [LegVariables.SkillGroup] = group.Definition.Id.ToString(),
                [LegVariables.EnqueuedAt] = call.Call.EnqueuedAt.Value.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            w.AddLater(call, () => _pbx.SetLegVariablesAsync(leg, facts));
        }
        if (group.Definition.MaxWaitSeconds is { } max && call.MaxWaitTimer is null)
        {
            var due = call.Call.EnqueuedAt.Value + TimeSpan.FromSeconds(max) - now;
            var id = call.Call.Id;
            call.MaxWaitTimer = _time.CreateTimer(_ => OnMaxWait(id), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
        if (group.Definition.AnnounceEverySeconds is { } every && every > 0 && call.AnnounceTimer is null)
        {
            var id = call.Call.Id;
            call.AnnounceTimer = _time.CreateTimer(_ => OnAnnounce(id), null, TimeSpan.FromSeconds(every), TimeSpan.FromSeconds(every));
        }
        PublishCall(call, "waiting");
        PublishStats(group);
    }

    private static bool AnyoneLoggedIn(GroupRuntime g, IReadOnlyDictionary<Guid, AgentRuntime> agents) =>
        g.Priority.Keys.Any(id => agents.TryGetValue(id, out var a) && a.Agent.Status != AgentStatus.LoggedOut);

    private bool AnyoneLoggedIn(GroupRuntime g) => AnyoneLoggedIn(g, _agents);

    /// <summary>When the last agent of a group logs out, waiting calls follow the group's no-agent rule.</summary>
    private void ApplyNoAgentRules(Work w)
    {
        foreach (var g in _groups.Values)
        {
            if (g.Definition.NoAgentRule != NoAgentRule.FallbackDestination || g.Waiting.Count == 0 || AnyoneLoggedIn(g)) continue;
            foreach (var call in g.Waiting.ToList()) Reject(w, call, CallEndReason.NoAgentOnline, g.Definition.FallbackDestination);
        }
    }

    /// <summary>Moves a waiting call to a new position (1 = next) in its group's list (supervisors).</summary>
    public void MoveWaitingCall(Guid groupId, Guid callId, int position)
    {
        lock (_gate)
        {
            var g = GroupOf(groupId);
            var call = g.Waiting.FirstOrDefault(c => c.Call.Id == callId)
                ?? throw new CtiException(ErrorCodes.CallNotFound, "The call is not waiting in this skill group.", ErrorKind.NotFound);
            if (position < 1 || position > g.Waiting.Count)
                throw new CtiException(ErrorCodes.ValidationFailed, $"Position must be between 1 and {g.Waiting.Count}.", ErrorKind.Validation);
            g.Waiting.Remove(call);
            g.Waiting.Insert(position - 1, call);
            PublishStats(g);
        }
    }

    /// <summary>
    /// Moves a waiting call to another skill group (supervisors). It keeps its wait: it takes its place in the new group's
    /// list by the time it was first queued, and may be offered there at once.
    /// </summary>
    public void MoveWaitingCallToGroup(Guid groupId, Guid callId, Guid targetGroupId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var from = GroupOf(groupId);
                var to = GroupOf(targetGroupId);
                var call = WaitingCallIn(from, callId);
                if (from == to)
                    throw new CtiException(ErrorCodes.ValidationFailed, "The call is waiting in this skill group already.", ErrorKind.Validation);
                from.Waiting.Remove(call);
                Enqueue(w, call, to, atHead: false, inPlace: true);
                PublishStats(from);
                Dispatch(w);
            }
        });
    }

    /// <summary>
    /// Offers a waiting call to one chosen agent now (supervisors), ahead of the group's order. The agent must be Ready
    /// with her device available; if she does not answer, the call goes back to the head of its group as after any
    /// unanswered offer.
    /// </summary>
    public void HandWaitingCallTo(Guid groupId, Guid callId, Guid agentId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var g = GroupOf(groupId);
                var call = WaitingCallIn(g, callId);
                var agent = AgentOf(agentId);
                if (agent.Agent.Status == AgentStatus.LoggedOut)
                    throw new CtiException(ErrorCodes.AgentNotLoggedIn, "The agent is not logged in.");
                if (agent.Agent.Status != AgentStatus.Ready || !agent.Agent.DeviceAvailable)
                    throw new CtiException(ErrorCodes.AgentNotReady, "A waiting call goes only to a Ready agent whose device is available.");
                g.Waiting.Remove(call);
                call.WaitingIn = null;
                Offer(w, call, agent, fromQueue: true);
                PublishStats(g);
            }
        });
    }

    /// <summary>The call waiting in <paramref name="g"/>: 404 for a call the tenant does not have, 409 for one not waiting there.</summary>
    private CallRuntime WaitingCallIn(GroupRuntime g, Guid callId)
    {
        if (g.Waiting.FirstOrDefault(c => c.Call.Id == callId) is { } waiting) return waiting;
        if (!_calls.ContainsKey(callId))
            throw new CtiException(ErrorCodes.CallNotFound, "No such call in this tenant.", ErrorKind.NotFound);
        throw new CtiException(ErrorCodes.CallNotWaiting, "The call is no longer waiting in this skill group.");
    }

    /// <summary>
    /// Offers waiting calls to free agents until no pair fits: the oldest head-of-list call first,
    /// to the best member (lowest priority number, then longest idle) who is free for that group.
    /// </summary>
    private void Dispatch(Work w)
    {
        var blocked = new HashSet<GroupRuntime>();
        while (true)
        {
            GroupRuntime? best = null;
            foreach (var g in _groups.Values)
            {
                if (g.Waiting.Count == 0 || blocked.Contains(g)) continue;
                if (best is null || HeadTime(g) < HeadTime(best)) best = g;
            }
            if (best is null) return;
            var agent = PickAgent(best);
            if (agent is null) { blocked.Add(best); continue; }
            var call = best.Waiting[0];
            best.Waiting.RemoveAt(0);
            call.WaitingIn = null;
            Offer(w, call, agent, fromQueue: true);
            PublishStats(best);
        }
    }

    private static DateTimeOffset HeadTime(GroupRuntime g) => g.Waiting[0].Call.EnqueuedAt ?? g.Waiting[0].Call.CreatedAt;

    private AgentRuntime? PickAgent(GroupRuntime g)
    {
        AgentRuntime? best = null;
        var bestPriority = int.MaxValue;
        var groupId = g.Definition.Id;
        foreach (var (agentId, priority) in g.Priority)
        {
            if (!_agents.TryGetValue(agentId, out var a) || !a.Agent.IsAvailableForQueue(groupId)) continue;
            if (best is null || priority < bestPriority || (priority == bestPriority && a.Agent.IdleSince < best.Agent.IdleSince))
            {
                best = a;
                bestPriority = priority;
            }
        }
        return best;
    }

    /// <summary>Rings an agent for a call: agent to Ringing, the leg dialled, the countdown started.</summary>
    private void Offer(Work w, CallRuntime call, AgentRuntime agent, bool fromQueue)
    {
        var now = Now;
        Publish(agent, agent.Agent.Offer(now, call.Call.Id, fromQueue));
        var legId = NewLegId();
        var ringFor = TimeSpan.FromSeconds(Math.Max(5, _config.Settings.RingTimeoutSeconds));
        call.Call.State = CallState.Ringing;
        call.Call.FirstOfferedAt ??= now;
        call.Call.OfferAttempts++;
        call.OfferAgentId = agent.Agent.Id;
        call.OfferLegId = legId;
        call.OfferExpiresAt = now + ringFor;
        var party = call.Call.AddParty(new CallParty(legId, PartyRole.Agent, agent.Agent.Id, agent.Agent.Settings.Extension, now));
        TrackLeg(call, legId, LegPurpose.AgentOffer, agent.Agent.Id);
        var callId = call.Call.Id;
        call.RingTimer?.Dispose();
        call.RingTimer = _time.CreateTimer(_ => OnRingTimeout(callId, legId), null, ringFor, Timeout.InfiniteTimeSpan);
        _events.Publish(OfferedEvent(agent, call, (int)ringFor.TotalSeconds));
        PublishParty(call, party, joined: true);
        // An internal call shows the calling colleague on the phone (her extension and name), not the number dialled.
        var caller = call.Call.Kind == CallKind.Internal && call.Call.OwnerAgentId is { } ownerId && _agents.TryGetValue(ownerId, out var owner)
            ? (Number: owner.Agent.Settings.Extension, Name: (string?)owner.Agent.DisplayName)
            : (Number: call.Call.CustomerNumber, Name: call.Call.CustomerName);
        var target = new DialTarget(EndpointOf(agent), caller.Number, caller.Name,
            ringFor + TimeSpan.FromSeconds(5), agent.Agent.Settings.AutoAnswer,
            new Dictionary<string, string>
            {
                [LegVariables.CallId] = callId.ToString(),
                [LegVariables.Role] = "agent",
                [LegVariables.AgentId] = agent.Agent.Id.ToString(),
            });
        w.AddDialling(call, () => _pbx.DialAsync(callId, legId, target), _ => OnLegEnded(legId, CallEndReason.Unreachable));
    }

    private void OnRingTimeout(Guid callId, string legId) => MissOffer(callId, legId, AgentTrigger.RingTimeout, CallEndReason.NoAnswer);

    /// <summary>The agent declines the call ringing for them; it goes back to the head of its queue.</summary>
    public void Decline(Guid agentId, Guid callId)
    {
        string legId;
        lock (_gate)
        {
            var call = CallOfConcerned(agentId, callId);
            if (call.OfferAgentId != agentId || call.OfferLegId is null)
            {
                if (InvitationRingingFor(call, agentId) is null)
                    throw new CtiException(ErrorCodes.CallNotRinging, "This call is not ringing for you.");
                DeclineInvitation(agentId, callId);
                return;
            }
            legId = call.OfferLegId;
        }
        MissOffer(callId, legId, AgentTrigger.Decline, CallEndReason.Rejected);
    }

    /// <summary>The agent's leg of a consultation or conference invitation that rings for her, if any.</summary>
    private static CallParty? InvitationRingingFor(CallRuntime call, Guid agentId) =>
        call.Legs.Values.Where(l => l.AgentId == agentId && l.Purpose is LegPurpose.Consult or LegPurpose.Guest)
            .Select(l => call.Call.FindLeg(l.LegId)).FirstOrDefault(p => p is { State: PartyState.Ringing, IsPresent: true });

    /// <summary>
    /// A colleague declines a consultation or an invitation into a conference: her leg is hung up, she is back where she
    /// was before it rang (no Not Ready: it was not a queue offer), and the first agent is back with the customer.
    /// </summary>
    private void DeclineInvitation(Guid agentId, Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                var call = CallOf(callId);
                if (InvitationRingingFor(call, agentId) is not { } party) return;
                DropLeg(w, call, party, CallEndReason.Rejected);
                if (call.ConsultLegId == party.LegId) ConsultTargetGone(w, call, party, CallEndReason.Rejected);
                else PublishCall(call, "invitation_declined");
                Dispatch(w);
            }
        });
    }

    /// <summary>An offer ended unanswered: the agent is missed, the leg hung up, the call re-routed.</summary>
    private void MissOffer(Guid callId, string legId, AgentTrigger trigger, CallEndReason legReason)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_calls.TryGetValue(callId, out var call) || call.OfferLegId != legId) return;
                var agent = _agents[call.OfferAgentId!.Value];
                ClearOffer(call);
                var party = call.Call.FindLeg(legId)!;
                LeaveParty(call, party, legReason);
                w.AddDialling(call, () => _pbx.HangupAsync(legId, legReason));
                Publish(agent, agent.Agent.Missed(Now, trigger));
                ReRoute(w, call);
                Dispatch(w);
            }
        });
    }

    /// <summary>An offered call that nobody took goes back where it came from, never lost.</summary>
    private void ReRoute(Work w, CallRuntime call)
    {
        if (call.Call.SkillGroupId is { } gid && _groups.TryGetValue(gid, out var group))
        {
            Enqueue(w, call, group, atHead: true);
            return;
        }
        if (call.TransferredBy is { } back && _agents.TryGetValue(back, out var original)
            && original.Agent.Status is AgentStatus.Ready or AgentStatus.NotReady)
        {
            call.TransferredBy = null;
            Offer(w, call, original, fromQueue: false);
            return;
        }
        EndCall(w, call, CallEndReason.NoAnswer);
    }

    private void ClearOffer(CallRuntime call)
    {
        call.RingTimer?.Dispose();
        call.RingTimer = null;
        call.OfferAgentId = null;
        call.OfferLegId = null;
        call.OfferExpiresAt = null;
    }

    private void LeaveParty(CallRuntime call, CallParty party, CallEndReason reason)
    {
        if (!party.IsPresent) return;
        party.State = PartyState.Left;
        party.LeftAt = Now;
        party.EndReason = reason;
        PublishParty(call, party, joined: false);
    }

    private void StartMusic(Work w, CallRuntime call)
    {
        if (call.MusicPlaying) return;
        call.MusicPlaying = true;
        var id = call.Call.Id;
        var moh = _config.Settings.DefaultMusicOnHoldClass;
        w.Add(call, () => _pbx.StartCallMusicAsync(id, moh));
    }

    private void StopMusic(Work w, CallRuntime call)
    {
        if (!call.MusicPlaying) return;
        call.MusicPlaying = false;
        var id = call.Call.Id;
        w.Add(call, () => _pbx.StopCallMusicAsync(id));
    }

    private void OnMaxWait(Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_calls.TryGetValue(callId, out var call) || call.WaitingIn is not { } group) return;
                call.MaxWaitTimer?.Dispose();
                call.MaxWaitTimer = null;
                var def = group.Definition;
                if (def.OverflowGroupId is { } next && _groups.TryGetValue(next, out var overflow))
                {
                    group.Waiting.Remove(call);
                    PublishStats(group);
                    call.Call.EnqueuedAt = Now;
                    Enqueue(w, call, overflow, atHead: false);
                    Dispatch(w);
                }
                else if (def.OverflowDestination is { } destination)
                {
                    Reject(w, call, CallEndReason.Overflow, destination);
                }
            }
        });
    }

    private void OnAnnounce(Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_calls.TryGetValue(callId, out var call) || call.WaitingIn is not { } group) return;
                var position = group.Waiting.IndexOf(call) + 1;
                var average = group.RecentWaits.Count == 0 ? 60 : group.RecentWaits.Average();
                var minutes = Math.Max(1, (int)Math.Ceiling(average * position / 60));
                var media = new List<string>
                {
                    "sound:queue-thereare", $"number:{position}", "sound:queue-callswaiting",
                    "sound:queue-holdtime", $"number:{minutes}", "sound:queue-minutes",
                };
                var leg = call.Call.Customer!.LegId;
                w.Add(call, () => _pbx.PlayAsync(leg, media));
            }
        });
    }

    /// <summary>Ends a call: every remaining leg hung up, the bridge released, the record handed over.</summary>
    private void EndCall(Work w, CallRuntime call, CallEndReason reason)
    {
        if (call.Call.State == CallState.Ended) return;
        DropSoftphoneReturn(w, call);
        var now = Now;
        if (call.OfferAgentId is { } offered && _agents.TryGetValue(offered, out var ringing)
            && ringing.Agent.Status == AgentStatus.Ringing && ringing.Agent.CallId == call.Call.Id)
            Publish(ringing, ringing.Agent.OfferWithdrawn(now));
        ClearOffer(call);
        call.Call.EndHold(now);
        var audience = Audience(call);
        foreach (var party in call.Call.PresentParties.ToList())
        {
            LeaveParty(call, party, reason);
            var leg = party.LegId;
            w.AddDialling(call, () => _pbx.HangupAsync(leg, reason));
            if (party.AgentId is not { } agentId || !_agents.TryGetValue(agentId, out var a) || a.Agent.CallId != call.Call.Id) continue;
            if (a.Agent.Status == AgentStatus.OnCall) Publish(a, a.Agent.CallEnded(now, WrapUpEligible(call, a)));
            else if (a.Agent.Status == AgentStatus.Ringing) Publish(a, a.Agent.OfferWithdrawn(now));   // a consult or guest still ringing
        }
        var id = call.Call.Id;
        if (call.Call.Recording && call.Call.RecordingName is { } rec)
        {
            call.Call.Recording = false;
            w.Add(call, () => _pbx.StopRecordingAsync(rec));
        }
        w.Add(call, () => _pbx.EndCallAsync(id));
        call.Call.State = CallState.Ended;
        call.Call.EndedAt = now;
        call.Call.EndReason = reason;
        call.Call.LeaveGroup(now);
        var group = call.WaitingIn;
        ForgetCall(call);
        if (group is not null) PublishStats(group);
        _events.Publish(new CallEndedEvent(TenantId, ViewOf(call), audience, reason));
        _journal.CallEnded(new CallRecordReady(call.Call,
            call.Call.SkillGroupId is { } g && _groups.TryGetValue(g, out var gr) ? gr.Definition.Name : null));
    }

    /// <summary>Wrap-up follows only an inbound queue call the agent answered (kept to the end or transferred by her).</summary>
    private static bool WrapUpEligible(CallRuntime call, AgentRuntime a) =>
        call.Call.Kind == CallKind.Queue && a.Agent.CallIsFromQueue;

    /// <summary>
    /// The caller's leg could not be answered. When it is already gone (the caller hung up as the call arrived, before
    /// the answer reached the PBX), that is the caller hanging up — abandoned, as the leg's own end event says — not a PBX
    /// failure; whichever of the two the engine sees first decides, the second finds the party gone.
    /// </summary>
    private void OnAcceptFailure(Guid callId, string legId, Exception ex)
    {
        if (ex is CtiException { Code: ErrorCodes.CallNotFound }) OnLegEnded(legId, CallEndReason.Normal);
        else OnPbxFailure(callId);
    }

    private void OnPbxFailure(Guid callId)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (_calls.TryGetValue(callId, out var call)) EndCall(w, call, CallEndReason.Failed);
            }
        });
    }

    private void RecordWait(CallRuntime call)
    {
        if (call.Call.SkillGroupId is not { } gid || !_groups.TryGetValue(gid, out var g)) return;
        g.RecentWaits.Enqueue(call.Call.WaitTime.TotalSeconds);
        while (g.RecentWaits.Count > 20) g.RecentWaits.Dequeue();
    }
}
