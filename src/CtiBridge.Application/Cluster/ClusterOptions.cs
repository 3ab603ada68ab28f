namespace CtiBridge.Application.Cluster;

/// <summary>
/// Several CtiBridge nodes over one database (docs/architecture.md, "Several nodes"). Off unless <see cref="NodeId"/> is
/// set: a single node acts for every tenant, as always.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary><c>Cluster:NodeId</c>: this node's name, unique among the nodes; set it to run several nodes.</summary>
    public string? NodeId { get; set; }

    /// <summary><c>Cluster:Address</c>: where the other nodes reach this node's HTTP API (e.g. <c>http://10.0.0.5:8080</c>).</summary>
    public string? Address { get; set; }

    /// <summary><c>Cluster:LeaseSeconds</c>: how long a tenant's lease lasts without renewal (default 15).</summary>
    public double LeaseSeconds { get; set; } = 15;

    /// <summary><c>Cluster:RenewSeconds</c>: how often the holder renews and the others look for expired leases (default 5).</summary>
    public double RenewSeconds { get; set; } = 5;

    /// <summary>
    /// <c>Cluster:PreferredServers</c>: the Asterisk servers (names as in <c>Asterisk:Servers</c>, <c>default</c> for the
    /// server of <c>Asterisk:Ari</c>) this node takes first. The tenants of a server it does not prefer are taken only
    /// after they have been free for two renewal intervals and this node has run for a lease period, so a node preferring
    /// them that runs (or starts a few seconds later) gets them; when it is gone, any node does. Empty (default): every
    /// server is taken as soon as it is free.
    /// </summary>
    public List<string> PreferredServers { get; set; } = [];

    /// <summary>
    /// <c>Cluster:StallSeconds</c>: how long a lease loop (renewal or acquisition) may go without progress before the node
    /// reports itself stalled — <c>/health/live</c> and <c>/health/ready</c> 503, a critical log line — so that its
    /// orchestrator restarts it (default 60; at least <see cref="LeaseSeconds"/>).
    /// </summary>
    public double StallSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(NodeId);

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
    public TimeSpan Renew => TimeSpan.FromSeconds(RenewSeconds);
    public TimeSpan Stall => TimeSpan.FromSeconds(StallSeconds);
}
