namespace CtiBridge.Api.Events;

/// <summary>
/// A skill group's statistics as its subscribers receive them: <c>{ name: "skillGroupStatsChanged", at, data: { stats } }</c>
/// with the group's full current figures. Not part of any user's resumable stream, so it has no <c>epoch</c> or
/// <c>seq</c>: it is sent once to the group's SignalR group (serialized once for all its subscribers), at most every
/// 250 ms per group, and a lost one is repaired by the next; a (re)connecting client reads the current figures in the
/// <c>skillGroups</c> of its <c>Resume</c> answer.
/// </summary>
/// <param name="Name">The event's name, also the SignalR method name.</param>
/// <param name="At">When the dispatcher sent it.</param>
/// <param name="Data">The event (<c>{ stats: SkillGroupStats }</c>).</param>
public sealed record SkillGroupMessage(string Name, DateTimeOffset At, object Data);
