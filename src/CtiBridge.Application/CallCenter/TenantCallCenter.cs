using CtiBridge.Application.Events;
using CtiBridge.Application.Observability;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.CallCenter;

/// <summary>
/// One tenant's live call center: its agents' states, its waiting lists and its calls. The
/// authoritative state lives here, guarded by one lock per tenant; decisions are made under the
/// lock in microseconds, and PBX commands are executed after it is released, on each call's own
/// <see cref="SerialQueue"/> (so calls never wait on each other). Events are published under the
/// lock, which keeps them in order.
/// </summary>
public sealed partial class TenantCallCenter
{
    private readonly object _gate = new();
    /// <summary>The last agent-view revision handed out; starts from the clock so revisions keep rising across restarts.</summary>
    private long _agentRevision = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    private readonly IPbx _pbx;
    private readonly ICallCenterEventSink _events;
    private readonly ICallCenterJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Dictionary<Guid, AgentRuntime> _agents = new();
    private readonly Dictionary<string, AgentRuntime> _agentsByExtension = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, GroupRuntime> _groups = new();
    private readonly Dictionary<Guid, CallRuntime> _calls = new();
    private readonly Dictionary<string, CallRuntime> _callsByLeg = new();
    private readonly Action<string, TenantCallCenter?> _legIndex;
    private TenantConfiguration _config;

    /// <summary>The PBX this tenant's commands go to (its Asterisk server; fenced when several nodes run).</summary>
    internal IPbx Pbx => _pbx;

    internal TenantCallCenter(TenantConfiguration config, IPbx pbx, ICallCenterEventSink events,
        ICallCenterJournal journal, TimeProvider time, ILogger log, Action<string, TenantCallCenter?> legIndex)
    {
        _config = config;
        _pbx = pbx;
        _events = events;
        _journal = journal;
        _time = time;
        _log = log;
        _legIndex = legIndex;
        Apply(config);
    }

    public Guid TenantId => _config.TenantId;
    public string Domain => _config.Domain;
    public TenantConfiguration Configuration { get { lock (_gate) return _config; } }

