using CtiBridge.Application.Events;
using CtiBridge.Domain.Supervision;

namespace CtiBridge.Application.Supervision.Monitoring;

/// <summary>
/// A monitoring session as the API shows it: who monitors whom on which call, the mode (in use, or to start in while the
/// supervisor's device rings), the periods per mode, and whether the monitored parties are told.
/// </summary>
public sealed record MonitoringView(
    Guid SessionId,
    Guid SupervisorId,
    Guid AgentId,
    Guid CallId,
    MonitoringMode Mode,
    MonitoringState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? EndedAt,
    MonitoringEndReason? EndReason,
    bool PartiesTold,
    IReadOnlyList<MonitoringPeriod> Periods)
{
    internal static MonitoringView Of(MonitoringSession s, bool told) => new(s.Id, s.SupervisorId, s.AgentId, s.CallId, s.Mode, s.State,
        s.RequestedAt, s.ConnectedAt, s.EndedAt, s.EndReason, told, s.Periods.ToList());
}

/// <summary>
/// A monitoring event: to the supervisor, and to the monitored agent only when the tenant tells monitored parties
/// (<see cref="MonitoringView.PartiesTold"/>). Never to anyone else, not even the agent's other supervisors.
/// </summary>
public abstract record MonitoringEvent(Guid TenantId, MonitoringView Session) : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => Session.PartiesTold ? [Session.SupervisorId, Session.AgentId] : [Session.SupervisorId];
}

/// <summary>The supervisor's device answered: the supervisor hears the call in <see cref="MonitoringView.Mode"/>.</summary>
public sealed record MonitoringStartedEvent(Guid TenantId, MonitoringView Session) : MonitoringEvent(TenantId, Session)
{
    public override string Name => "monitoringStarted";
}

/// <summary>The supervisor switched mode (the same device leg, no new call).</summary>
public sealed record MonitoringModeChangedEvent(Guid TenantId, MonitoringView Session, MonitoringMode PreviousMode) : MonitoringEvent(TenantId, Session)
{
    public override string Name => "monitoringModeChanged";
}

/// <summary>The session ended (<see cref="MonitoringView.EndReason"/>).</summary>
public sealed record MonitoringEndedEvent(Guid TenantId, MonitoringView Session) : MonitoringEvent(TenantId, Session)
{
    public override string Name => "monitoringEnded";
}
