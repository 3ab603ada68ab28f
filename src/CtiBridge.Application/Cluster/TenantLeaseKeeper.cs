using CtiBridge.Application.Persistence;
using CtiBridge.Data;
using CtiBridge.Data.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Cluster;

/// <summary>
/// Acquires and renews this node's tenant leases (docs/architecture.md, "Several nodes"). Each round (every
/// <see cref="ClusterOptions.RenewSeconds"/>) it first renews what it holds — a renewal the database refuses (another
/// node took the lease) or a lease past its local deadline is lost: <see cref="Lost"/> — then takes the leases of
/// tenants nobody holds, in tenant-id order, and hands each to <see cref="Acquired"/> (which loads the tenant's live call
/// center, taking its calls back from the PBX).
/// <para>
/// One Asterisk server takes one ARI connection per application, so the tenants placed on one server are owned by one
/// node: a node takes no lease of a tenant on a server while another node holds a live lease of any tenant on that
/// server, and takes a server's tenants together (an acquisition that loses a race stops that server's part of the
/// round). Tenants on different servers go to whichever nodes take them first, so two servers' tenants can run on two
/// nodes; <see cref="ClusterOptions.PreferredServers"/> says which servers a node takes first. A tenant placed on a server
/// this node does not know (<paramref name="servers"/>) is left to the others.
/// </para>
/// </summary>
public sealed class TenantLeaseKeeper(ClusterOptions options, TenantOwnership ownership, IServiceScopeFactory scopes, TimeProvider time,
    ILogger<TenantLeaseKeeper> log, Pbx.PbxServers? servers = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> _serverOfHeld = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _freeSince = new(StringComparer.OrdinalIgnoreCase);
    private readonly LeaseRounds _renewals = new("renewal", time);
    /// <summary>When this node first looked for a server to take (a timestamp; 0 before).</summary>
    private long _firstRound;
    private readonly LeaseRounds _acquisitions = new("acquisition", time);

    /// <summary>Called once per lease acquired, after the round's acquisitions (load the tenant, take its calls back).</summary>
    public Func<Guid, long, CancellationToken, Task>? Acquired { get; set; }

    /// <summary>Called when a lease this node acted on is lost (refused or past its deadline); the fence is already closed.</summary>
    public Action<Guid>? Lost { get; set; }

    /// <summary>
    /// Called after every round in which this node holds at least one lease, once per server its tenants are placed on
    /// (opens that server's PBX connection).
    /// </summary>
    public Action<string>? Holding { get; set; }

    public ITenantFence Ownership => ownership;

    /// <summary>One round: renew, then acquire. Returns the tenants acquired in it.</summary>
    public async Task<IReadOnlyList<Guid>> RunOnceAsync(CancellationToken ct = default)
    {
        await RenewAsync(ct);
        return await AcquireAsync(ct);
    }

    /// <summary>Renews every lease held; a lease past its deadline or refused by the database is lost.</summary>
    public async Task RenewAsync(CancellationToken ct = default)
    {
        using var round = _renewals.Begin();
        if (ownership.Held.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var store = new TenantLeaseStore(scope.ServiceProvider.GetRequiredService<CtiDbContext>());
        var leaseMs = (long)options.Lease.TotalMilliseconds;
        foreach (var (tenantId, epoch) in ownership.Held)
        {
            // Past its local deadline the node has already stopped acting: the lease is lost, never renewed back to life
            // (another node may have started acting on it by now).
            if (ownership.ActingEpoch(tenantId) is null) { LoseLease(tenantId, epoch, "its deadline passed without a renewal"); continue; }
            var sent = time.GetTimestamp();
            bool renewed;
            try { renewed = await store.TryRenewAsync(tenantId, epoch, options.NodeId!, time.GetUtcNow().ToUnixTimeMilliseconds(), leaseMs, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Renewing the lease of tenant {Tenant} failed; acting on it until its deadline", tenantId);
                continue;
            }
            if (renewed) ownership.Hold(tenantId, epoch, sent, options.Lease);
            else LoseLease(tenantId, epoch, "another node holds it now, or it expired");
        }
    }

    /// <summary>Takes the leases nobody holds (see the class summary) and loads each tenant acquired.</summary>
    public async Task<IReadOnlyList<Guid>> AcquireAsync(CancellationToken ct = default)
    {
        using var round = _acquisitions.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
        var store = new TenantLeaseStore(db);
        var leaseMs = (long)options.Lease.TotalMilliseconds;
        var acquired = new List<(Guid Tenant, long Epoch)>();
        var placements = await new TenantConfigurationLoader(db).EnabledTenantPlacementsAsync(ct);
        var tenants = placements.Select(p => p.Id).ToList();
        await store.EnsureRowsAsync(tenants, ct);
        var rows = (await store.ReadAllAsync(ct)).ToDictionary(r => r.TenantId);
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var byServer = placements
            .Where(p => servers?.Has(p.AsteriskServer) ?? Pbx.PbxServers.IsDefault(p.AsteriskServer))
            .GroupBy(p => Pbx.PbxServers.NameOf(p.AsteriskServer), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var server in byServer)
        {
            // Another node acts for a tenant on this server: the server's ARI connection is its, and so are the others.
            if (server.Any(p => rows.TryGetValue(p.Id, out var r) && r.NodeId != options.NodeId && r.NodeId.Length > 0 && r.ExpiresAtMs > nowMs))
            {
                _freeSince.TryRemove(server.Key, out _);
                continue;
            }
            if (options.PreferredServers is { Count: > 0 } preferred && !preferred.Contains(server.Key, StringComparer.OrdinalIgnoreCase)
                && !server.Any(p => ownership.Held.ContainsKey(p.Id)) && LeftForItsPreferredNode(server.Key))
                continue;
            foreach (var tenantId in server.Select(p => p.Id).Order())
            {
                if (ownership.Held.ContainsKey(tenantId) || !rows.TryGetValue(tenantId, out var row)) continue;
                var sent = time.GetTimestamp();
                var now = time.GetUtcNow();
                var epoch = await store.TryAcquireAsync(tenantId, row.Epoch, options.NodeId!, options.Address, now.ToUnixTimeMilliseconds(), leaseMs, now, ct);
                if (epoch is null) break; // another node was quicker: it acts for this server
                ownership.Hold(tenantId, epoch.Value, sent, options.Lease);
                _serverOfHeld[tenantId] = server.Key;
                acquired.Add((tenantId, epoch.Value));
                log.LogInformation("Node {Node} acquired the lease of tenant {Tenant} on Asterisk server '{Server}', epoch {Epoch} (previous holder '{Previous}')",
                    options.NodeId, tenantId, server.Key, epoch, row.NodeId);
            }
        }
        foreach (var (tenantId, epoch) in acquired)
        {
            if (Acquired is { } load) await load(tenantId, epoch, ct);
            ownership.MarkServing(tenantId); // requests wait (503) until the tenant and its agents' sessions are loaded
        }
        if (Holding is { } holding)
            foreach (var server in ownership.Held.Keys.Select(t => _serverOfHeld.GetValueOrDefault(t, Pbx.PbxServers.DefaultName)).Distinct(StringComparer.OrdinalIgnoreCase))
                holding(server);
        return acquired.Select(a => a.Tenant).ToList();
    }

    /// <summary>
    /// A server this node does not prefer is left free a little longer, so that the node preferring it, when it runs,
    /// takes it first and the servers spread over the nodes as the operator set them: until it has been free for two
    /// renewal intervals, and during this node's first lease period. Nodes started together (a deployment, all restarted)
    /// come up seconds apart; a node up longer than that takes a server whose holder died after the two renewals.
    /// </summary>
    private bool LeftForItsPreferredNode(string server)
    {
        Interlocked.CompareExchange(ref _firstRound, time.GetTimestamp(), 0);
        var freeFor = time.GetElapsedTime(_freeSince.GetOrAdd(server, _ => time.GetTimestamp()));
        return freeFor < options.Renew * 2 || time.GetElapsedTime(Interlocked.Read(ref _firstRound)) < options.Lease;
    }

    private void LoseLease(Guid tenantId, long epoch, string why)
    {
        ownership.Drop(tenantId);
        log.LogCritical("Node {Node} lost the lease of tenant {Tenant} (epoch {Epoch}): {Why}; it stops acting for the tenant", options.NodeId, tenantId, epoch, why);
        Lost?.Invoke(tenantId);
    }

    /// <summary>
    /// Renewals and acquisitions until <paramref name="ct"/> fires, each on its own loop every
    /// <see cref="ClusterOptions.RenewSeconds"/>: loading a tenant just acquired (seconds in a fresh process) never delays
    /// the renewals. A failed round is logged and the next one tries again.
    /// </summary>
    public Task RunAsync(CancellationToken ct) =>
        Task.WhenAll(LoopAsync(RenewAsync, _renewals, ct), LoopAsync(AcquireAsync, _acquisitions, ct));

    /// <summary>
    /// The first of the two lease loops (renewal, acquisition) that has made no progress for longer than
    /// <paramref name="after"/>: a round started and not finished, or, while <see cref="RunAsync"/> runs, no round finished.
    /// Null when both progress. A node whose loops stall neither renews what it holds nor takes over when another node
    /// dies, and says nothing about it: the host reports it (health, log), docs/architecture.md "Several nodes".
    /// </summary>
    public LeaseLoopStall? Stalled(TimeSpan after) => _renewals.Stalled(after) ?? _acquisitions.Stalled(after);

    /// <summary>How long ago each loop last finished a round (null: none yet).</summary>
    public (TimeSpan? Renewal, TimeSpan? Acquisition) LastRounds => (_renewals.SinceLastFinished, _acquisitions.SinceLastFinished);

    private async Task LoopAsync(Func<CancellationToken, Task> round, LeaseRounds rounds, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Renew, time);
        using var running = rounds.Running();
        try
        {
            do
            {
                try { await round(ct); }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Lease round of node {Node} failed", options.NodeId); }
            }
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    /// <summary>Gives up every lease held (a graceful stop, after the journal was written): the next node need not wait for expiry.</summary>
    public async Task ReleaseAllAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = new TenantLeaseStore(scope.ServiceProvider.GetRequiredService<CtiDbContext>());
        foreach (var (tenantId, epoch) in ownership.Held)
        {
            ownership.Drop(tenantId);
            try { await store.ReleaseAsync(tenantId, epoch, options.NodeId!, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Releasing the lease of tenant {Tenant} failed; it expires by itself", tenantId); }
        }
    }
}

/// <summary>A lease loop making no progress: which one, since how long, and whether a round is stuck in the middle.</summary>
public sealed record LeaseLoopStall(string Loop, TimeSpan For, bool InRound)
{
    public override string ToString() => InRound
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a lease {Loop} round started {For.TotalSeconds:0} s ago and has not finished")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the lease {Loop} loop has finished no round for {For.TotalSeconds:0} s");
}

/// <summary>The progress of one lease loop: when its current round started, when its last one finished.</summary>
internal sealed class LeaseRounds(string name, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _roundStarted; // timestamp of the oldest round in progress
    private int _inRound;
    private long? _lastFinished;
    private long? _runningSince; // null: the loop does not run (rounds only when called)

    public IDisposable Begin()
    {
        lock (_gate) { if (_inRound++ == 0) _roundStarted = time.GetTimestamp(); }
        return new Finish(this);
    }

    public IDisposable Running()
    {
        lock (_gate) _runningSince = time.GetTimestamp();
        return new Stop(this);
    }

    public TimeSpan? SinceLastFinished { get { lock (_gate) return _lastFinished is { } f ? time.GetElapsedTime(f) : null; } }

    public LeaseLoopStall? Stalled(TimeSpan after)
    {
        lock (_gate)
        {
            if (_inRound > 0 && time.GetElapsedTime(_roundStarted) is var inRound && inRound > after)
                return new LeaseLoopStall(name, inRound, InRound: true);
            if (_runningSince is not { } running) return null;
            // Progress is the later of the loop's start and its last finished round.
            var idle = time.GetElapsedTime(Math.Max(running, _lastFinished ?? running));
            return idle > after ? new LeaseLoopStall(name, idle, InRound: false) : null;
        }
    }

    private void Finished()
    {
        lock (_gate) { _inRound--; _lastFinished = time.GetTimestamp(); }
    }

    private sealed class Finish(LeaseRounds rounds) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) rounds.Finished(); }
    }

    private sealed class Stop(LeaseRounds rounds) : IDisposable
    {
        public void Dispose() { lock (rounds._gate) rounds._runningSince = null; }
    }
}
