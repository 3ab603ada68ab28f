using CtiBridge.Application.Events;
using CtiBridge.Application.Observability;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.CallCenter;

public sealed partial class TenantCallCenter
{
    public AgentView GetAgent(Guid agentId) { lock (_gate) return ViewOf(AgentOf(agentId)); }

    public IReadOnlyList<AgentView> ListAgents() { lock (_gate) return _agents.Values.Select(ViewOf).ToList(); }

    public bool HasAgent(Guid agentId) { lock (_gate) return _agents.ContainsKey(agentId); }

    /// <summary>Whether <paramref name="callId"/> is a live call of this tenant.</summary>
    public bool IsLiveCall(Guid callId) { lock (_gate) return _calls.ContainsKey(callId); }

    /// <summary>
    /// Supervision: the call an agent is talking on now (their leg answered and in the call), with the legs a supervisor's
    /// snoop and take over need; null when the agent is on no connected call (ringing, in wrap-up, not logged in).
    /// </summary>
    public MonitorableCall? MonitorableCallOf(Guid agentId)
    {
        lock (_gate)
        {
            if (!_agents.TryGetValue(agentId, out var a) || a.Agent.Status != AgentStatus.OnCall || a.Agent.CallId is not { } callId
                || !_calls.TryGetValue(callId, out var call) || call.Call.State != CallState.Connected) return null;
            if (call.Call.PresentAgentParty(agentId) is not { State: PartyState.Connected, AnsweredAt: not null } party) return null;
            var customer = call.Call.Customer is { IsPresent: true } c ? c : null;
            // The rule HandOverToSupervisorAsync applies: the agent and the customer alone.
            var takeOverPossible = customer is not null && call.ConsultBy is null && call.SelfService is null && call.Call.PresentParties.Count() == 2;
            return new MonitorableCall(call.Call.Id, party.LegId, customer?.LegId, customer?.Held ?? false, takeOverPossible);
        }
    }

    /// <summary>The live calls the agent is a party of or is being offered.</summary>
    public IReadOnlyList<CallView> CallsOf(Guid agentId)
    {
        lock (_gate)
            return _calls.Values.Where(c => c.Call.IsParty(agentId) || c.OfferAgentId == agentId).Select(ViewOf).ToList();
    }

    public CallView GetCall(Guid agentId, Guid callId, bool supervisor = false)
    {
        lock (_gate) return ViewOf(supervisor ? CallOf(callId) : CallOfParty(agentId, callId));
    }

    public IReadOnlyList<CallView> ListCalls() { lock (_gate) return _calls.Values.Select(ViewOf).ToList(); }

    public IReadOnlyList<SkillGroupStats> ListGroupStats() { lock (_gate) return _groups.Values.Select(StatsOf).ToList(); }

    /// <summary>The live figures the metrics report (<see cref="CallCenterMetrics"/>), counted under the lock.</summary>
    public CallCenterSnapshot MetricsSnapshot()
    {
        lock (_gate)
        {
            var now = Now;
            var calls = Enum.GetValues<CallState>().ToDictionary(s => s, _ => 0);
            foreach (var c in _calls.Values) calls[c.Call.State]++;
            var agents = CallCenterMetrics.EmptyAgentCounts();
            foreach (var a in _agents.Values) agents[a.Agent.Status]++;
            var groups = _groups.Values.Select(g =>
            {
                var members = CallCenterMetrics.EmptyAgentCounts();
                foreach (var id in g.Priority.Keys)
                    if (_agents.TryGetValue(id, out var a)) members[a.Agent.Status]++;
                var longest = g.Waiting.Count == 0 ? 0 : g.Waiting.Max(c => (now - (c.Call.EnqueuedAt ?? now)).TotalSeconds);
                return new SkillGroupSnapshot(g.Definition.Name, members, g.Waiting.Count, Math.Max(0, longest));
            }).ToList();
            return new CallCenterSnapshot(_config.Domain, calls, agents, groups);
        }
    }

    public IReadOnlyList<WaitingCallView> WaitingCalls(Guid groupId)
    {
        lock (_gate)
        {
            var g = GroupOf(groupId);
            var now = Now;
            return g.Waiting.Select((c, i) => new WaitingCallView(c.Call.Id, i + 1, Mask(c.Call.CustomerNumber),
                c.Call.EnqueuedAt ?? c.Call.CreatedAt, (now - (c.Call.EnqueuedAt ?? c.Call.CreatedAt)).TotalSeconds,
                AttachedOf(c.Call))).ToList();
        }
    }

