namespace CtiBridge.Domain.Calls;

/// <summary>How the call came to exist; decides routing and wrap-up.</summary>
public enum CallKind
{
    /// <summary>An inbound call routed through a skill group (the only kind followed by wrap-up).</summary>
    Queue,
    /// <summary>An inbound call to one agent's extension.</summary>
    Direct,
    /// <summary>An agent dials a customer number.</summary>
    Outbound,
    /// <summary>Agent to agent.</summary>
    Internal,
}

public enum CallState
{
    /// <summary>The caller waits in a skill group, hearing music.</summary>
    Waiting,
    /// <summary>An agent (or the dialled number) is being rung.</summary>
    Ringing,
    Connected,
    Ended,
}

public enum PartyRole
{
    Customer,
    Agent,
    /// <summary>A number or extension added by an agent (consult target, conference guest).</summary>
    External,
}

public enum PartyState
{
    Ringing,
    Connected,
    /// <summary>Talking to the agent in a consultation, away from the main conversation.</summary>
    Consulting,
    Left,
}

/// <summary>One leg of a call: a channel on the PBX and who is on it.</summary>
public sealed class CallParty(string legId, PartyRole role, Guid? agentId, string number, DateTimeOffset joinedAt)
{
    public string LegId { get; private set; } = legId;
    public PartyRole Role { get; } = role;
    public Guid? AgentId { get; } = agentId;
    public string Number { get; } = number;
    public DateTimeOffset JoinedAt { get; } = joinedAt;
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public PartyState State { get; set; } = PartyState.Ringing;
    public bool Held { get; set; }
    public bool Muted { get; set; }
    public CallEndReason? EndReason { get; set; }
    public bool IsPresent => State != PartyState.Left;

    /// <summary>
    /// The party's device came back on a new leg (a browser softphone called back into the call after a page reload):
    /// the same party, still present, now on <paramref name="newLegId"/>; not muted, as a fresh leg is not.
    /// </summary>
    public void MoveToLeg(string newLegId)
    {
        if (!IsPresent) throw new InvalidOperationException("A party that left cannot move to a new leg.");
        LegId = newLegId;
        Muted = false;
    }
}

/// <summary>A call with its parties and the timings its call record is made of.</summary>
public sealed class Call
{
    private readonly List<CallParty> _parties = new();

    public Call(Guid tenantId, Guid id, CallKind kind, string customerNumber, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Id = id;
        Kind = kind;
        CustomerNumber = customerNumber;
        CreatedAt = createdAt;
        Direction = kind switch
        {
            CallKind.Outbound => CallDirection.Outbound,
            CallKind.Internal => CallDirection.Internal,
            _ => CallDirection.Inbound,
        };
    }

    public Guid TenantId { get; }
    public Guid Id { get; }
    public CallKind Kind { get; }
    public CallDirection Direction { get; }
    public string CustomerNumber { get; }
    public string? CustomerName { get; set; }
    public Guid? SkillGroupId { get; set; }
    public Dictionary<string, string> AttachedData { get; } = new(StringComparer.OrdinalIgnoreCase);
    public CallState State { get; set; } = CallState.Waiting;
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? EnqueuedAt { get; set; }
    public DateTimeOffset? FirstOfferedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public CallEndReason? EndReason { get; set; }
    /// <summary>Each agent's own wrap-up notes (disposition and remarks), by agent.</summary>
    public Dictionary<Guid, CallNote> Notes { get; } = new();
    /// <summary>The agent who owns the call: may drop parties, transfer, conference.</summary>
    public Guid? OwnerAgentId { get; set; }
    /// <summary>Agents who took part (for the record and for "recent calls").</summary>
    public HashSet<Guid> AgentIds { get; } = new();
    public int OfferAttempts { get; set; }
    public bool Recording { get; set; }
    public string? RecordingName { get; set; }
    public bool Held => _parties.Any(p => p.Role == PartyRole.Customer && p.Held);
    public DateTimeOffset? HeldSince { get; set; }
    public TimeSpan HoldTotal { get; set; }

    public IReadOnlyList<CallParty> Parties => _parties;
    public IEnumerable<CallParty> PresentParties => _parties.Where(p => p.IsPresent);
    public CallParty? Customer => _parties.FirstOrDefault(p => p.Role == PartyRole.Customer);

    public CallParty AddParty(CallParty party)
    {
        _parties.Add(party);
        if (party.AgentId is { } a) AgentIds.Add(a);
        return party;
    }

    public CallParty? FindLeg(string legId) => _parties.FirstOrDefault(p => p.LegId == legId);

    public CallParty? PresentAgentParty(Guid agentId) =>
        _parties.FirstOrDefault(p => p.AgentId == agentId && p.IsPresent);

    public bool IsParty(Guid agentId) => PresentAgentParty(agentId) is not null;

    /// <summary>From the first ring to the answer (or, for a call never answered, to its end).</summary>
    public TimeSpan RingTime =>
        FirstOfferedAt is { } offered && (AnsweredAt ?? EndedAt) is { } stop ? stop - offered : TimeSpan.Zero;

    public TimeSpan TalkTime => AnsweredAt is { } a && EndedAt is { } e ? e - a - HoldTotal : TimeSpan.Zero;

    public TimeSpan WaitTime => (FirstOfferedAt ?? EndedAt ?? CreatedAt) - (EnqueuedAt ?? CreatedAt);

    /// <summary>
    /// Where the caller waited: one entry per skill group, in order (an overflow moves the caller on to the next group;
    /// an offer that rings out keeps her in the same one). An entry closes when an agent answers, the caller moves on, or
    /// the call ends.
    /// </summary>
    public IReadOnlyList<GroupWait> GroupWaits => _groupWaits;
    private readonly List<GroupWait> _groupWaits = new();

    /// <summary>The caller waits in <paramref name="groupId"/> from <paramref name="at"/> (the same group again: the wait goes on).</summary>
    public void EnterGroup(Guid groupId, string groupName, DateTimeOffset at)
    {
        if (_groupWaits.Count > 0 && _groupWaits[^1] is { LeftAt: null } open)
        {
            if (open.GroupId == groupId) return;
            open.LeftAt = at;
        }
        _groupWaits.Add(new GroupWait(groupId, groupName, at));
    }

    /// <summary>The caller stops waiting (answered, or the call ended).</summary>
    public void LeaveGroup(DateTimeOffset at)
    {
        if (_groupWaits.Count > 0 && _groupWaits[^1] is { LeftAt: null } open) open.LeftAt = at < open.EnteredAt ? open.EnteredAt : at;
    }

    /// <summary>How many times the customer was put on hold.</summary>
    public int HoldCount { get; set; }

    public void StartHold(DateTimeOffset now)
    {
        if (HeldSince is not null) return;
        HeldSince = now;
        HoldCount++;
    }

    public void EndHold(DateTimeOffset now)
    {
        if (HeldSince is { } since) HoldTotal += now - since;
        HeldSince = null;
    }
}

/// <summary>A caller's wait in one skill group.</summary>
public sealed class GroupWait(Guid groupId, string groupName, DateTimeOffset enteredAt)
{
    public Guid GroupId { get; } = groupId;
    public string GroupName { get; } = groupName;
    public DateTimeOffset EnteredAt { get; } = enteredAt;
    public DateTimeOffset? LeftAt { get; internal set; }
}
