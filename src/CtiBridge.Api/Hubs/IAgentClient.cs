using CtiBridge.Api.Events;

namespace CtiBridge.Api.Hubs;

/// <summary>
/// The server→client methods of <c>/hubs/agent</c>, one per event. On the wire each is named after the
/// event in camelCase (<c>agentStateChanged</c> …; SignalR clients match method names case-insensitively)
/// and carries one <see cref="EventEnvelope"/> <c>{ epoch, seq, name, at, data }</c> of the user's resumable stream —
/// except <see cref="SkillGroupStatsChanged"/>, a <see cref="SkillGroupMessage"/> to the group's subscribers.
/// </summary>
public interface IAgentClient
{
    /// <summary>An agent's state changed (data: <c>{ agent: AgentView, trigger }</c>, with the pending state in the view).</summary>
    Task AgentStateChanged(EventEnvelope e);
    /// <summary>A call is offered to the agent (data: <c>{ agentId, call: CallView, countdownSeconds }</c>; attached data in the call).</summary>
    Task CallOffered(EventEnvelope e);
    /// <summary>A call changed (data: <c>{ call: CallView, audience, change }</c>: answered, held, resumed, muted, recording_started …).</summary>
    Task CallStateChanged(EventEnvelope e);
    /// <summary>A party joined or left (data: <c>{ call, audience, party: PartyView, joined }</c>).</summary>
    Task ParticipantsChanged(EventEnvelope e);
    /// <summary>A call ended (data: <c>{ call, audience, reason }</c>).</summary>
    Task CallEnded(EventEnvelope e);
    /// <summary>A skill group's figures changed: <c>{ name, at, data: { stats: SkillGroupStats } }</c>, no epoch or seq, at most
    /// every 250 ms per group, to the group's subscribers (<see cref="SkillGroupSubscriptions"/>).</summary>
    Task SkillGroupStatsChanged(SkillGroupMessage e);
    /// <summary>A phone registered, unregistered, became busy or free (data: <c>{ endpoint, registered, inUse, agentId }</c>).</summary>
    Task PhoneRegistrationChanged(EventEnvelope e);
    /// <summary>The PBX connection went up or down (data: <c>{ connected, description }</c>).</summary>
    Task PbxConnectionChanged(EventEnvelope e);
    /// <summary>Supervision: the supervisor's device answered and hears the call (data: <c>{ session: MonitoringView }</c>);
    /// to the supervisor, and to the agent when the tenant tells monitored parties.</summary>
    Task MonitoringStarted(EventEnvelope e);
    /// <summary>Supervision: the session changed mode (data: <c>{ session: MonitoringView, previousMode }</c>).</summary>
    Task MonitoringModeChanged(EventEnvelope e);
    /// <summary>Supervision: the session ended (data: <c>{ session: MonitoringView }</c> with <c>endReason</c>).</summary>
    Task MonitoringEnded(EventEnvelope e);
}
