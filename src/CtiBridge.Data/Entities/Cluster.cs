namespace CtiBridge.Data.Entities;

/// <summary>
/// Which CtiBridge node owns a tenant's live call center (docs/architecture.md, "Several nodes"): one row per tenant,
/// written only when several nodes run (<c>Cluster:NodeId</c>). <see cref="Epoch"/> rises at every acquisition; the
/// holder renews <see cref="ExpiresAtMs"/>; another node may take the row once it has expired.
/// </summary>
public class TenantLease : ITenantOwned
{
    public Guid TenantId { get; set; }
    /// <summary>The holder's <c>Cluster:NodeId</c>; empty before anyone acquired it.</summary>
    public string NodeId { get; set; } = "";
    /// <summary>Where the holder serves its REST API (<c>Cluster:Address</c>), for the other nodes to forward to.</summary>
    public string? NodeAddress { get; set; }
    /// <summary>Fencing token: +1 at every acquisition, never reused.</summary>
    public long Epoch { get; set; }
    /// <summary>When the lease expires, Unix milliseconds of the holder's clock (an integer: every provider compares it alike).</summary>
    public long ExpiresAtMs { get; set; }
    public DateTimeOffset AcquiredAt { get; set; }
}
