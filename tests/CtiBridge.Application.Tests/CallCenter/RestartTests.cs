using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Data;
using AgentSession = CtiBridge.Data.Entities.AgentSession;
using User = CtiBridge.Data.Entities.User;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// A CtiBridge process of tenant "acme" (<see cref="Harness.DefaultConfig"/>) on the simulator, journaling into a
/// database (SQLite file) shared with the processes that come after it: <see cref="StopAsync"/> stops it as a deploy
/// does (the journal writes what is left), <see cref="RestartAsync"/> starts the next one over the same database and
/// restores the agents' sessions, as the host does when the tenant is first loaded.
/// </summary>
public sealed class CtiProcess
{
    private readonly SessionDatabase _database;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writer;

    private CtiProcess(SessionDatabase database, TenantConfiguration config, DateTimeOffset now, SimulatedPbx? pbx = null)
    {
        _database = database;
        Clock = new ManualTimeProvider(now);
        Pbx = pbx ?? new SimulatedPbx(Clock, new SimulatorOptions());
        Journal = new DatabaseJournal(database.Scopes, NullLogger<DatabaseJournal>.Instance);
        _writer = Task.Run(() => Journal.RunAsync(_stop.Token));
        Service = new CallCenterService(Pbx, Events, Journal, Clock, NullLogger<CallCenterService>.Instance);
        Center = Service.Configure(config);
    }

    public ManualTimeProvider Clock { get; }
    public SimulatedPbx Pbx { get; }
    public RecordingSink Events { get; } = new();
    public DatabaseJournal Journal { get; }
    public CallCenterService Service { get; }
    public TenantCallCenter Center { get; }
    public IReadOnlyList<RestoredSession> Restored { get; private set; } = [];

    public static CtiProcess Start(SessionDatabase database, Func<TenantConfiguration, TenantConfiguration>? customize = null) =>
        new(database, Config(customize), new ManualTimeProvider().GetUtcNow());

    /// <summary>
    /// Stops this process (its journal writes what is left) and starts the next one, a minute later, which restores the
    /// sessions. With <paramref name="samePbx"/> the next process finds the PBX as this one left it (as a real restart finds
    /// Asterisk) and, once the sessions are restored, the PBX reports the calls it still has, as the adapter does when it connects.
    /// </summary>
    /// <param name="whileDown">What happens on the PBX between the two processes (a caller hanging up: nobody sees it).</param>
    public async Task<CtiProcess> RestartAsync(Func<TenantConfiguration, TenantConfiguration>? customize = null, bool samePbx = false,
        Action? whileDown = null)
    {
        await StopAsync();
        whileDown?.Invoke();
        var next = new CtiProcess(_database, Config(customize), Clock.GetUtcNow() + TimeSpan.FromMinutes(1), samePbx ? Pbx : null);
        next.Restored = await new AgentSessionRestorer(_database.Scopes, NullLogger<AgentSessionRestorer>.Instance).RestoreAsync(next.Center);
        if (samePbx) next.Pbx.ReportCallsAfterRestart();
        await next.Journal.FlushAsync();
        return next;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _writer;
    }

    public AgentView Agent(Guid id) => Center.GetAgent(id);

    /// <summary>The agent logs in Ready and answers a customer's call to the group on their phone; returns the customer's leg id.</summary>
    public string AgentTakesCall(Guid agent, string group, string customerNumber, string extension)
    {
        Center.Login(agent, ready: true);
        var customer = Pbx.PlaceCall("acme", group, customerNumber);
        Pbx.Answer(Pbx.RingingAt(Harness.Endpoint(extension))!.Id);
        return customer;
    }

    private static TenantConfiguration Config(Func<TenantConfiguration, TenantConfiguration>? customize) =>
        customize?.Invoke(DefaultConfig()) ?? DefaultConfig();
}

