using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Cluster;
using CtiBridge.Application.Pbx;
using CtiBridge.Application.Persistence;
using CtiBridge.Application.Tests.CallCenter;
using CtiBridge.Data;
using CtiBridge.Data.Cluster;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.Cluster;

/// <summary>
/// Tenant leases with two "nodes" in one process sharing one database (docs/architecture.md, "Several nodes"): each node
/// is a lease keeper, a call center on its own simulator and a journal, wired as the host wires them.
/// </summary>
public sealed class TenantLeaseTests : IAsyncLifetime
{
    private static readonly ClusterOptions Lease = new() { LeaseSeconds = 3, RenewSeconds = 1 };
    private SessionDatabase _db = null!;
    private readonly List<Node> _nodes = [];

    public async Task InitializeAsync() => _db = await SessionDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var n in _nodes) await n.StopAsync();
        await _db.DisposeAsync();
    }

    private sealed class Node
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _writer;

        public Node(string id, SessionDatabase db, ManualTimeProvider clock)
        {
            Clock = clock;
            var options = new ClusterOptions { NodeId = id, Address = $"http://{id}", LeaseSeconds = Lease.LeaseSeconds, RenewSeconds = Lease.RenewSeconds };
            Ownership = new TenantOwnership(id, TimeSpan.FromSeconds(0.5), clock);
            Keeper = new TenantLeaseKeeper(options, Ownership, db.Scopes, clock, NullLogger<TenantLeaseKeeper>.Instance);
            Pbx = new SimulatedPbx(clock, new SimulatorOptions());
            Journal = new DatabaseJournal(db.Scopes, NullLogger<DatabaseJournal>.Instance) { Fence = Ownership };
            _writer = Task.Run(() => Journal.RunAsync(_stop.Token));
            Service = new CallCenterService(Pbx, new RecordingSink(), Journal, clock, NullLogger<CallCenterService>.Instance) { Fence = Ownership };
            Keeper.Acquired = (tenant, _, _) => { Service.Configure(DefaultConfig()); return Task.CompletedTask; };
            Keeper.Lost = tenant => LostTenants.Add(tenant);
        }

        public ManualTimeProvider Clock { get; }
        public TenantOwnership Ownership { get; }
        public TenantLeaseKeeper Keeper { get; }
        public SimulatedPbx Pbx { get; }
        public DatabaseJournal Journal { get; }
        public CallCenterService Service { get; }
        public List<Guid> LostTenants { get; } = [];
        public long? Epoch => Ownership.ActingEpoch(Tenant);

        public async Task StopAsync()
        {
            if (_stop.IsCancellationRequested) return;
            await _stop.CancelAsync();
            await _writer;
        }
    }

    private Node NewNode(string id, ManualTimeProvider clock)
    {
        var node = new Node(id, _db, clock);
        _nodes.Add(node);
        return node;
    }

    private async Task<TenantLeaseRow> RowAsync()
    {
        await using var scope = _db.Scopes.CreateAsyncScope();
        return (await new TenantLeaseStore(scope.ServiceProvider.GetRequiredService<CtiDbContext>()).ReadAsync(Tenant))!;
    }

    private async Task<int> StateChangesOfAnnAsync()
    {
        await using var scope = _db.Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToSystem().AgentStateChanges.CountAsync(c => c.UserId == Ann);
    }

    [Fact]
    public async Task One_node_owns_the_tenant_the_other_takes_it_over_after_expiry_with_the_next_epoch_and_the_first_loses_it()
    {
        var clock = new ManualTimeProvider();
        var a = NewNode("node-a", clock);
        var b = NewNode("node-b", clock);

        Assert.Equal([Tenant], await a.Keeper.RunOnceAsync());
        Assert.Empty(await b.Keeper.RunOnceAsync()); // held by A
        Assert.Equal(1, a.Epoch);
        Assert.Null(b.Epoch);
        Assert.NotNull(a.Service.FindTenant(Tenant));
        Assert.Null(b.Service.FindTenant(Tenant)); // B does not load the tenant's call center

        // A renews every second: B never gets it.
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(1);
            Assert.Empty(await a.Keeper.RunOnceAsync());
            Assert.Empty(await b.Keeper.RunOnceAsync());
            Assert.Equal(1, a.Epoch);
        }

        // A stops renewing (killed, or cut off from the database): it stops acting before the lease expires for B…
        clock.Advance(2.6);
        Assert.Null(a.Epoch);
        Assert.Empty(await b.Keeper.RunOnceAsync()); // …and B takes the lease only once it has expired
        clock.Advance(0.5);
        Assert.Equal([Tenant], await b.Keeper.RunOnceAsync());
        Assert.Equal(2, b.Epoch);
        var row = await RowAsync();
        Assert.Equal(("node-b", 2L), (row.NodeId, row.Epoch));

        // A's next round finds the lease gone: lost, never renewed back.
        Assert.Empty(await a.Keeper.RunOnceAsync());
        Assert.Equal([Tenant], a.LostTenants);
        Assert.Null(a.Epoch);
        Assert.Equal(2, (await RowAsync()).Epoch);
    }

    [Fact]
    public async Task A_lease_round_that_hangs_is_reported_stalled_after_the_stall_time_and_no_longer_once_it_finishes()
    {
        var clock = new ManualTimeProvider();
        var a = NewNode("node-a", clock);
        var stallAfter = TimeSpan.FromSeconds(60);
        // Loading the tenant just acquired hangs (as a node that stops answering would): the acquisition round never ends.
        var loading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Keeper.Acquired = async (_, _, _) => { loading.TrySetResult(); await release.Task; };

        Assert.Null(a.Keeper.Stalled(stallAfter)); // nothing ran yet: nothing stalled
        var round = a.Keeper.AcquireAsync();
        await loading.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(59);
        Assert.Null(a.Keeper.Stalled(stallAfter));
        await a.Keeper.RenewAsync(); // the other loop's rounds finish meanwhile: the hung one is still what is reported
        clock.Advance(2);
        var stall = a.Keeper.Stalled(stallAfter);
        Assert.NotNull(stall);
        Assert.Equal(("acquisition", true), (stall.Loop, stall.InRound));
        Assert.Equal(TimeSpan.FromSeconds(61), stall.For);
        Assert.Equal("a lease acquisition round started 61 s ago and has not finished", stall.ToString());

        release.SetResult();
        Assert.Equal([Tenant], await round.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(a.Keeper.Stalled(stallAfter));
        Assert.Equal(TimeSpan.Zero, a.Keeper.LastRounds.Acquisition);
    }

    [Fact]
    public async Task A_running_lease_loop_that_finishes_no_round_is_reported_stalled_and_a_stopped_one_is_not()
    {
        var clock = new ManualTimeProvider();
        // The loops' timers never fire (a process whose timers are no longer served): each loop runs its first round, then
        // nothing more, while the clock moves on.
        var keeper = new TenantLeaseKeeper(new ClusterOptions { NodeId = "node-a", Address = "http://node-a", LeaseSeconds = 3, RenewSeconds = 1 },
            new TenantOwnership("node-a", TimeSpan.FromSeconds(0.5), clock), _db.Scopes, new TimersNeverFire(clock), NullLogger<TenantLeaseKeeper>.Instance);
        using var stop = new CancellationTokenSource();
        var loops = keeper.RunAsync(stop.Token);
        for (var i = 0; i < 200 && keeper.LastRounds is not { Renewal: not null, Acquisition: not null }; i++) await Task.Delay(50);
        Assert.True(keeper.LastRounds is { Renewal: not null, Acquisition: not null }, "both loops ran their first round");

        clock.Advance(60);
        Assert.Null(keeper.Stalled(TimeSpan.FromSeconds(60)));
        clock.Advance(1);
        var stall = keeper.Stalled(TimeSpan.FromSeconds(60));
        Assert.NotNull(stall);
        Assert.Equal(("renewal", false, TimeSpan.FromSeconds(61)), (stall.Loop, stall.InRound, stall.For));
        Assert.Equal("the lease renewal loop has finished no round for 61 s", stall.ToString());

        await stop.CancelAsync();
        await loops.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(keeper.Stalled(TimeSpan.FromSeconds(60))); // a loop stopped on purpose (the node stopping) is no stall
    }

    /// <summary>The clock of <paramref name="clock"/>, with timers that never fire.</summary>
    private sealed class TimersNeverFire(ManualTimeProvider clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
        public override long GetTimestamp() => clock.GetTimestamp();
        public override long TimestampFrequency => clock.TimestampFrequency;
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            clock.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public async Task A_node_that_lost_the_lease_is_refused_at_the_pbx_and_its_journal_writes_are_refused_by_the_database()
    {
        var clockA = new ManualTimeProvider();
        var a = NewNode("node-a", clockA);
        await a.Keeper.RunOnceAsync();
        var center = a.Service.Tenant(Tenant);

        // While A holds the lease, it acts: Ann's login is stored, a caller is answered and put in the call's bridge.
        center.Login(Ann, ready: false);
        await a.Journal.FlushAsync();
        Assert.Equal(1, await StateChangesOfAnnAsync());
        var first = a.Pbx.PlaceCall("acme", "Sales", "5551000");
        Assert.True(a.Pbx.Leg(first)!.Answered);

        // B's clock runs 10 s ahead (a skewed clock, or A paused): B sees the lease expired and takes it while A still
        // believes it holds it. The database is the judge: A's writes are refused there.
        var b = NewNode("node-b", new ManualTimeProvider(clockA.GetUtcNow() + TimeSpan.FromSeconds(10)));
        Assert.Equal([Tenant], await b.Keeper.RunOnceAsync());
        Assert.NotNull(a.Epoch); // A's local deadline has not passed
        center.SetReady(Ann);
        await a.Journal.FlushAsync();
        Assert.Equal(1, await StateChangesOfAnnAsync());
        Assert.True(a.Journal.Refused >= 1, $"refused {a.Journal.Refused}"); // the state change, and her session

        // Once A's deadline passes (no renewal got through), A's PBX commands are refused before they reach the PBX.
        clockA.Advance(3);
        Assert.Null(a.Epoch);
        var refusedBefore = FencedPbx.Refused;
        var second = a.Pbx.PlaceCall("acme", "Sales", "5551001");
        Assert.False(a.Pbx.Leg(second)!.Answered);
        Assert.Null(a.Pbx.Leg(second)!.InCall);
        Assert.True(FencedPbx.Refused > refusedBefore);
    }

    [Fact]
    public async Task Nodes_racing_for_an_expired_lease_never_both_own_it_and_each_takeover_raises_the_epoch_by_one()
    {
        var clock = new ManualTimeProvider();
        var nodes = Enumerable.Range(0, 3).Select(i => NewNode($"node-{i}", clock)).ToList();
        long epoch = 0;
        for (var round = 0; round < 15; round++)
        {
            await Task.WhenAll(nodes.Select(n => Task.Run(() => n.Keeper.RunOnceAsync())));
            var owners = nodes.Where(n => n.Epoch is not null).ToList();
            var owner = Assert.Single(owners);
            Assert.Equal(epoch + 1, owner.Epoch);
            var row = await RowAsync();
            Assert.Equal((owner.Ownership.NodeId, owner.Epoch!.Value), (row.NodeId, row.Epoch));
            epoch = row.Epoch;
            clock.Advance(3.1); // nobody renews: the lease expires, all race again
        }
    }

    /// <summary>A keeper of node <paramref name="id"/> knowing the servers <paramref name="servers"/>, recording the servers it opens.</summary>
    private TenantLeaseKeeper KeeperOf(string id, ManualTimeProvider clock, List<string> opened, string[] servers, params string[] preferred)
    {
        var options = new ClusterOptions
        {
            NodeId = id, Address = $"http://{id}", LeaseSeconds = Lease.LeaseSeconds, RenewSeconds = Lease.RenewSeconds, PreferredServers = [.. preferred],
        };
        var pbxs = new PbxServers(servers.ToDictionary(n => n, n => (IPbx)new SimulatedPbx(clock, new SimulatorOptions())));
        return new TenantLeaseKeeper(options, new TenantOwnership(id, TimeSpan.FromSeconds(0.5), clock), _db.Scopes, clock,
            NullLogger<TenantLeaseKeeper>.Instance, pbxs) { Holding = server => { if (!opened.Contains(server)) opened.Add(server); } };
    }

    private async Task<Guid> AddTenantAsync(string domain, string? server)
    {
        var id = Guid.NewGuid();
        await using var scope = _db.Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToTenant(id);
        db.Tenants.Add(new Data.Entities.Tenant { Id = id, Domain = domain, Name = domain, Enabled = true, AsteriskServer = server });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A tenant on north (beside <see cref="Tenant"/> on the default server); node A prefers the default server, B north.</summary>
    private async Task<(ManualTimeProvider Clock, Guid North, TenantLeaseKeeper A, TenantLeaseKeeper B, List<string> OpenedA, List<string> OpenedB)>
        TwoNodesEachPreferringAServerAsync()
    {
        var clock = new ManualTimeProvider();
        var north = await AddTenantAsync("northco", "north");
        List<string> openedA = [], openedB = [];
        string[] both = [PbxServers.DefaultName, "north"];
        return (clock, north, KeeperOf("node-a", clock, openedA, both, PbxServers.DefaultName), KeeperOf("node-b", clock, openedB, both, "north"),
            openedA, openedB);
    }

    [Fact]
    public async Task Tenants_on_two_servers_run_on_two_nodes_as_preferred_and_one_node_takes_both_servers_when_the_other_is_gone()
    {
        var (clock, north, a, b, openedA, openedB) = await TwoNodesEachPreferringAServerAsync();

        // Both free: each node takes at once only the server it prefers, and opens only that server's connection.
        Assert.Equal([Tenant], await a.RunOnceAsync());
        Assert.Equal([north], await b.RunOnceAsync());
        Assert.Equal([PbxServers.DefaultName], openedA);
        Assert.Equal(["north"], openedB);

        // Held and renewed: neither takes the other's server, however long it runs.
        for (var i = 0; i < 6; i++)
        {
            clock.Advance(1);
            Assert.Empty(await a.RunOnceAsync());
            Assert.Empty(await b.RunOnceAsync());
        }

        // A new tenant on north goes to the node holding north: A takes nothing of a server B acts for.
        var north2 = await AddTenantAsync("northco2", "north");
        Assert.Empty(await a.RunOnceAsync());
        Assert.Equal([north2], await b.RunOnceAsync());

        // B is gone: once its leases expire and two renewal intervals pass, A takes north's tenants together and opens north.
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(1);
            Assert.Empty(await a.RunOnceAsync()); // A renews its own; B's are still live
        }
        clock.Advance(1.1);
        Assert.Empty(await a.RunOnceAsync()); // expired now: free from here on
        clock.Advance(1);
        Assert.Empty(await a.RunOnceAsync());
        clock.Advance(1.1);
        Assert.Equal(new[] { north, north2 }.Order(), (await a.RunOnceAsync()).Order());
        Assert.Equal([PbxServers.DefaultName, "north"], openedA);
        Assert.Equal(new[] { Tenant, north, north2 }.Order(), a.Ownership is TenantOwnership o ? o.Held.Keys.Order() : []);
    }

    [Fact]
    public async Task A_node_that_starts_a_few_seconds_after_the_other_still_gets_the_server_it_prefers()
    {
        // Started together, two nodes come up seconds apart: the first one up leaves the server it does not prefer for a
        // lease period, not only two renewals, so the later one still takes it (and the servers spread as set).
        var (clock, north, a, b, openedA, openedB) = await TwoNodesEachPreferringAServerAsync();

        Assert.Equal([Tenant], await a.RunOnceAsync());
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(1);
            Assert.Empty(await a.RunOnceAsync()); // north free for two renewals, but A is up for less than a lease (3 s)
        }
        clock.Advance(0.5);
        Assert.Equal([north], await b.RunOnceAsync()); // B, up 2.5 s after A
        clock.Advance(1);
        Assert.Empty(await a.RunOnceAsync());
        Assert.Equal([PbxServers.DefaultName], openedA);
        Assert.Equal(["north"], openedB);
    }

    [Fact]
    public async Task A_node_alone_takes_the_server_it_does_not_prefer_once_its_first_lease_period_passed()
    {
        var clock = new ManualTimeProvider();
        var north = await AddTenantAsync("northco", "north");
        List<string> opened = [];
        var a = KeeperOf("node-a", clock, opened, [PbxServers.DefaultName, "north"], PbxServers.DefaultName);

        Assert.Equal([Tenant], await a.RunOnceAsync());
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(1);
            Assert.Empty(await a.RunOnceAsync());
        }
        clock.Advance(1);
        Assert.Equal([north], await a.RunOnceAsync()); // no node preferring north came within a lease: A takes it
        Assert.Equal([PbxServers.DefaultName, "north"], opened);
    }

    [Fact]
    public async Task A_node_takes_no_tenant_of_a_server_while_another_node_holds_one_of_its_tenants_nor_of_a_server_it_does_not_know()
    {
        var clock = new ManualTimeProvider();
        var north = await AddTenantAsync("northco", "north");
        List<string> openedA = [], openedB = [];
        var a = KeeperOf("node-a", clock, openedA, [PbxServers.DefaultName, "north"]);
        var b = KeeperOf("node-b", clock, openedB, [PbxServers.DefaultName]); // knows only the default server

        Assert.Equal(new[] { Tenant, north }.Order(), (await a.RunOnceAsync()).Order());
        var later = await AddTenantAsync("acme2", null); // a new tenant on the default server, which A holds
        Assert.Empty(await b.RunOnceAsync());
        Assert.Equal([later], await a.RunOnceAsync());

        // A is gone: B takes the default server's tenants, never north's (no such server here).
        clock.Advance(3.1);
        Assert.Equal(new[] { Tenant, later }.Order(), (await b.RunOnceAsync()).Order());
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(1);
            Assert.Empty(await b.RunOnceAsync());
        }
        Assert.Equal([PbxServers.DefaultName], openedB);
    }
}
