using System.Text.Json.Serialization;
using CtiBridge.Application.Events;

namespace CtiBridge.Application.Callbacks;

/// <summary>Why a callback was escalated.</summary>
public enum CallbackEscalationReason
{
    /// <summary>Its agent was not logged in when it fell due.</summary>
    AgentOffline,
    /// <summary>Nobody acted on the reminder within the tenant's time (<c>callbackReminderTimeoutSeconds</c>).</summary>
    NoAction,
    /// <summary>It is for a skill group none of whose agents was logged in.</summary>
    NobodyInGroup,
}

/// <summary>
/// A callback event: only to the users it names (never to the agents' supervisors as watchers: they get
/// <see cref="CallbackEscalatedEvent"/> when it concerns them).
/// </summary>
public abstract record CallbackEvent(Guid TenantId, CallbackView Callback, [property: JsonIgnore] IReadOnlyList<Guid> Recipients)
    : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => Recipients;
}

/// <summary>
/// A callback is due: the toolbar shows a reminder with one click to dial. To its agent, or (for a skill group's callback,
/// or one offered to the group on escalation, <see cref="OfferedToGroup"/>) to the group's logged-in agents.
/// </summary>
public sealed record CallbackDueEvent(Guid TenantId, CallbackView Callback, IReadOnlyList<Guid> Recipients, bool OfferedToGroup)
    : CallbackEvent(TenantId, Callback, Recipients)
{
    public override string Name => "callbackDue";
}

/// <summary>A due callback was not taken in time (or its agent is offline): to the supervisors of its team, who may reassign it.</summary>
public sealed record CallbackEscalatedEvent(Guid TenantId, CallbackView Callback, IReadOnlyList<Guid> Recipients, CallbackEscalationReason Reason)
    : CallbackEvent(TenantId, Callback, Recipients)
{
    public override string Name => "callbackEscalated";
}

/// <summary>A callback changed (scheduled, snoozed, rescheduled, dialled, completed, cancelled, reassigned): to whoever has it, so a reminder for it goes away.</summary>
public sealed record CallbackUpdatedEvent(Guid TenantId, CallbackView Callback, IReadOnlyList<Guid> Recipients)
    : CallbackEvent(TenantId, Callback, Recipients)
{
    public override string Name => "callbackUpdated";
}
