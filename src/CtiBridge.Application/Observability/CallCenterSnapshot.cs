using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Application.Observability;

/// <summary>One tenant's live figures at one instant, read under the tenant's lock for the call-center metrics.</summary>
/// <param name="Domain">The tenant's domain (the metrics' <c>tenant</c> label).</param>
/// <param name="CallsByState">Live calls per state (every state present, zero included).</param>
/// <param name="AgentsByState">Agents per state (every state present, zero included); each agent counted once.</param>
/// <param name="Groups">Per skill group: its agents by state, waiting calls and the longest current wait.</param>
public sealed record CallCenterSnapshot(
    string Domain,
    IReadOnlyDictionary<CallState, int> CallsByState,
    IReadOnlyDictionary<AgentStatus, int> AgentsByState,
    IReadOnlyList<SkillGroupSnapshot> Groups);

/// <param name="Name">The group's name (the metrics' <c>skill_group</c> label).</param>
/// <param name="AgentsByState">Member agents per state (every state present); an agent in two groups counts in both.</param>
/// <param name="WaitingCalls">Callers waiting in the group now.</param>
/// <param name="LongestWaitSeconds">How long the longest-waiting caller has waited (0 when nobody waits).</param>
public sealed record SkillGroupSnapshot(string Name, IReadOnlyDictionary<AgentStatus, int> AgentsByState, int WaitingCalls, double LongestWaitSeconds);
