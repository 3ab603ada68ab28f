using CtiBridge.Domain.Errors;

namespace CtiBridge.Domain.Supervision;

/// <summary>How a supervisor takes part in an agent's call.</summary>
public enum MonitoringMode
{
    /// <summary>Silent monitor: the supervisor hears the agent and whoever the agent hears; nobody hears the supervisor.</summary>
    Monitor,
    /// <summary>Whisper (coach): as <see cref="Monitor"/>, and the agent, only the agent, hears the supervisor.</summary>
    Whisper,
    /// <summary>Barge: a three-way call; the agent and the customer hear the supervisor.</summary>
    Barge,
    /// <summary>Take over: the supervisor keeps the customer; the agent's leg leaves and the agent goes to wrap-up.</summary>
    TakeOver,
}

/// <summary>The modes a supervisor may use for an agent (a team permission).</summary>
[Flags]
public enum MonitoringModes
{
    None = 0,
    Monitor = 1,
    Whisper = 2,
    Barge = 4,
    TakeOver = 8,
    /// <summary>Listen, coach and barge: the default of a team.</summary>
    Default = Monitor | Whisper | Barge,
    All = Monitor | Whisper | Barge | TakeOver,
}

public static class MonitoringModeExtensions
{
    public static MonitoringModes AsFlag(this MonitoringMode mode) => mode switch
    {
        MonitoringMode.Monitor => MonitoringModes.Monitor,
        MonitoringMode.Whisper => MonitoringModes.Whisper,
        MonitoringMode.Barge => MonitoringModes.Barge,
        MonitoringMode.TakeOver => MonitoringModes.TakeOver,
        _ => MonitoringModes.None,
    };

    public static bool Allows(this MonitoringModes allowed, MonitoringMode mode) => (allowed & mode.AsFlag()) != 0;

    /// <summary>The modes of a set, in order (for JSON and documents).</summary>
    public static IReadOnlyList<MonitoringMode> List(this MonitoringModes modes) =>
        Enum.GetValues<MonitoringMode>().Where(m => modes.Allows(m)).ToList();

    public static MonitoringModes ToFlags(this IEnumerable<MonitoringMode> modes) =>
        modes.Aggregate(MonitoringModes.None, (acc, m) => acc | m.AsFlag());
}

/// <summary>Where a monitoring session is.</summary>
public enum MonitoringState
{
    /// <summary>The supervisor's device is ringing (auto-answered when it honours the header).</summary>
    Connecting,
    /// <summary>The supervisor hears the call in the current mode.</summary>
    Active,
    Ended,
}

/// <summary>Why a monitoring session ended.</summary>
public enum MonitoringEndReason
{
    /// <summary>The supervisor stopped it.</summary>
    Stopped,
    /// <summary>The supervisor hung up their device.</summary>
    SupervisorHungUp,
    /// <summary>The supervisor's device did not answer, or could not be reached.</summary>
    SupervisorUnreachable,
    /// <summary>The agent's part of the call ended: the call ended, or the agent transferred it or hung up.</summary>
    CallEnded,
    /// <summary>After a take over: the customer hung up.</summary>
    CustomerHungUp,
    /// <summary>The PBX failed to carry out a step.</summary>
    Failed,
}

/// <summary>One stretch of a session in one mode.</summary>
public sealed record MonitoringPeriod(MonitoringMode Mode, DateTimeOffset From, DateTimeOffset? To);

/// <summary>
/// A supervisor monitoring one agent's call: the modes used with their times (what the audit log keeps), and the rules of
/// switching. Pure: the caller supplies the clock.
/// </summary>
public sealed class MonitoringSession(Guid id, Guid tenantId, Guid supervisorId, Guid agentId, Guid callId, MonitoringMode mode,
    DateTimeOffset requestedAt)
{
    private readonly List<MonitoringPeriod> _periods = new();

    public Guid Id { get; } = id;
    public Guid TenantId { get; } = tenantId;
    public Guid SupervisorId { get; } = supervisorId;
    public Guid AgentId { get; } = agentId;
    public Guid CallId { get; } = callId;
    public MonitoringState State { get; private set; } = MonitoringState.Connecting;
    /// <summary>The mode in use, or asked for while the supervisor's device rings.</summary>
    public MonitoringMode Mode { get; private set; } = mode;
    public DateTimeOffset RequestedAt { get; } = requestedAt;
    public DateTimeOffset? ConnectedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public MonitoringEndReason? EndReason { get; private set; }
    public IReadOnlyList<MonitoringPeriod> Periods => _periods;
    public bool TakenOver => Mode == MonitoringMode.TakeOver && State != MonitoringState.Connecting;

    /// <summary>The supervisor's device answered: the first period starts.</summary>
    public void Connected(DateTimeOffset now)
    {
        if (State != MonitoringState.Connecting) return;
        State = MonitoringState.Active;
        ConnectedAt = now;
        _periods.Add(new MonitoringPeriod(Mode, now, null));
    }

    /// <summary>
    /// Changes the mode. While the device rings only the mode to start in changes. Returns false when it is the mode in
    /// use already. A taken-over call stays the supervisor's: no mode follows a take over.
    /// </summary>
    public bool SwitchTo(MonitoringMode mode, DateTimeOffset now)
    {
        if (State == MonitoringState.Ended) throw new CtiException(ErrorCodes.NotMonitoring, "The monitoring session has ended.");
        if (TakenOver) throw new CtiException(ErrorCodes.TakeOverNotPossible, "The call was taken over: it is the supervisor's call now.");
        if (mode == Mode) return false;
        Mode = mode;
        if (State == MonitoringState.Active)
        {
            CloseCurrent(now);
            _periods.Add(new MonitoringPeriod(mode, now, null));
        }
        return true;
    }

    /// <summary>
    /// A take over asked for at the start did not happen (the call changed while the supervisor's device rang): the
    /// session runs as a silent monitor from its start, and its first period says so.
    /// </summary>
    public void TakeOverNotDone()
    {
        if (State != MonitoringState.Active || Mode != MonitoringMode.TakeOver) return;
        Mode = MonitoringMode.Monitor;
        if (_periods.Count > 0 && _periods[^1].To is null) _periods[^1] = _periods[^1] with { Mode = MonitoringMode.Monitor };
    }

    public bool End(DateTimeOffset now, MonitoringEndReason reason)
    {
        if (State == MonitoringState.Ended) return false;
        CloseCurrent(now);
        State = MonitoringState.Ended;
        EndedAt = now;
        EndReason = reason;
        return true;
    }

    private void CloseCurrent(DateTimeOffset now)
    {
        if (_periods.Count > 0 && _periods[^1].To is null) _periods[^1] = _periods[^1] with { To = now };
    }
}
