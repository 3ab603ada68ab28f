namespace CtiBridge.Domain.Agents;

/// <summary>What the agent asked for while a call or wrap-up made it impossible right away.</summary>
public enum PendingKind
{
    None,
    NotReady,
    Logout,
}

/// <summary>A pending request, applied when the call and its wrap-up end.</summary>
public readonly record struct PendingState(PendingKind Kind, string? Reason = null)
{
    public static readonly PendingState None = new(PendingKind.None);
    public bool IsSet => Kind != PendingKind.None;
}

/// <summary>
/// One state change, as stored in the history and published as an event. A change that only
/// records a pending request has <see cref="From"/> equal to <see cref="To"/> and <see cref="Pending"/> set.
/// </summary>
public sealed record AgentStateChange(
    Guid TenantId,
    Guid AgentId,
    DateTimeOffset At,
    AgentStatus From,
    AgentStatus To,
    string? Reason,
    PendingState Pending,
    AgentTrigger Trigger,
    Guid? CallId)
{
    /// <summary>Someone else (a supervisor or admin) made the change, with their optional message to the agent; null: the agent or the system.</summary>
    public StateChangedBy? ChangedBy { get; init; }
}

/// <summary>
/// Who changed an agent's state on the agent's behalf (a supervisor or admin: <see cref="UserId"/>, <see cref="Name"/>) and
/// their optional <see cref="Message"/> to the agent ("changed by Sam: team meeting now").
/// </summary>
public sealed record StateChangedBy(Guid UserId, string Name, string? Message);
