using CtiBridge.Application.Events;
using CtiBridge.Domain.Supervision;

namespace CtiBridge.Application.Supervision.Monitoring;

/// <summary>
/// A monitoring session as the API shows it: who monitors whom on which call, the mode (in use, or to start in while the
/// supervisor's device rings), the periods per mode, and whether the monitored parties are told.
/// </summary>
/// <example>{ "sessionId": "9b2e4c1a-6d3f-4e8a-b7c5-2f1a0d9e8c73", "supervisorId": "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f", "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11", "callId": "7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6", "mode": "Whisper", "state": "Active", "requestedAt": "2026-12-07T09:15:02.120+00:00", "connectedAt": "2026-12-07T09:15:02.240+00:00", "endedAt": null, "endReason": null, "partiesTold": false, "periods": [ { "mode": "Monitor", "from": "2026-12-07T09:15:02.240+00:00", "to": "2026-12-07T09:15:40.010+00:00" }, { "mode": "Whisper", "from": "2026-12-07T09:15:40.010+00:00", "to": null } ] }</example>
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
/// <example>{ "tenantId": "e2f1a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7", "session": { "sessionId": "9b2e4c1a-6d3f-4e8a-b7c5-2f1a0d9e8c73", "supervisorId": "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f", "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11", "callId": "7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6", "mode": "Monitor", "state": "Active", "requestedAt": "2026-12-07T09:15:02.120+00:00", "connectedAt": "2026-12-07T09:15:02.240+00:00", "endedAt": null, "endReason": null, "partiesTold": false, "periods": [ { "mode": "Monitor", "from": "2026-12-07T09:15:02.240+00:00", "to": null } ] }, "agents": [ "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f" ], "name": "monitoringStarted" }</example>
public sealed record MonitoringStartedEvent(Guid TenantId, MonitoringView Session) : MonitoringEvent(TenantId, Session)
{
    public override string Name => "monitoringStarted";
}

/// <summary>The supervisor switched mode (the same device leg, no new call).</summary>
/// <example>{ "tenantId": "e2f1a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7", "session": { "sessionId": "9b2e4c1a-6d3f-4e8a-b7c5-2f1a0d9e8c73", "supervisorId": "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f", "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11", "callId": "7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6", "mode": "Whisper", "state": "Active", "requestedAt": "2026-12-07T09:15:02.120+00:00", "connectedAt": "2026-12-07T09:15:02.240+00:00", "endedAt": null, "endReason": null, "partiesTold": false, "periods": [ { "mode": "Monitor", "from": "2026-12-07T09:15:02.240+00:00", "to": "2026-12-07T09:15:40.010+00:00" }, { "mode": "Whisper", "from": "2026-12-07T09:15:40.010+00:00", "to": null } ] }, "agents": [ "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f" ], "previousMode": "Monitor", "name": "monitoringModeChanged" }</example>
public sealed record MonitoringModeChangedEvent(Guid TenantId, MonitoringView Session, MonitoringMode PreviousMode) : MonitoringEvent(TenantId, Session)
{
    public override string Name => "monitoringModeChanged";
}

/// <summary>The session ended (<see cref="MonitoringView.EndReason"/>).</summary>
/// <example>{ "tenantId": "e2f1a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7", "session": { "sessionId": "9b2e4c1a-6d3f-4e8a-b7c5-2f1a0d9e8c73", "supervisorId": "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f", "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11", "callId": "7a1d2e3f-4b5c-4d6e-8f90-a1b2c3d4e5f6", "mode": "Whisper", "state": "Ended", "requestedAt": "2026-12-07T09:15:02.120+00:00", "connectedAt": "2026-12-07T09:15:02.240+00:00", "endedAt": "2026-12-07T09:16:05.500+00:00", "endReason": "Stopped", "partiesTold": false, "periods": [ { "mode": "Monitor", "from": "2026-12-07T09:15:02.240+00:00", "to": "2026-12-07T09:15:40.010+00:00" }, { "mode": "Whisper", "from": "2026-12-07T09:15:40.010+00:00", "to": "2026-12-07T09:16:05.500+00:00" } ] }, "agents": [ "3c8d1f0e-2a4b-4c6d-8e9f-0a1b2c3d4e5f" ], "name": "monitoringEnded" }</example>
public sealed record MonitoringEndedEvent(Guid TenantId, MonitoringView Session) : MonitoringEvent(TenantId, Session)
{
    public override string Name => "monitoringEnded";
}
