using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using AgentStateChange = CtiBridge.Data.Entities.AgentStateChange;

namespace CtiBridge.Application.Reports;

/// <summary>
/// A customer call as a skill-group report counts it: one per call record of the group, and one per call that waited in
/// the group and moved on to another (<paramref name="MovedOn"/>: an overflow; not answered here, its wait the time here).
/// </summary>
public sealed record GroupCallFact(Guid CallId, DateTimeOffset OfferedAt, CallOutcome Outcome, int WaitSeconds, int TalkSeconds, int HoldSeconds,
    int RonaCount, bool MovedOn = false);

/// <summary>
/// One offer of a call to an agent (an agent leg): answered or not (RONA: it rang out or she declined; abandoned: the
/// caller hung up while it rang), and for how long the agent talked.
/// </summary>
public sealed record AgentOfferFact(Guid AgentId, Guid CallId, DateTimeOffset At, bool Answered, bool Rona, int TalkSeconds, int HoldSeconds,
    bool Abandoned = false);

/// <summary>
/// A queue call an agent answered, for her wait and service-level figures: how long the caller had waited before the
/// answer, and the service-level threshold of the skill group it was answered from (the record's group).
/// </summary>
public sealed record AnsweredQueueCallFact(Guid AgentId, Guid CallId, int WaitSeconds, int ServiceLevelSeconds);

/// <summary>An agent's time in one state (Ready, NotReady + reason, Ringing, OnCall, WrapUp, PendingNotReady), within the report's range.</summary>
public sealed record StateInterval(Guid AgentId, AgentStatus Status, string? Reason, DateTimeOffset From, DateTimeOffset To)
{
    public double Seconds => (To - From).TotalSeconds;
}

/// <summary>Figures of a skill group (or of every call) over a range; docs/reports.md defines each.</summary>
public sealed record GroupFigures(int Offered, int Answered, int Abandoned, int NotAnswered, int Rona, int AnsweredWithinServiceLevel,
    double? ServiceLevelPercent, double? AverageWaitSeconds, int LongestWaitSeconds, double? AverageTalkSeconds, double? AverageHoldSeconds,
    int MovedOn, double? AverageWrapUpSeconds);

/// <summary>Time spent in a Not Ready reason.</summary>
public sealed record PauseTime(string Reason, double Seconds);

/// <summary>Figures of one agent (or a team's agents together) over a range; docs/reports.md defines each.</summary>
/// <param name="ServiceLevelPercent">Of the queue calls the agent (the team's agents) answered, offered in the range: the share answered within the service-level threshold of the skill group each was answered from, in percent; null when none. An answered service level: abandoned calls do not count (unlike the skill group's).</param>
/// <param name="AverageWaitSeconds">Of those answered queue calls: the callers' average wait before the answer; null when none.</param>
/// <param name="LongestWaitSeconds">Of those answered queue calls: the longest wait before the answer; null when none.</param>
public sealed record AgentFigures(int Offered, int Answered, int NotAnswered, int Abandoned, double? AnsweredPercent,
    double? ServiceLevelPercent, double? AverageWaitSeconds, int? LongestWaitSeconds, double? AverageTalkSeconds,
    double? AverageHoldSeconds, int WrapUps, double? AverageWrapUpSeconds, double? OccupancyPercent, double LoginSeconds, double ReadySeconds,
    double BusySeconds, IReadOnlyList<PauseTime> PauseByReason);

/// <summary>
/// The one place where report figures are computed, as pure functions of facts read from the database (or, later, of the
/// live call center's): the supervisor desk's live figures call the same functions. Definitions: docs/reports.md.
/// </summary>
public static class ReportFormulas
{
    /// <summary>States that count as working a call for occupancy: ringing, talking (incl. hold), wrap-up.</summary>
    public static bool IsBusy(AgentStatus s) => s is AgentStatus.Ringing or AgentStatus.OnCall or AgentStatus.WrapUp;

    /// <param name="calls">The group's calls.</param>
    /// <param name="serviceLevelSeconds">The group's threshold.</param>
    /// <param name="wrapUpSeconds">The wrap-up periods after the group's calls (each agent's, each period), in seconds.</param>
    public static GroupFigures ForGroup(IReadOnlyCollection<GroupCallFact> calls, int serviceLevelSeconds, IReadOnlyCollection<double>? wrapUpSeconds = null)
    {
        var answered = calls.Where(c => c.Outcome == CallOutcome.Answered).ToList();
        var abandoned = calls.Count(c => c.Outcome == CallOutcome.Abandoned);
        var abandonedWithin = calls.Count(c => c.Outcome == CallOutcome.Abandoned && c.WaitSeconds <= serviceLevelSeconds);
        var within = answered.Count(c => c.WaitSeconds <= serviceLevelSeconds);
        // Callers who hung up within the threshold never had a chance of service: they count neither way.
        var slBase = calls.Count - abandonedWithin;
        var waited = calls.Where(c => c.Outcome is CallOutcome.Answered or CallOutcome.Abandoned).ToList();
        return new GroupFigures(
            Offered: calls.Count,
            Answered: answered.Count,
            Abandoned: abandoned,
            NotAnswered: calls.Count - answered.Count - abandoned,
            Rona: calls.Sum(c => c.RonaCount),
            AnsweredWithinServiceLevel: within,
            ServiceLevelPercent: slBase == 0 ? null : Percent(within, slBase),
            AverageWaitSeconds: Average(waited.Select(c => (double)c.WaitSeconds)),
            LongestWaitSeconds: calls.Count == 0 ? 0 : calls.Max(c => c.WaitSeconds),
            AverageTalkSeconds: Average(answered.Select(c => (double)c.TalkSeconds)),
            AverageHoldSeconds: Average(answered.Select(c => (double)c.HoldSeconds)),
            MovedOn: calls.Count(c => c.MovedOn),
            AverageWrapUpSeconds: Average(wrapUpSeconds ?? []));
    }