    /// <summary>
    /// Replaces the tenant's configuration (agents, groups, settings) keeping live state. Agents it no longer has are
    /// logged out (when their call ends, if they are on one).
    /// </summary>
    public void Reconfigure(TenantConfiguration config)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                Apply(config);
                LogOutRemovedAgents(w);
                Dispatch(w);
            }
        });
    }

    private void Apply(TenantConfiguration config)
    {
        _config = config;
        var seen = new HashSet<Guid>();
        foreach (var def in config.Agents)
        {
            seen.Add(def.Id);
            if (_agents.TryGetValue(def.Id, out var existing))
            {
                var autoAnswerChanged = existing.Agent.Settings.AutoAnswer != def.Settings.AutoAnswer;
                existing.Definition = def;
                existing.Agent.DisplayName = def.DisplayName;
                existing.Agent.Settings = def.Settings;
                if (autoAnswerChanged) PublishProfileChange(existing); // an admin switched it: the toolbar shows it at once
            }
            else
            {
                _agents[def.Id] = new AgentRuntime(new Agent(config.TenantId, def.Id, def.DisplayName, def.Settings), def);
            }
        }
        foreach (var gone in _agents.Keys.Where(k => !seen.Contains(k)).ToList())
            if (_agents[gone].Agent.Status == AgentStatus.LoggedOut) _agents.Remove(gone);
        _agentsByExtension.Clear();
        foreach (var a in _agents.Values) _agentsByExtension[a.Definition.Settings.Extension] = a;

        var groupIds = new HashSet<Guid>();
        foreach (var def in config.Groups)
        {
            groupIds.Add(def.Id);
            if (_groups.TryGetValue(def.Id, out var g)) g.Definition = def;
            else _groups[def.Id] = new GroupRuntime(def);
        }
        foreach (var gone in _groups.Keys.Where(k => !groupIds.Contains(k) && _groups[k].Waiting.Count == 0).ToList())
            _groups.Remove(gone);
        foreach (var a in _agents.Values) a.Groups.Clear();
        foreach (var g in _groups.Values)
        {
            g.Priority.Clear();
            foreach (var m in g.Definition.Members)
            {
                g.Priority[m.AgentId] = m.Priority;
                if (_agents.TryGetValue(m.AgentId, out var a)) a.Groups.Add(g);
            }
        }
    }

    // ---- the work pattern: decide under the lock, act outside it ----

    /// <summary>
    /// PBX commands decided under the lock, run after it is released. A call's commands run in order on one of
    /// two lanes: the call lane (answer, bridge, music, joins, recording, end) and the dialling lane (originating
    /// and hanging up legs), so ringing an agent never waits for the customer's answer and bridge — the adapter
    /// joins a leg only once the bridge exists — while a leg is still never hung up before it was dialled. The dials
    /// of one decision go first and its call-lane commands wait for the PBX to take them (<see cref="Flush"/>).
    /// </summary>
    private sealed class Work
    {
        public readonly List<(CallRuntime Call, Func<Task> Action, Action<Exception>? OnError, bool Dialling)> Items = new();

        /// <summary>Work that must not delay the call's urgent commands (e.g. bookkeeping variables): runs after them.</summary>
        public readonly List<(CallRuntime Call, Func<Task> Action, Action<Exception>? OnError, bool Dialling)> Later = new();

        public void Add(CallRuntime call, Func<Task> action, Action<Exception>? onError = null) =>
            Items.Add((call, action, onError, false));

        /// <summary>Originating or hanging up a leg: the dialling lane.</summary>
        public void AddDialling(CallRuntime call, Func<Task> action, Action<Exception>? onError = null) =>
            Items.Add((call, action, onError, true));

        public void AddLater(CallRuntime call, Func<Task> action) => Later.Add((call, action, null, false));
    }

    /// <summary>Runs a decision, then its PBX work, returning once the work items were started.</summary>
    private void RunWork(Action<Work> decide)
    {
        var work = new Work();
        decide(work);
        Flush(work);
    }

    /// <summary>How long a call's other commands wait for the PBX to take the dials decided with them.</summary>
    private static readonly TimeSpan DialsFirstLimit = TimeSpan.FromMilliseconds(250);

    private void Flush(Work work)
    {
        // Dials first: a call's call-lane commands of the same decision start once the PBX has taken its dials (at most
        // DialsFirstLimit). Ringing the agent is what the caller waits for, and on Asterisk an originate that competes
        // with the customer's answer and bridge requests took twice as long to ring the phone (2.6 vs 1.4 ms p50,
        // docs/benchmarks.md); the customer's answer and bridge are needed only once the agent answers.
        Dictionary<CallRuntime, List<Task>>? dials = null;
        foreach (var item in work.Items.Where(i => i.Dialling))
        {
            var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var action = item.Action;
            Post(item.Call, item.Call.Dialling, async () => { try { await action().ConfigureAwait(false); } finally { taken.TrySetResult(); } }, item.OnError);
            if (taken.Task.IsCompleted) continue; // the Simulator: done already
            dials ??= new Dictionary<CallRuntime, List<Task>>();
            if (!dials.TryGetValue(item.Call, out var pending)) dials[item.Call] = pending = new List<Task>();
            pending.Add(taken.Task);
        }
        if (dials is not null)
            foreach (var (call, pending) in dials)
                call.Pbx.Post(() => WaitForDialsAsync(call, pending), _ => { });
        foreach (var item in work.Items.Where(i => !i.Dialling).Concat(work.Later))
            Post(item.Call, item.Call.Pbx, item.Action, item.OnError);
    }

    private async Task WaitForDialsAsync(CallRuntime call, List<Task> dials)
    {
        try { await Task.WhenAll(dials).WaitAsync(DialsFirstLimit, _time).ConfigureAwait(false); }
        catch (TimeoutException) { _log.LogDebug("Call {CallId}: the PBX took longer than {Limit} to take its dials; going on", call.Call.Id, DialsFirstLimit); }
    }

    private void Post(CallRuntime call, SerialQueue lane, Func<Task> action, Action<Exception>? onError) =>
        lane.Post(() =>
        {
            // The command's async continuations keep the scope: what the PBX adapter logs names the tenant and the call.
            using (_log.BeginCallScope(Domain, call.Call.Id)) return action();
        }, ex =>
        {
            using var scope = _log.BeginCallScope(Domain, call.Call.Id);
            _log.LogWarning(ex, "PBX command for call {CallId} failed: {Message}", call.Call.Id, ex.Message);
            try { onError?.Invoke(ex); }
            catch (Exception inner) { _log.LogError(inner, "Recovering from a failed PBX command of call {CallId} failed", call.Call.Id); }
        });

    /// <summary>Runs a PBX command the caller waits for (a REST request), turning PBX failures into <c>pbx_unavailable</c>.</summary>
    private async Task RunAwaited(CallRuntime call, Func<Task> action)
    {
        using var scope = _log.BeginCallScope(Domain, call.Call.Id);
        try
        {
            await call.Pbx.RunAsync(action).ConfigureAwait(false);
        }
        catch (CtiException) { throw; }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "PBX command for call {CallId} failed: {Message}", call.Call.Id, ex.Message);
            throw new CtiException(ErrorCodes.PbxUnavailable, "The PBX did not carry out the request: " + ex.Message, ErrorKind.Unavailable);
        }
    }

    // ---- lookups (under the lock) ----

    private AgentRuntime AgentOf(Guid agentId) =>
        _agents.TryGetValue(agentId, out var a)
            ? a
            : throw new CtiException(ErrorCodes.AgentNotFound, "No such agent in this tenant.", ErrorKind.NotFound);

    private CallRuntime CallOf(Guid callId) =>
        _calls.TryGetValue(callId, out var c)
            ? c
            : throw new CtiException(ErrorCodes.CallNotFound, "No such live call.", ErrorKind.NotFound);

    /// <summary>
    /// The call, if the agent is one of its parties (or is being offered it). Another agent's call is "not found", as a
    /// call that does not exist: the answer does not tell an agent which calls exist.
    /// </summary>
    private CallRuntime CallOfParty(Guid agentId, Guid callId)
    {
        var call = CallOf(callId);
        if (!call.Call.IsParty(agentId) && call.OfferAgentId != agentId)
            throw new CtiException(ErrorCodes.CallNotFound, "No such live call.", ErrorKind.NotFound);
        return call;
    }

    /// <summary>
    /// The call, if it concerns the agent at all (a party, offered to them, or a leg of theirs such as a ringing consult);
    /// otherwise 404 <c>call_not_found</c> as for a call that does not exist, so answering or declining another agent's
    /// ringing call does not confirm that it exists.
    /// </summary>
    private CallRuntime CallOfConcerned(Guid agentId, Guid callId)
    {
        var call = CallOf(callId);
        if (!call.Call.IsParty(agentId) && call.OfferAgentId != agentId && !call.Legs.Values.Any(l => l.AgentId == agentId))
            throw new CtiException(ErrorCodes.CallNotFound, "No such live call.", ErrorKind.NotFound);
        return call;
    }

    private void TrackLeg(CallRuntime call, string legId, LegPurpose purpose, Guid? agentId)
    {
        call.Legs[legId] = new LegInfo(legId, purpose, agentId);
        _callsByLeg[legId] = call;
        _legIndex(legId, this);
    }

    private void ForgetCall(CallRuntime call)
    {
        call.CancelTimers();
        _calls.Remove(call.Call.Id);
        foreach (var leg in call.Legs.Keys)
        {
            _callsByLeg.Remove(leg);
            _legIndex(leg, null);
        }
        if (call.WaitingIn is { } g) { g.Waiting.Remove(call); call.WaitingIn = null; }
    }

    private static string NewLegId() => "cti-" + Guid.NewGuid().ToString("N")[..20];

    private DateTimeOffset Now => _time.GetUtcNow();

    // ---- publishing ----

    private void Publish(AgentRuntime a, AgentStateChange? change)
    {
        if (change is null) return;
        // Logged out, now or when a pending logout takes effect after the call: the hot-desk phone and the remote
        // agent's number are free for someone else.
        if (a.Agent.Status == AgentStatus.LoggedOut) { a.HotDeskEndpoint = null; a.ReachNumber = null; }
        _journal.AgentStateChanged(change);
        SaveSession(a, change.At);
        PublishAgentView(a, change.Trigger, change.ChangedBy);
        ArmWrapUpTimer(a);
        foreach (var g in a.Groups) PublishStats(g);
    }

    /// <summary>
    /// Tells the agent's listeners her view changed, under a new revision: a client that gets views both from REST
    /// answers and from events keeps the one with the highest revision, whatever order they arrive in.
    /// </summary>
    private void PublishAgentView(AgentRuntime a, AgentTrigger trigger, StateChangedBy? by = null)
    {
        a.Revision = ++_agentRevision;
        _events.Publish(new AgentStateChangedEvent(TenantId, ViewOf(a), trigger, by));
    }

    private void PublishCall(CallRuntime call, string change)
    {
        var audience = Audience(call);
        _events.Publish(new CallStateChangedEvent(TenantId, ViewOf(call), audience, change));
        JournalProgress(call);
    }

    /// <summary>
    /// Hands the journal the live call as its provisional record when what a record says of it changed (it started, was
    /// answered, offered again, moved group, gained or lost a party or notes), so a call that ends while no process runs
    /// the tenant still has its record (<see cref="PbxCallsReported"/>). Holds and mutes are not worth a write.
    /// </summary>
    private void JournalProgress(CallRuntime call)
    {
        var c = call.Call;
        if (c.State == CallState.Ended) return;
        var shape = HashCode.Combine(c.AnsweredAt, c.Parties.Count, c.Notes.Count, c.SkillGroupId, c.OfferAttempts, c.AgentIds.Count);
        if (call.JournaledShape == shape) return;
        call.JournaledShape = shape;
        _journal.CallInProgress(new CallRecordReady(c, c.SkillGroupId is { } g && _groups.TryGetValue(g, out var gr) ? gr.Definition.Name : null));
    }

    /// <summary>
    /// The PBX has reported every call it still has (it connected, connected again, or this process took the tenant
    /// back): the calls running now are all there are, and the journal ends the provisional records of the others
    /// (<see cref="CallEndReason.EndedUnseen"/>). Under the state's lock, so no call's end is journaled on the wrong side of it.
    /// </summary>
    public void PbxCallsReported()
    {
        lock (_gate) _journal.PbxCallsReported(new LiveCallsReported(TenantId, _calls.Keys.ToList(), Now));
    }

    private void PublishParty(CallRuntime call, CallParty party, bool joined)
    {
        _events.Publish(new ParticipantsChangedEvent(TenantId, ViewOf(call), Audience(call), ViewOf(party), joined));
    }

    private IReadOnlyList<Guid> Audience(CallRuntime call)
    {
        var ids = call.Call.PresentParties.Where(p => p.AgentId is not null).Select(p => p.AgentId!.Value).ToList();
        if (call.OfferAgentId is { } o && !ids.Contains(o)) ids.Add(o);
        return ids;
    }

    /// <summary>How often, at most, a skill group's statistics are published (they change on every offer).</summary>
    public static readonly TimeSpan StatsInterval = TimeSpan.FromMilliseconds(250);

    private readonly HashSet<GroupRuntime> _dirtyStats = new();
    private ITimer? _statsTimer;

    /// <summary>
    /// Marks a group's statistics as changed; they are published at most every <see cref="StatsInterval"/>,
    /// which keeps their computation off the routing path.
    /// </summary>
    private void PublishStats(GroupRuntime g)
    {
        _dirtyStats.Add(g);
        _statsTimer ??= _time.CreateTimer(_ => FlushStats(), null, StatsInterval, Timeout.InfiniteTimeSpan);
    }

    private void FlushStats()
    {
        lock (_gate)
        {
            _statsTimer?.Dispose();
            _statsTimer = null;
            foreach (var g in _dirtyStats) _events.Publish(new SkillGroupStatsChangedEvent(TenantId, StatsOf(g)));
            _dirtyStats.Clear();
        }
    }

    private void ArmWrapUpTimer(AgentRuntime a)
    {
        a.WrapUpTimer?.Dispose();
        a.WrapUpTimer = null;
        if (a.Agent.Status != AgentStatus.WrapUp || a.Agent.WrapUpEndsAt is not { } ends) return;
        var due = ends - Now;
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        var agentId = a.Agent.Id;
        a.WrapUpTimer = _time.CreateTimer(_ => OnWrapUpTimer(agentId, ends), null, due, Timeout.InfiniteTimeSpan);
    }

    private void OnWrapUpTimer(Guid agentId, DateTimeOffset expectedEnd)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_agents.TryGetValue(agentId, out var a)) return;
                if (a.Agent.Status != AgentStatus.WrapUp || a.Agent.WrapUpEndsAt != expectedEnd) return;
                Publish(a, a.Agent.WrapUpExpired(Now));
                Dispatch(w);
            }
        });
    }
}