/// <summary>A migrated SQLite file with tenant "acme", the users of <see cref="Harness"/> (Ann, Bob, Cat) and Dan, and its skill groups.</summary>
public sealed class SessionDatabase : IAsyncDisposable
{
    public static readonly Guid Dan = Guid.Parse("00000000-0000-0000-0000-000000000004");

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ctibridge-restart-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    private SessionDatabase(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_file};Pooling=False" };
        var services = new ServiceCollection();
        services.AddScoped<ICurrentTenant, NoCurrentTenant>();
        services.AddDbContext<CtiDbContext>(o =>
        {
            options.Configure(o);
            if (interceptor is not null) o.AddInterceptors(interceptor);
        });
        _services = services.BuildServiceProvider();
    }

    public IServiceScopeFactory Scopes => _services.GetRequiredService<IServiceScopeFactory>();

    /// <param name="interceptor">Added to every context (e.g. one that makes the database unreachable for a while).</param>
    public static async Task<SessionDatabase> CreateAsync(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor = null)
    {
        var database = new SessionDatabase(interceptor);
        await database.WithAsync(async db =>
        {
            await new SchemaMigrator().MigrateAsync(db);
            db.ScopeToTenant(Harness.Tenant);
            db.Tenants.Add(new Data.Entities.Tenant { Id = Harness.Tenant, Domain = "acme", Name = "ACME", Enabled = true });
            foreach (var (id, name) in new[] { (Ann, "ann"), (Bob, "bob"), (Cat, "cat"), (Dan, "dan") })
                db.Users.Add(new User { Id = id, TenantId = Harness.Tenant, Username = name, DisplayName = name, Roles = UserRoles.Agent });
            foreach (var (id, name) in new[] { (Harness.Sales, "Sales"), (Harness.Support, "Support") })
                db.SkillGroups.Add(new Data.Entities.SkillGroup { Id = id, TenantId = Harness.Tenant, Name = name }); // call records name them
            await db.SaveChangesAsync();
        });
        return database;
    }

    public async Task WithAsync(Func<CtiDbContext, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToTenant(Harness.Tenant));
    }

    public async Task<List<AgentSession>> SessionsAsync()
    {
        List<AgentSession> rows = null!;
        await WithAsync(async db => rows = await db.AgentSessions.AsNoTracking().OrderBy(s => s.UserId).ToListAsync());
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { File.Delete(_file); } catch (IOException) { }
    }
}

/// <summary>
/// Agents stay logged in across a restart of CtiBridge: their sessions are kept in the database and taken back by the
/// next process before the PBX connects (docs/architecture.md, restart safety).
/// </summary>
public sealed class RestartTests
{
    private const string HotDesk = "PJSIP/acme-2001";