    /// <param name="offers">The agents' offers.</param>
    /// <param name="intervals">The agents' states.</param>
    /// <param name="answeredQueueCalls">The queue calls the agents answered, for wait and service level.</param>
    public static AgentFigures ForAgents(IReadOnlyCollection<AgentOfferFact> offers, IReadOnlyCollection<StateInterval> intervals,
        IReadOnlyCollection<AnsweredQueueCallFact> answeredQueueCalls)
    {
        var answered = offers.Where(o => o.Answered).ToList();
        var notAnswered = offers.Count(o => o.Rona);
        var wrapUps = intervals.Where(i => i.Status == AgentStatus.WrapUp).ToList();
        var login = intervals.Where(i => i.Status != AgentStatus.LoggedOut).Sum(i => i.Seconds);
        var ready = intervals.Where(i => i.Status == AgentStatus.Ready).Sum(i => i.Seconds);
        var busy = intervals.Where(i => IsBusy(i.Status)).Sum(i => i.Seconds);
        var pauses = intervals.Where(i => i.Status is AgentStatus.NotReady)
            .GroupBy(i => string.IsNullOrEmpty(i.Reason) ? "(none)" : i.Reason!, StringComparer.OrdinalIgnoreCase)
            .Select(g => new PauseTime(g.Key, g.Sum(i => i.Seconds))).OrderByDescending(p => p.Seconds).ThenBy(p => p.Reason, StringComparer.Ordinal).ToList();
        return new AgentFigures(
            Offered: offers.Count,
            Answered: answered.Count,
            NotAnswered: notAnswered,
            Abandoned: offers.Count(o => o.Abandoned),
            AnsweredPercent: answered.Count + notAnswered == 0 ? null : Percent(answered.Count, answered.Count + notAnswered),
            // Each call against its own group's threshold: an agent serving two groups is held to each group's promise.
            ServiceLevelPercent: answeredQueueCalls.Count == 0 ? null
                : Percent(answeredQueueCalls.Count(c => c.WaitSeconds <= c.ServiceLevelSeconds), answeredQueueCalls.Count),
            AverageWaitSeconds: Average(answeredQueueCalls.Select(c => (double)c.WaitSeconds)),
            LongestWaitSeconds: answeredQueueCalls.Count == 0 ? null : answeredQueueCalls.Max(c => c.WaitSeconds),
            AverageTalkSeconds: Average(answered.Select(o => (double)o.TalkSeconds)),
            AverageHoldSeconds: Average(answered.Select(o => (double)o.HoldSeconds)),
            WrapUps: wrapUps.Count,
            AverageWrapUpSeconds: Average(wrapUps.Select(w => w.Seconds)),
            OccupancyPercent: busy + ready == 0 ? null : Percent(busy, busy + ready),
            LoginSeconds: login,
            ReadySeconds: ready,
            BusySeconds: busy,
            PauseByReason: pauses);
    }

    /// <summary>
    /// An agent's states as intervals clipped to [<paramref name="from"/>, <paramref name="to"/>): the state at
    /// <paramref name="from"/> (<paramref name="before"/>: the last change before it, or none: logged out) lasts until the
    /// first change, each change's state until the next. Logged-out time is left out.
    /// </summary>
    public static IReadOnlyList<StateInterval> Intervals(Guid agentId, AgentStateChange? before, IEnumerable<AgentStateChange> changes,
        DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<StateInterval>();
        var status = before?.To ?? AgentStatus.LoggedOut;
        var reason = before?.Reason;
        var since = from;
        foreach (var c in changes.Where(c => c.At >= from && c.At < to).OrderBy(c => c.At).ThenBy(c => c.Id))
        {
            Add(result, agentId, status, reason, since, c.At);
            status = c.To;
            reason = c.To == AgentStatus.NotReady ? c.Reason : null;
            since = c.At;
        }
        Add(result, agentId, status, reason, since, to);
        return result;
    }

    private static void Add(List<StateInterval> list, Guid agent, AgentStatus status, string? reason, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from || status == AgentStatus.LoggedOut) return;
        list.Add(new StateInterval(agent, status, status == AgentStatus.NotReady ? reason : null, from, to));
    }

    private static double Percent(double part, double whole) => Math.Round(100.0 * part / whole, 1);

    private static double? Average(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 1);
    }
}
