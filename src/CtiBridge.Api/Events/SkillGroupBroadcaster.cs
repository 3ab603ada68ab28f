using CtiBridge.Api.Hubs;
using CtiBridge.Application.Events;
using Microsoft.AspNetCore.SignalR;

namespace CtiBridge.Api.Events;

/// <summary>
/// Sends skill-group statistics to each group's subscribers beside the event dispatcher, not in its queue. A group send
/// writes to every subscriber's connection (1,000 and more), which takes milliseconds; in the dispatcher's queue it
/// held back the per-user events behind it (state changes, offers), whose order matters and whose latency is what an
/// agent feels. Statistics need no order with them: each message carries the group's full current figures.
/// One send per group at a time; a message that arrives while its group's previous one is still being written replaces
/// any message already waiting for that group (the newest figures win, nothing piles up behind a slow send).
/// </summary>
public sealed class SkillGroupBroadcaster(IHubContext<AgentHub> hub, ILogger<SkillGroupBroadcaster> log)
{
    private sealed class GroupSlot
    {
        public bool Sending;
        public Pending? Next;
    }

    private sealed record Pending(SkillGroupStatsChangedEvent Event, SkillGroupMessage Message, Action<TimeSpan>? Sent, long PublishedAt);

    private readonly Dictionary<string, GroupSlot> _slots = new();

    /// <summary>Sends are running or waiting (tests and a clean stop wait for zero).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);
    private int _inFlight;

    /// <summary>
    /// Sends <paramref name="message"/> to the group's subscribers in the background. <paramref name="sent"/> is called
    /// with the time since <paramref name="publishedAt"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) when the
    /// message has been written to every connection, and not at all for a message replaced by a newer one.
    /// </summary>
    public void Post(SkillGroupStatsChangedEvent e, SkillGroupMessage message, long publishedAt, Action<TimeSpan>? sent = null)
    {
        var group = SkillGroupSubscriptions.GroupName(e.TenantId, e.Stats.SkillGroupId);
        var pending = new Pending(e, message, sent, publishedAt);
        lock (_slots)
        {
            if (!_slots.TryGetValue(group, out var slot)) _slots[group] = slot = new GroupSlot();
            if (slot.Sending)
            {
                if (slot.Next is null) Interlocked.Increment(ref _inFlight);
                slot.Next = pending;
                return;
            }
            slot.Sending = true;
        }
        Interlocked.Increment(ref _inFlight);
        _ = Task.Run(() => SendLoopAsync(group, pending));
    }

    private async Task SendLoopAsync(string group, Pending first)
    {
        var current = first;
        while (true)
        {
            try
            {
                await hub.Clients.Group(group).SendAsync(current.Event.Name, current.Message).ConfigureAwait(false);
                current.Sent?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(current.PublishedAt));
            }
            catch (Exception ex) { log.LogWarning(ex, "Sending the statistics of {Group} failed", group); }
            Interlocked.Decrement(ref _inFlight);
            lock (_slots)
            {
                var slot = _slots[group];
                if (slot.Next is null)
                {
                    // An idle group keeps no slot: groups come and go with tenants and their configuration.
                    _slots.Remove(group);
                    return;
                }
                current = slot.Next;
                slot.Next = null;
            }
        }
    }
}
