using System.Diagnostics.Metrics;
using CtiBridge.Application.CallCenter;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Application.Observability;

/// <summary>
/// The call center's live figures as observable gauges of the meter <see cref="MeterName"/>: calls by state, agents by
/// state (overall and per skill group), waiting calls and the longest wait per skill group. They are read from the
/// tenants' live state when a reader (the Prometheus scrape, the OTLP exporter's interval) collects them, so the routing
/// path pays nothing. Labels: <c>tenant</c> (domain), <c>state</c>, <c>skill_group</c> (name).
/// </summary>
public sealed class CallCenterMetrics : IDisposable
{
    public const string MeterName = "CtiBridge.CallCenter";

    private readonly Meter _meter;

    public CallCenterMetrics(IMeterFactory meters, CallCenterService service)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("ctibridge.calls", () => Measure(service, CallsByState), "{call}",
            "Live calls by state (Waiting, Ringing, Connected).");
        _meter.CreateObservableGauge("ctibridge.agents", () => Measure(service, AgentsByState), "{agent}",
            "Agents by state; each agent counted once.");
        _meter.CreateObservableGauge("ctibridge.skill_group.agents", () => Measure(service, GroupAgentsByState), "{agent}",
            "Member agents of each skill group by state; an agent in two groups counts in both.");
        _meter.CreateObservableGauge("ctibridge.skill_group.waiting_calls", () => Measure(service, WaitingCalls), "{call}",
            "Callers waiting in each skill group.");
        _meter.CreateObservableGauge("ctibridge.skill_group.longest_wait", () => Measure(service, LongestWait), "s",
            "How long the longest-waiting caller of each skill group has waited.");
    }

    private static readonly CallState[] LiveCallStates = [CallState.Waiting, CallState.Ringing, CallState.Connected];

    private static IEnumerable<Measurement<T>> Measure<T>(CallCenterService service, Func<CallCenterSnapshot, IEnumerable<Measurement<T>>> read)
        where T : struct
    {
        var all = new List<Measurement<T>>();
        foreach (var tenant in service.Tenants) all.AddRange(read(tenant.MetricsSnapshot()));
        return all;
    }

    private static IEnumerable<Measurement<int>> CallsByState(CallCenterSnapshot s) =>
        LiveCallStates.Select(state => new Measurement<int>(s.CallsByState.GetValueOrDefault(state),
            new("tenant", s.Domain), new("state", state.ToString())));

    private static IEnumerable<Measurement<int>> AgentsByState(CallCenterSnapshot s) =>
        s.AgentsByState.Select(kv => new Measurement<int>(kv.Value, new("tenant", s.Domain), new("state", kv.Key.ToString())));

    private static IEnumerable<Measurement<int>> GroupAgentsByState(CallCenterSnapshot s) =>
        s.Groups.SelectMany(g => g.AgentsByState.Select(kv => new Measurement<int>(kv.Value,
            new("tenant", s.Domain), new("skill_group", g.Name), new("state", kv.Key.ToString()))));

    private static IEnumerable<Measurement<int>> WaitingCalls(CallCenterSnapshot s) =>
        s.Groups.Select(g => new Measurement<int>(g.WaitingCalls, new("tenant", s.Domain), new("skill_group", g.Name)));

    private static IEnumerable<Measurement<double>> LongestWait(CallCenterSnapshot s) =>
        s.Groups.Select(g => new Measurement<double>(g.LongestWaitSeconds, new("tenant", s.Domain), new("skill_group", g.Name)));

    /// <summary>Every agent state with a zero count, so a state nobody is in still reports 0 (series do not vanish).</summary>
    internal static Dictionary<AgentStatus, int> EmptyAgentCounts() => Enum.GetValues<AgentStatus>().ToDictionary(s => s, _ => 0);

    public void Dispose() => _meter.Dispose();
}