    /// <summary>
    /// Supervision's floor view of the given agents (unknown ids skipped), read under one lock so an agent, their skill
    /// groups and their current call agree: the agent, the groups they belong to, and the call they are on or offered.
    /// </summary>
    public IReadOnlyList<AgentOnTheFloor> FloorViewOf(IEnumerable<Guid> agentIds)
    {
        lock (_gate)
        {
            var found = new List<AgentOnTheFloor>();
            foreach (var id in agentIds)
            {
                if (!_agents.TryGetValue(id, out var a)) continue;
                var call = a.Agent.CallId is { } callId && _calls.TryGetValue(callId, out var on) ? on
                    : _calls.Values.FirstOrDefault(c => c.OfferAgentId == id);
                found.Add(new AgentOnTheFloor(ViewOf(a), a.Groups.Select(g => new SkillGroupRef(g.Definition.Id, g.Definition.Name)).ToList(),
                    call is null ? null : ViewOf(call), EndpointOf(a), a.Definition.TeamIds ?? []));
            }
            return found;
        }
    }

    /// <summary>The skill groups the agent belongs to.</summary>
    public IReadOnlyList<Guid> GroupsOf(Guid agentId)
    {
        lock (_gate) return AgentOf(agentId).Groups.Select(g => g.Definition.Id).ToList();
    }

    private GroupRuntime GroupOf(Guid groupId) =>
        _groups.TryGetValue(groupId, out var g)
            ? g
            : throw new CtiException(ErrorCodes.SkillGroupNotFound, "No such skill group.", ErrorKind.NotFound);

    private AgentView ViewOf(AgentRuntime a)
    {
        var x = a.Agent;
        return new AgentView(x.Id, x.DisplayName, a.Definition.AgentNumber, x.Settings.Extension, x.Settings.ExtensionKind,
            x.Status, x.Reason, x.Status == AgentStatus.LoggedOut && x.StateSince == default ? null : x.StateSince,
            x.Pending.Kind, x.Pending.Reason, x.CallId, x.WrapUpEndsAt, x.PausedGroups.ToList(), x.EffectiveMode, x.DeviceAvailable,
            x.Settings.AutoAnswer, _config.Settings.AgentsMayChooseAutoAnswer, a.Revision);
    }

    /// <summary>The unmasked customer number the screen pop looks up (none for calls between colleagues).</summary>
    private static string? ScreenPopNumberOf(CallRuntime c) => c.Call.Kind == CallKind.Internal ? null : c.Call.CustomerNumber;

    /// <summary>The offer of <paramref name="call"/> to <paramref name="agent"/>, with what its screen pop needs (under the lock).</summary>
    private Events.CallOfferedEvent OfferedEvent(AgentRuntime agent, CallRuntime call, int countdownSeconds) =>
        new(TenantId, agent.Agent.Id, ViewOf(call), countdownSeconds)
        {
            CallerNumber = ScreenPopNumberOf(call),
            ScreenPopContext = Contacts.ScreenPopContext.Of(_config.Settings, agent.Definition),
        };

    private CallView ViewOf(CallRuntime c)
    {
        var call = c.Call;
        var groupName = call.SkillGroupId is { } gid && _groups.TryGetValue(gid, out var g) ? g.Definition.Name : null;
        return new CallView(call.Id, call.Kind, call.Direction, call.State, call.SkillGroupId, groupName,
            Mask(call.CustomerNumber), call.CustomerName, AttachedOf(call),
            call.Parties.Where(p => p.IsPresent).Select(ViewOf).ToList(), call.OwnerAgentId, call.Held, call.Recording,
            call.CreatedAt, call.AnsweredAt, c.OfferExpiresAt, c.ConsultBy, Latest(call)?.Disposition, Latest(call)?.Remarks, c.SelfService?.Name,
            c.HandedOverBy, c.HandedOverBy is { } by && _agents.TryGetValue(by, out var first) ? first.Agent.DisplayName : null,
            call.Notes.OrderBy(n => n.Value.SavedAt).Select(n => new CallNoteView(n.Key,
                _agents.TryGetValue(n.Key, out var who) ? who.Agent.DisplayName : null, n.Value.DispositionId, n.Value.Disposition,
                n.Value.Remarks, n.Value.SavedAt)).ToList());
    }

    /// <summary>The notes saved last by any party (the view's older single disposition/remarks fields).</summary>
    private static CallNote? Latest(Call call) => call.Notes.Values.MaxBy(n => n.SavedAt);

    private PartyView ViewOf(CallParty p)
    {
        var name = p.AgentId is { } id && _agents.TryGetValue(id, out var a) ? a.Agent.DisplayName
            : p.Role == PartyRole.Customer ? "Customer" : p.Number;
        var number = p.Role == PartyRole.Customer ? Mask(p.Number) : p.Number;
        return new PartyView(p.LegId, p.Role, p.AgentId, name, number, p.State, p.Held, p.Muted);
    }