    [Fact]
    public async Task A_ready_agent_on_a_hot_desk_phone_is_ready_on_that_phone_after_a_restart_and_gets_the_next_queue_call()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database);
        var login = before.Center.Login(Ann, ready: true, hotDeskEndpoint: HotDesk);

        var after = await before.RestartAsync();

        var ann = after.Agent(Ann);
        Assert.Equal(AgentStatus.Ready, ann.Status);
        Assert.Equal(login.StateSince, ann.StateSince); // Ready since the login, not since the restart
        Assert.Equal(Ann, after.Center.AgentByEndpoint(HotDesk));
        // Published like a login, so toolbars and supervisors see the agent.
        var published = Assert.Single(after.Events.Of<AgentStateChangedEvent>(), e => e.Agent.AgentId == Ann);
        Assert.Equal((AgentTrigger.Login, AgentStatus.Ready), (published.Trigger, published.Agent.Status));

        after.Pbx.PlaceCall("acme", "Sales", "5551234");
        Assert.NotNull(after.Pbx.RingingAt(HotDesk));
        Assert.Equal(AgentStatus.Ringing, after.Agent(Ann).Status);
    }

    [Fact]
    public async Task A_not_ready_agent_comes_back_with_the_same_reason_and_paused_skill_groups()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database, c => c with
        {
            Agents = c.Agents.Select(a => a.Id == Bob ? a with { Settings = a.Settings with { WorkingMode = WorkingMode.SelfSelect } } : a).ToList(),
        });
        before.Center.Login(Bob, ready: true);
        before.Center.SetGroupPaused(Bob, Support, paused: true);
        before.Center.ChooseWorkingMode(Bob, WorkingMode.Inbound);
        before.Clock.Advance(30);
        var lunch = before.Center.SetNotReady(Bob, "Lunch");

        var after = await before.RestartAsync(c => c with
        {
            Agents = c.Agents.Select(a => a.Id == Bob ? a with { Settings = a.Settings with { WorkingMode = WorkingMode.SelfSelect } } : a).ToList(),
        });

        var bob = after.Agent(Bob);
        Assert.Equal((AgentStatus.NotReady, "Lunch"), (bob.Status, bob.Reason));
        Assert.Equal(lunch.StateSince, bob.StateSince);
        Assert.Equal([Support], bob.PausedSkillGroupIds);
        Assert.Equal(WorkingMode.Inbound, bob.WorkingMode);
    }

    [Fact]
    public async Task A_remote_agent_is_called_again_on_the_number_they_logged_in_from()
    {
        await using var database = await SessionDatabase.CreateAsync();
        static TenantConfiguration Remote(TenantConfiguration c) => c with
        {
            Agents = c.Agents.Select(a => a.Id == Cat ? a with { Settings = a.Settings with { ExtensionKind = ExtensionKind.Remote } } : a).ToList(),
        };
        var before = CtiProcess.Start(database, Remote);
        before.Center.Login(Cat, ready: true, reachNumber: "0612345678");

        var after = await before.RestartAsync(Remote);

        Assert.Equal(AgentStatus.Ready, after.Agent(Cat).Status);
        after.Pbx.PlaceCall("acme", "Support", "5551234");
        Assert.Equal("PJSIP/0612345678@acme-trunk", after.Pbx.Legs.Single(l => l.Dialled).Endpoint);
    }

    [Fact]
    public async Task Agents_who_logged_out_or_were_removed_by_an_admin_stay_logged_out()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database);
        before.Center.Login(Ann, ready: true);
        before.Center.Login(Bob, ready: false, reason: "Break");
        before.Center.Login(Cat, ready: true);
        before.Center.Logout(Ann);        // the agent, or a supervisor forcing it (the same use case)
        before.Center.Reconfigure(DefaultConfig() with { Agents = DefaultConfig().Agents.Where(a => a.Id != Bob).ToList() }); // disabled or deleted
        Assert.Equal(AgentStatus.LoggedOut, Assert.Single(before.Events.Of<AgentStateChangedEvent>(), e => e.Agent.AgentId == Bob && e.Trigger == AgentTrigger.Logout).Agent.Status);

        var after = await before.RestartAsync(); // Bob is back in the configuration (enabled again): still logged out

        Assert.Equal(AgentStatus.LoggedOut, after.Agent(Ann).Status);
        Assert.Equal(AgentStatus.LoggedOut, after.Agent(Bob).Status);
        Assert.Equal(AgentStatus.Ready, after.Agent(Cat).Status);
        Assert.Equal([Cat], (await database.SessionsAsync()).Select(s => s.UserId));
    }

    [Fact]
    public async Task Agents_ringing_on_a_call_or_in_wrap_up_come_back_not_ready_restarted_unless_they_asked_for_something_else()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database);
        var sim = before.Pbx;
        // Ann: on a call. Bob: in wrap-up. Cat: ringing.
        before.AgentTakesCall(Ann, "Sales", "5550001", "101");
        var second = before.AgentTakesCall(Bob, "Sales", "5550002", "102");
        sim.HangupFromDevice(second);
        before.Center.Login(Cat, ready: true);
        sim.PlaceCall("acme", "Support", "5550003");
        Assert.Equal([AgentStatus.OnCall, AgentStatus.WrapUp, AgentStatus.Ringing], new[] { Ann, Bob, Cat }.Select(a => before.Agent(a).Status));

        var after = await before.RestartAsync();

        foreach (var agent in new[] { Ann, Bob, Cat })
            Assert.Equal((AgentStatus.NotReady, SystemReasons.Restarted), (after.Agent(agent).Status, after.Agent(agent).Reason));
        Assert.Empty(after.Center.ListCalls());
        // Nothing is offered to them until they say Ready.
        after.Pbx.PlaceCall("acme", "Sales", "5550004");
        Assert.DoesNotContain(after.Pbx.Legs, l => l.Dialled);
        after.Center.SetReady(Ann);
        Assert.Equal(AgentStatus.Ringing, after.Agent(Ann).Status);
    }

    [Fact]
    public async Task An_agent_on_a_call_the_pbx_still_has_is_back_on_it_not_restarted_and_again_after_a_second_restart()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database);
        var sim = before.Pbx;
        var customer = before.AgentTakesCall(Ann, "Sales", "5550001", "101");
        var callId = before.Center.CallsOf(Ann).Single().CallId;

        var after = await before.RestartAsync(samePbx: true);

        Assert.Equal(AgentStatus.OnCall, after.Agent(Ann).Status);
        Assert.Equal(callId, after.Center.CallsOf(Ann).Single().CallId);
        Assert.Equal(SessionRestoreOutcome.Restored, after.Restored.Single(r => r.AgentId == Ann).Outcome);
        Assert.Equal(nameof(AgentStatus.OnCall), (await database.SessionsAsync()).Single(r => r.UserId == Ann).Status);

        var third = await after.RestartAsync(samePbx: true);

        Assert.Equal(AgentStatus.OnCall, third.Agent(Ann).Status);
        sim.HangupFromDevice(customer);
        Assert.Equal(AgentStatus.WrapUp, third.Agent(Ann).Status);
        Assert.Empty(sim.Legs);
        await third.StopAsync();
    }

    [Fact]
    public async Task Recordings_of_a_call_taken_back_are_written_once_each_with_its_record_the_running_one_stopped_by_the_next_process()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database);
        var sim = before.Pbx;
        var customer = before.AgentTakesCall(Ann, "Sales", "5550002", "101");
        var callId = before.Center.CallsOf(Ann).Single().CallId;
        await before.Center.StartRecordingAsync(Ann, callId);
        await before.Center.StopRecordingAsync(Ann, callId);
        await before.Center.StartRecordingAsync(Ann, callId); // running when the process stops
        var names = new[] { $"acme-{callId:N}-1", $"acme-{callId:N}-2" };

        var after = await before.RestartAsync(samePbx: true);
        Assert.True(after.Center.GetCall(Ann, callId).Recording);
        await after.Center.StopRecordingAsync(Ann, callId);
        var third = await after.RestartAsync(samePbx: true); // and once more: still one row per recording
        await third.Center.StartRecordingAsync(Ann, callId);
        sim.HangupFromDevice(customer);
        await third.Journal.FlushAsync();

        List<Data.Entities.Recording> rows = null!;
        await database.WithAsync(async db => rows = await db.Recordings.AsNoTracking().Where(r => r.CallId == callId).ToListAsync());
        rows = rows.OrderBy(r => r.StartedAt).ThenBy(r => r.Name).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(names, rows.Take(2).Select(r => r.Name));
        Assert.All(rows, r => Assert.Equal(Ann, r.UserId));
        Assert.Single(rows, r => r.Name.StartsWith($"acme-{callId:N}-r", StringComparison.Ordinal));
        await database.WithAsync(async db => Assert.Equal(1, await db.CallRecords.CountAsync(c => c.Id == callId)));
        await third.StopAsync();
    }

    [Fact]
    public async Task Calls_that_ended_while_no_process_ran_get_their_records_ended_unseen_and_calls_taken_back_end_as_usual()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database);
        var sim = before.Pbx;
        var answered = before.AgentTakesCall(Ann, "Sales", "5550101", "101");
        var answeredId = before.Center.CallsOf(Ann).Single().CallId;
        await before.Center.StartRecordingAsync(Ann, answeredId);
        var keptOn = before.AgentTakesCall(Bob, "Sales", "5550102", "102");
        var keptOnId = before.Center.CallsOf(Bob).Single().CallId;
        var waiting = sim.PlaceCall("acme", "Sales", "5550103"); // nobody free: waits
        var waitingId = Guid.Parse(sim.Legs.Single(l => l.Id == waiting).Variables[TenantCallCenter.LegVariables.CallId]);
        before.Clock.Advance(TimeSpan.FromSeconds(30));
        await before.Journal.FlushAsync();

        // While the calls are live their records are there, provisional: no end, the answering agent known.
        await database.WithAsync(async db =>
        {
            var live = await db.CallRecords.AsNoTracking().Where(c => c.EndedAt == null).ToListAsync();
            Assert.Equal(new[] { answeredId, keptOnId, waitingId }.Order(), live.Select(c => c.Id).Order());
            Assert.Equal(Ann, live.Single(c => c.Id == answeredId).AnsweredByUserId);
            Assert.Null(live.Single(c => c.Id == waitingId).AnsweredAt);
        });

        // The process stops; the first and the waiting caller hang up before the next one runs.
        var after = await before.RestartAsync(samePbx: true, whileDown: () =>
        {
            sim.HangupFromDevice(answered);
            sim.HangupFromDevice(waiting);
        });
        var foundGoneAt = after.Clock.GetUtcNow();

        List<Data.Entities.CallRecord> records = null!;
        List<Data.Entities.CallLeg> legs = null!;
        List<Data.Entities.Recording> recordings = null!;
        await database.WithAsync(async db =>
        {
            records = await db.CallRecords.AsNoTracking().ToListAsync();
            legs = await db.CallLegs.AsNoTracking().ToListAsync();
            recordings = await db.Recordings.AsNoTracking().ToListAsync();
        });
        Assert.Equal(3, records.Count);
        var first = records.Single(c => c.Id == answeredId);
        Assert.Equal((CallEndReason.EndedUnseen, Data.Entities.CallOutcome.Answered, Ann, foundGoneAt),
            (first.EndReason, first.Outcome, first.AnsweredByUserId, first.EndedAt));
        Assert.Equal(90, first.TalkSeconds); // answered 30 s before the stop, found gone a minute later: at most that long
        Assert.All(legs.Where(l => l.CallId == answeredId), l => Assert.Equal(foundGoneAt, l.EndedAt));
        var recording = Assert.Single(recordings);
        Assert.Equal((foundGoneAt, 90), (recording.EndedAt, recording.DurationSeconds));
        var abandoned = records.Single(c => c.Id == waitingId);
        Assert.Equal((CallEndReason.EndedUnseen, Data.Entities.CallOutcome.NotAnswered, (Guid?)null, foundGoneAt, 90),
            (abandoned.EndReason, abandoned.Outcome, abandoned.AnsweredByUserId, abandoned.EndedAt, abandoned.WaitSeconds));
        Assert.Null(records.Single(c => c.Id == keptOnId).EndedAt); // taken back: still live

        // The call taken back ends as any call does, once, when the customer hangs up.
        Assert.Equal(AgentStatus.OnCall, after.Agent(Bob).Status);
        after.Clock.Advance(TimeSpan.FromSeconds(10));
        sim.HangupFromDevice(keptOn);
        await after.Journal.FlushAsync();
        await database.WithAsync(async db =>
        {
            var kept = await db.CallRecords.AsNoTracking().SingleAsync(c => c.Id == keptOnId);
            Assert.Equal((CallEndReason.CustomerHungUp, after.Clock.GetUtcNow()), (kept.EndReason, kept.EndedAt));
            Assert.Equal(3, await db.CallRecords.CountAsync());
            Assert.Equal(0, await db.CallRecords.CountAsync(c => c.EndedAt == null));
        });
        Assert.Equal(2, after.Journal.EndedUnseen);
        await after.StopAsync();
    }

    [Fact]
    public async Task A_process_that_finds_its_calls_all_live_ends_no_record_and_a_late_provisional_write_never_undoes_an_end()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var process = CtiProcess.Start(database);
        var customer = process.AgentTakesCall(Ann, "Sales", "5550201", "101");
        var callId = process.Center.CallsOf(Ann).Single().CallId;

        process.Center.PbxCallsReported(); // the PBX connected again and has the call: nothing ends
        await process.Journal.FlushAsync();
        await database.WithAsync(async db => Assert.Null((await db.CallRecords.AsNoTracking().SingleAsync(c => c.Id == callId)).EndedAt));

        process.Pbx.HangupFromDevice(customer);
        await process.Journal.FlushAsync();
        process.Center.PbxCallsReported(); // and again after the end: the ended record stays as it ended
        await process.Journal.FlushAsync();
        await database.WithAsync(async db =>
        {
            var record = await db.CallRecords.AsNoTracking().SingleAsync(c => c.Id == callId);
            Assert.Equal(CallEndReason.CustomerHungUp, record.EndReason);
        });
        Assert.Equal(0, process.Journal.EndedUnseen);
        await process.StopAsync();
    }

    [Fact]
    public async Task A_pending_not_ready_is_applied_and_a_pending_logout_logs_the_agent_out()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database);
        var sim = before.Pbx;
        before.AgentTakesCall(Ann, "Sales", "5550001", "101");
        before.Center.SetNotReady(Ann, "Lunch");
        before.AgentTakesCall(Cat, "Support", "5550002", "103");
        before.Center.Logout(Cat);
        Assert.Equal((PendingKind.NotReady, PendingKind.Logout), (before.Agent(Ann).Pending, before.Agent(Cat).Pending));

        var after = await before.RestartAsync();

        Assert.Equal((AgentStatus.NotReady, "Lunch"), (after.Agent(Ann).Status, after.Agent(Ann).Reason));
        Assert.Equal(AgentStatus.LoggedOut, after.Agent(Cat).Status);
        Assert.Equal([Ann], (await database.SessionsAsync()).Select(s => s.UserId));
    }

    [Fact]
    public async Task A_session_of_an_agent_who_no_longer_exists_is_ignored_and_dropped_and_an_unreadable_one_comes_back_not_ready()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var before = CtiProcess.Start(database);
        before.Center.Login(Ann, ready: true);
        await before.StopAsync();
        var t = new ManualTimeProvider().GetUtcNow();
        await database.WithAsync(async db =>
        {
            // Dan is a user, but not an agent of the tenant's configuration (deleted, disabled or no longer an agent).
            db.AgentSessions.Add(new AgentSession { UserId = SessionDatabase.Dan, Status = "Ready", LoggedInAt = t, StateSince = t, UpdatedAt = t });
            // Written by who knows what: nothing in it can be read, except that Bob was logged in.
            db.AgentSessions.Add(new AgentSession
            {
                UserId = Bob, Status = "Dancing", Reason = "Lunch", Pending = "Maybe", WorkingMode = "Sideways",
                PausedSkillGroupIds = "not-a-group," + Support, LoggedInAt = t, StateSince = t, UpdatedAt = t,
            });
            // A reason the tenant no longer has.
            db.AgentSessions.Add(new AgentSession { UserId = Cat, Status = "NotReady", Reason = "Coffee", LoggedInAt = t, StateSince = t, UpdatedAt = t });
            await db.SaveChangesAsync();
        });

        var after = await before.RestartAsync();

        Assert.Equal(AgentStatus.Ready, after.Agent(Ann).Status);
        Assert.False(after.Center.HasAgent(SessionDatabase.Dan));
        Assert.Equal(SessionRestoreOutcome.UnknownAgent, Assert.Single(after.Restored, r => r.AgentId == SessionDatabase.Dan).Outcome);
        Assert.DoesNotContain(SessionDatabase.Dan, (await database.SessionsAsync()).Select(s => s.UserId));
        var bob = after.Agent(Bob);
        Assert.Equal((AgentStatus.NotReady, SystemReasons.Restarted), (bob.Status, bob.Reason));
        Assert.Equal([Support], bob.PausedSkillGroupIds); // what could be read is kept
        Assert.Equal((AgentStatus.NotReady, SystemReasons.Restarted), (after.Agent(Cat).Status, after.Agent(Cat).Reason));
    }

    [Fact]
    public async Task Sessions_are_written_in_the_background_the_latest_per_agent_and_ended_at_logout()
    {
        await using var database = await SessionDatabase.CreateAsync();
        var process = CtiProcess.Start(database);
        process.Center.Login(Ann, ready: true, hotDeskEndpoint: HotDesk);
        process.Center.SetNotReady(Ann, "Break");
        process.Center.SetNotReady(Ann, "Lunch");
        await process.Journal.FlushAsync();

        var row = Assert.Single(await database.SessionsAsync());
        Assert.Equal((Ann, "NotReady", "Lunch", HotDesk), (row.UserId, row.Status, row.Reason, row.HotDeskEndpoint));

        process.Center.Logout(Ann);
        await process.StopAsync(); // a clean stop writes what is left
        Assert.Empty(await database.SessionsAsync());
    }
}
