using System.Collections.Concurrent;

namespace CtiBridge.Application.Cluster;

/// <summary>Whether this node may act for a tenant now: the fence every PBX command and journal write of the tenant passes.</summary>
public interface ITenantFence
{
    /// <summary>This node's name.</summary>
    string NodeId { get; }

    /// <summary>The epoch of the lease this node holds for the tenant and may still act on, else null.</summary>
    long? ActingEpoch(Guid tenantId);
}

/// <summary>
/// The leases this node holds, as it last renewed them. A lease is acted on only until its local deadline: the moment
/// its last successful renewal was <i>sent</i> plus the lease time minus a margin, on this node's monotonic clock. So a
/// node whose renewals stop getting through (database unreachable, process paused) stops acting before any other node
/// may take the lease (which needs the expiry written in the row to pass on its own clock), without waiting for its own
/// renewal loop to notice.
/// </summary>
public sealed class TenantOwnership(string nodeId, TimeSpan margin, TimeProvider time) : ITenantFence
{
    private sealed record HeldLease(long Epoch, long DeadlineTimestamp);

    private readonly ConcurrentDictionary<Guid, HeldLease> _held = new();
    private readonly ConcurrentDictionary<Guid, bool> _serving = new();

    public string NodeId { get; } = nodeId;

    public long? ActingEpoch(Guid tenantId) =>
        _held.TryGetValue(tenantId, out var h) && time.GetTimestamp() < h.DeadlineTimestamp ? h.Epoch : null;

    /// <summary>The tenants this node holds (some may be past their deadline, not dropped yet).</summary>
    public IReadOnlyDictionary<Guid, long> Held => _held.ToDictionary(kv => kv.Key, kv => kv.Value.Epoch);

    /// <summary>Records a lease acquired or renewed by a request sent at <paramref name="sentTimestamp"/> (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public void Hold(Guid tenantId, long epoch, long sentTimestamp, TimeSpan lease)
    {
        var ticks = (long)((lease - margin).TotalSeconds * time.TimestampFrequency);
        _held[tenantId] = new HeldLease(epoch, sentTimestamp + ticks);
    }

    /// <summary>Stops acting for the tenant at once.</summary>
    public void Drop(Guid tenantId)
    {
        _serving.TryRemove(tenantId, out _);
        _held.TryRemove(tenantId, out _);
    }

    /// <summary>The tenant's live call center is loaded here (after an acquisition): its requests may be served.</summary>
    public void MarkServing(Guid tenantId)
    {
        if (_held.ContainsKey(tenantId)) _serving[tenantId] = true;
    }

    /// <summary>This node acts for the tenant and has loaded it: serve its requests here.</summary>
    public bool Serves(Guid tenantId) => _serving.ContainsKey(tenantId) && ActingEpoch(tenantId) is not null;
}