    private IReadOnlyList<AttachedDataItem> AttachedOf(Call call)
    {
        var keys = _config.Settings.AttachedDataKeys;
        if (keys.Count == 0)
            return call.AttachedData.Take(10).Select(kv => new AttachedDataItem(kv.Key, kv.Value)).ToList();
        // The tenant's key names first, then what self-service collected on this call.
        return keys.Take(10)
            .Concat(_config.Settings.SelfServiceFlows.Select(f => f.DataKey).Where(k => !keys.Contains(k, StringComparer.OrdinalIgnoreCase)))
            .Where(call.AttachedData.ContainsKey)
            .Select(k => new AttachedDataItem(k, call.AttachedData[k])).ToList();
    }

    private SkillGroupStats StatsOf(GroupRuntime g)
    {
        var now = Now;
        int loggedIn = 0, ready = 0, free = 0, busy = 0, notReady = 0, wrapUp = 0;
        var groupId = g.Definition.Id;
        foreach (var id in g.Priority.Keys)
        {
            if (!_agents.TryGetValue(id, out var a) || a.Agent.Status == AgentStatus.LoggedOut) continue;
            loggedIn++;
            switch (a.Agent.Status)
            {
                case AgentStatus.Ringing or AgentStatus.OnCall: busy++; break;
                case AgentStatus.NotReady: notReady++; break;
                case AgentStatus.WrapUp: wrapUp++; break;
            }
            if (a.Agent.Status != AgentStatus.Ready) continue;
            ready++;
            if (a.Agent.IsAvailableForQueue(groupId)) free++;
        }
        var longest = g.Waiting.Count == 0 ? 0 : g.Waiting.Max(c => (now - (c.Call.EnqueuedAt ?? now)).TotalSeconds);
        var callers = g.Waiting.Select((c, i) => new WaitingCaller(c.Call.Id, i + 1, Mask(c.Call.CustomerNumber), c.Call.EnqueuedAt ?? c.Call.CreatedAt)).ToList();
        return new SkillGroupStats(groupId, g.Definition.Name, g.Waiting.Count, Math.Max(0, longest), loggedIn, ready, free,
            busy, notReady, wrapUp, g.Definition.ServiceLevelSeconds, callers, g.Today);
    }

    /// <summary>
    /// Sets a group's figures of the day (computed by supervision from the stored call records) and publishes its
    /// statistics with them. Unknown groups are ignored (deleted meanwhile).
    /// </summary>
    public void SetGroupToday(Guid groupId, GroupToday today)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var g)) return;
            g.Today = today;
            PublishStats(g);
        }
    }

    /// <summary>The ids of the tenant's skill groups.</summary>
    public IReadOnlyList<Guid> GroupIds() { lock (_gate) return _groups.Keys.ToList(); }

    /// <summary>Applies the tenant's number-masking rule to a number shown to agents.</summary>
    internal string Mask(string number) => NumberMask.Apply(_config.Settings.NumberMaskingRule, number);
}

/// <summary>The tenant number-masking rules: <c>none</c>, <c>lastN</c> (keep the last N digits), <c>firstN</c>.</summary>
public static class NumberMask
{
    public static string Apply(string rule, string number)
    {
        if (string.IsNullOrEmpty(number) || string.IsNullOrEmpty(rule) || rule == "none") return number;
        if (rule.StartsWith("last", StringComparison.Ordinal) && int.TryParse(rule.AsSpan(4), out var keepLast))
            return number.Length <= keepLast ? number : new string('*', number.Length - keepLast) + number[^keepLast..];
        if (rule.StartsWith("first", StringComparison.Ordinal) && int.TryParse(rule.AsSpan(5), out var keepFirst))
            return number.Length <= keepFirst ? number : number[..keepFirst] + new string('*', number.Length - keepFirst);
        return number;
    }

    public static bool IsValidRule(string rule) =>
        rule == "none"
        || (rule.StartsWith("last", StringComparison.Ordinal) && int.TryParse(rule.AsSpan(4), out var a) && a is >= 0 and <= 20)
        || (rule.StartsWith("first", StringComparison.Ordinal) && int.TryParse(rule.AsSpan(5), out var b) && b is >= 0 and <= 20);
}

/// <summary>
/// An agent's connected call as supervision sees it: the agent's leg (snooped on) and the customer's, if present;
/// <paramref name="TakeOverPossible"/>: the agent and the customer alone (no consultation, conference or self-service).
/// </summary>
public sealed record MonitorableCall(Guid CallId, string AgentLegId, string? CustomerLegId, bool CustomerHeld, bool TakeOverPossible);

/// <summary>A skill group by id and name.</summary>
public sealed record SkillGroupRef(Guid SkillGroupId, string Name);

/// <summary>One agent as supervision sees them: the agent, their skill groups, and the call they are on or offered (null: none).</summary>
public sealed record AgentOnTheFloor(AgentView Agent, IReadOnlyList<SkillGroupRef> SkillGroups, CallView? Call, string Endpoint, IReadOnlyList<Guid> TeamIds);

