using CtiBridge.Application.Records;
using CtiBridge.Application.Reports;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using CtiBridge.TestSupport;
using Microsoft.EntityFrameworkCore;
using AgentStateChange = CtiBridge.Data.Entities.AgentStateChange;

namespace CtiBridge.Data.Tests;

/// <summary>
/// Reports against hand-computed expectations on a small fixed day (docs/reports.md defines each figure), and the call
/// record search (trigram search, keyset pages, visibility) — on SQLite and PostgreSQL.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class ReportsAndRecordsTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset D = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset At(int h, int m, int s = 0) => D.AddHours(h).AddMinutes(m).AddSeconds(s);

    private sealed record World(Guid Tenant, Guid A, Guid B, Guid Team, Guid Group, List<Guid> Calls);

    /// <summary>
    /// Skill group G (service level 20 s), team T = {A, B}. Calls of day D in G:
    /// 1 09:00 answered by A after 10 s wait, talk 100 (+ hold 20; A's leg 120 s);
    /// 2 09:10 rang B without answer (RONA), answered by A after 30 s, talk 200;
    /// 3 09:20 abandoned after 15 s; 4 09:30 abandoned after 60 s; 5 09:40 not answered (no agent) after 5 s.
    /// Not counted: a call of the day before, a call still in progress.
    /// A: Not Ready "Meeting" since the evening before; Ready 08:00; call 1 (ringing 10 s, talk 120 s, wrap-up 30 s); Ready;
    /// call 2 (talk 200 s, wrap-up 60 s); Not Ready "Lunch" 09:14:50; Ready 10:00; logged out 12:00. B: no state changes.
    /// </summary>
    private static async Task<World> SeedAsync(TestDatabase database)
    {
        var tenant = new Tenant { Domain = "acme", Name = "Acme", Enabled = true, CreatedAt = D.AddDays(-30) };
        await using var db = database.NewContext();
        db.ScopeToSystem().Tenants.Add(tenant);
        await db.SaveChangesAsync();
        db.ScopeToTenant(tenant.Id);
        var a = new User { TenantId = tenant.Id, Username = "anna", DisplayName = "Anna", Roles = UserRoles.Agent, PasswordHash = "x", CreatedAt = D };
        var b = new User { TenantId = tenant.Id, Username = "bert", DisplayName = "Bert", Roles = UserRoles.Agent, PasswordHash = "x", CreatedAt = D };
        var team = new Team { TenantId = tenant.Id, Name = "T" };
        team.Members.Add(new TeamMember { TenantId = tenant.Id, TeamId = team.Id, UserId = a.Id });
        team.Members.Add(new TeamMember { TenantId = tenant.Id, TeamId = team.Id, UserId = b.Id });
        var group = new SkillGroup { TenantId = tenant.Id, Name = "G", ServiceLevelSeconds = 20 };
        db.AddRange(a, b, team, group);

        CallRecord Call(DateTimeOffset offered, CallOutcome outcome, int wait, int talk = 0, int hold = 0, int rona = 0, Guid? by = null,
            bool ended = true, string number = "+4930111222", string? name = null)
        {
            var r = new CallRecord
            {
                TenantId = tenant.Id, Direction = CallDirection.Inbound, Kind = CallKind.Queue, SkillGroupId = group.Id, CustomerNumber = number,
                CustomerName = name, OfferedAt = offered, AnsweredAt = outcome == CallOutcome.Answered ? offered.AddSeconds(wait) : null,
                EndedAt = ended ? offered.AddSeconds(wait + talk + hold) : null, WaitSeconds = wait, TalkSeconds = talk, HoldSeconds = hold,
                RonaCount = rona, Outcome = outcome, AnsweredByUserId = by,
            };
            r.Legs.Add(new CallLeg { TenantId = tenant.Id, CallId = r.Id, Role = CallLegRole.Customer, Endpoint = number, StartedAt = offered });
            return r;
        }
        CallLeg Leg(CallRecord c, Guid agent, DateTimeOffset start, DateTimeOffset? answered, DateTimeOffset end, CallEndReason reason) => new()
        {
            TenantId = tenant.Id, CallId = c.Id, Role = CallLegRole.Agent, UserId = agent, StartedAt = start, AnsweredAt = answered, EndedAt = end, EndReason = reason,
        };

        var c1 = Call(At(9, 0), CallOutcome.Answered, wait: 10, talk: 100, hold: 20, by: a.Id, name: "Erika Mustermann");
        c1.Legs.Add(Leg(c1, a.Id, At(9, 0), At(9, 0, 10), At(9, 2, 10), CallEndReason.Normal));
        var c2 = Call(At(9, 10), CallOutcome.Answered, wait: 30, talk: 200, rona: 1, by: a.Id, number: "+4940999888");
        c2.Legs.Add(Leg(c2, b.Id, At(9, 10), null, At(9, 10, 20), CallEndReason.NoAnswer));
        c2.Legs.Add(Leg(c2, a.Id, At(9, 10, 25), At(9, 10, 30), At(9, 13, 50), CallEndReason.Normal));
        var c3 = Call(At(9, 20), CallOutcome.Abandoned, wait: 15);
        var c4 = Call(At(9, 30), CallOutcome.Abandoned, wait: 60);
        var c5 = Call(At(9, 40), CallOutcome.NotAnswered, wait: 5);
        var dayBefore = Call(D.AddMinutes(-1), CallOutcome.Answered, wait: 1, talk: 999, by: a.Id);
        dayBefore.Legs.Add(Leg(dayBefore, a.Id, D.AddMinutes(-1), D.AddMinutes(-1), D.AddMinutes(5), CallEndReason.Normal));
        var live = Call(At(11, 0), CallOutcome.Answered, wait: 3, by: a.Id, ended: false);
        db.CallRecords.AddRange(c1, c2, c3, c4, c5, dayBefore, live);

        var changes = new (DateTimeOffset At, AgentStatus From, AgentStatus To, string? Reason, Guid? Call)[]
        {
            (D.AddHours(-1), AgentStatus.LoggedOut, AgentStatus.NotReady, "Meeting", null),
            (At(8, 0), AgentStatus.NotReady, AgentStatus.Ready, null, null),
            (At(9, 0), AgentStatus.Ready, AgentStatus.Ringing, null, c1.Id),
            (At(9, 0, 10), AgentStatus.Ringing, AgentStatus.OnCall, null, c1.Id),
            (At(9, 2, 10), AgentStatus.OnCall, AgentStatus.WrapUp, null, c1.Id),
            (At(9, 2, 40), AgentStatus.WrapUp, AgentStatus.Ready, null, null),
            (At(9, 10, 30), AgentStatus.Ready, AgentStatus.OnCall, null, c2.Id),
            (At(9, 13, 50), AgentStatus.OnCall, AgentStatus.WrapUp, null, c2.Id),
            (At(9, 14, 50), AgentStatus.WrapUp, AgentStatus.NotReady, "Lunch", null),
            (At(10, 0), AgentStatus.NotReady, AgentStatus.Ready, null, null),
            (At(12, 0), AgentStatus.Ready, AgentStatus.LoggedOut, null, null),
        };
        foreach (var c in changes)
            db.AgentStateChanges.Add(new AgentStateChange { TenantId = tenant.Id, UserId = a.Id, At = c.At, From = c.From, To = c.To, Reason = c.Reason, CallId = c.Call });
        await db.SaveChangesAsync();
        return new World(tenant.Id, a.Id, b.Id, team.Id, group.Id, [c1.Id, c2.Id, c3.Id, c4.Id, c5.Id, dayBefore.Id, live.Id]);
    }

    private static readonly ReportRange Day = new(D, D.AddDays(1));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_skill_groups_figures_match_the_hand_computed_ones(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var w = await SeedAsync(database);
        await using var db = database.NewContext();
        var report = await new ReportService(db, new ManualTimeProvider(D.AddDays(30))).SkillGroupAsync(w.Tenant, w.Group, Day);
        var f = report.Figures;
        Assert.Equal(20, report.ServiceLevelSeconds);
        Assert.Equal(5, f.Offered);
        Assert.Equal(2, f.Answered);
        Assert.Equal(2, f.Abandoned);
        Assert.Equal(1, f.NotAnswered);
        Assert.Equal(1, f.Rona);
        Assert.Equal(1, f.AnsweredWithinServiceLevel);
        Assert.Equal(25.0, f.ServiceLevelPercent);        // 1 within 20 s ÷ (5 offered − 1 abandoned within 20 s)
        Assert.Equal(28.8, f.AverageWaitSeconds);         // (10 + 30 + 15 + 60) ÷ 4 = 28.75
        Assert.Equal(60, f.LongestWaitSeconds);
        Assert.Equal(150.0, f.AverageTalkSeconds);
        Assert.Equal(10.0, f.AverageHoldSeconds);
        Assert.Equal(45.0, f.AverageWrapUpSeconds);       // A's wrap-ups after calls 1 and 2: 30 s and 60 s
        Assert.Equal(0, f.MovedOn);
    }

    /// <summary>
    /// The world above and, for B: call 10 at 10:30 in skill group S (service level 60 s) answered by B after 45 s (within
    /// S's 60 s though over G's 20 s), her leg talking 90 s; call 11 at 10:50, direct to B (no skill group), answered after
    /// 5 s, talk 60 s — not a queue call, so not in the wait and service-level figures.
    /// Wait and service level over the queue calls answered: A calls 1 (10 s, within 20) and 2 (30 s, over 20); B call 10;
    /// team T all three.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Agent_and_team_figures_match_the_hand_computed_ones(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var w = await SeedAsync(database);
        await using (var seed = database.NewContext())
        {
            seed.ScopeToTenant(w.Tenant);
            var s = new SkillGroup { TenantId = w.Tenant, Name = "S", ServiceLevelSeconds = 60 };
            var c10 = new CallRecord
            {
                TenantId = w.Tenant, Direction = CallDirection.Inbound, Kind = CallKind.Queue, SkillGroupId = s.Id, CustomerNumber = "+4930557",
                OfferedAt = At(10, 30), AnsweredAt = At(10, 30, 45), EndedAt = At(10, 32, 15), WaitSeconds = 45, TalkSeconds = 90,
                Outcome = CallOutcome.Answered, AnsweredByUserId = w.B,
            };
            c10.Legs.Add(new CallLeg { TenantId = w.Tenant, CallId = c10.Id, Role = CallLegRole.Agent, UserId = w.B, StartedAt = At(10, 30, 40),
                AnsweredAt = At(10, 30, 45), EndedAt = At(10, 32, 15), EndReason = CallEndReason.CustomerHungUp });
            var c11 = new CallRecord
            {
                TenantId = w.Tenant, Direction = CallDirection.Inbound, Kind = CallKind.Direct, CustomerNumber = "+4930558",
                OfferedAt = At(10, 50), AnsweredAt = At(10, 50, 5), EndedAt = At(10, 51, 5), WaitSeconds = 5, TalkSeconds = 60,
                Outcome = CallOutcome.Answered, AnsweredByUserId = w.B,
            };
            c11.Legs.Add(new CallLeg { TenantId = w.Tenant, CallId = c11.Id, Role = CallLegRole.Agent, UserId = w.B, StartedAt = At(10, 50),
                AnsweredAt = At(10, 50, 5), EndedAt = At(10, 51, 5), EndReason = CallEndReason.CustomerHungUp });
            seed.AddRange(s, c10, c11);
            await seed.SaveChangesAsync();
        }
        await using var db = database.NewContext();
        var service = new ReportService(db, new ManualTimeProvider(D.AddDays(30)));

        var a = (await service.AgentAsync(w.Tenant, w.A, Day)).Figures;
        Assert.Equal(2, a.Offered);
        Assert.Equal(2, a.Answered);
        Assert.Equal(0, a.NotAnswered);
        Assert.Equal(100.0, a.AnsweredPercent);
        Assert.Equal(50.0, a.ServiceLevelPercent);      // call 1 within G's 20 s, call 2 over it
        Assert.Equal(20.0, a.AverageWaitSeconds);       // (10 + 30) ÷ 2
        Assert.Equal(30, a.LongestWaitSeconds);
        Assert.Equal(160.0, a.AverageTalkSeconds);      // legs of 120 s and 200 s
        Assert.Equal(10.0, a.AverageHoldSeconds);       // 20 s and 0 s on the calls A answered first
        Assert.Equal(2, a.WrapUps);
        Assert.Equal(45.0, a.AverageWrapUpSeconds);     // 30 s and 60 s
        Assert.Equal(43_200, a.LoginSeconds);           // 00:00–12:00
        Assert.Equal(11_270, a.ReadySeconds);           // 3600 + 470 + 7200
        Assert.Equal(420, a.BusySeconds);               // ringing 10 + talk 120 + 200 + wrap-up 30 + 60
        Assert.Equal(3.6, a.OccupancyPercent);          // 420 ÷ (420 + 11270)
        Assert.Equal([new PauseTime("Meeting", 28_800), new PauseTime("Lunch", 2_710)], a.PauseByReason);

        var b = (await service.AgentAsync(w.Tenant, w.B, Day)).Figures;
        Assert.Equal(3, b.Offered);                     // call 2 (RONA), calls 10 and 11
        Assert.Equal(2, b.Answered);
        Assert.Equal(1, b.NotAnswered);
        Assert.Equal(66.7, b.AnsweredPercent);          // 2 ÷ 3
        Assert.Equal(75.0, b.AverageTalkSeconds);       // (90 + 60) ÷ 2
        Assert.Equal(100.0, b.ServiceLevelPercent);     // call 10: 45 s within S's 60 s (G's 20 s would make it 0 %)
        Assert.Equal(45.0, b.AverageWaitSeconds);       // call 10 only: call 11 is direct, call 2 she did not answer
        Assert.Equal(45, b.LongestWaitSeconds);
        Assert.Null(b.OccupancyPercent);
        Assert.Equal(0, b.LoginSeconds);

        var team = await service.TeamAsync(w.Tenant, w.Team, Day);
        Assert.Equal(["Anna", "Bert"], team.Agents.Select(x => x.Name).ToArray());
        Assert.Equal(5, team.Total.Offered);
        Assert.Equal(4, team.Total.Answered);
        Assert.Equal(1, team.Total.NotAnswered);
        Assert.Equal(80.0, team.Total.AnsweredPercent);   // 4 ÷ 5
        Assert.Equal(3.6, team.Total.OccupancyPercent);
        Assert.Equal(66.7, team.Total.ServiceLevelPercent); // calls 1 and 10 within their groups' thresholds, call 2 not: 2 ÷ 3
        Assert.Equal(28.3, team.Total.AverageWaitSeconds);  // (10 + 30 + 45) ÷ 3 = 28.33
        Assert.Equal(45, team.Total.LongestWaitSeconds);
        Assert.Equal((50.0, 100.0), (team.Agents[0].Figures.ServiceLevelPercent, team.Agents[1].Figures.ServiceLevelPercent));

        var timeline = await service.TimelineAsync(w.Tenant, w.A, DateOnly.FromDateTime(D.UtcDateTime));
        Assert.Equal(10, timeline.Intervals.Count);
        Assert.Equal((AgentStatus.NotReady, "Meeting", D, At(8, 0)),
            (timeline.Intervals[0].Status, timeline.Intervals[0].Reason, timeline.Intervals[0].From, timeline.Intervals[0].To));
        Assert.Equal((AgentStatus.Ready, At(10, 0), At(12, 0)), (timeline.Intervals[^1].Status, timeline.Intervals[^1].From, timeline.Intervals[^1].To));
    }

    /// <summary>
    /// The world above and, in a second group H: call 8 at 10:30 waited 45 s in G, overflowed to H, waited 15 s more and
    /// was answered there by A (talk 60 s); call 9 at 10:40 rang B in H and the caller hung up after 8 s.
    /// G: offered 5 + 1 (call 8, moved on) = 6; not answered 1 + 1 = 2; service level 1 ÷ (6 − 1) = 20.0 %; average wait
    /// over answered and abandoned unchanged (28.8); longest wait 60. H: offered 2, answered 1, abandoned 1.
    /// B: offered 1 + 1, RONA 1, abandoned 1 (call 9); A: offered 3, answered 3; team T: abandoned 1.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_call_counts_in_each_group_it_waited_in_and_an_offer_the_caller_hung_up_on_is_the_agents_abandoned(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var w = await SeedAsync(database);
        Guid h;
        await using (var seed = database.NewContext())
        {
            seed.ScopeToTenant(w.Tenant);
            var other = new SkillGroup { TenantId = w.Tenant, Name = "H", ServiceLevelSeconds = 20 };
            h = other.Id;
            var c8 = new CallRecord
            {
                TenantId = w.Tenant, Direction = CallDirection.Inbound, Kind = CallKind.Queue, SkillGroupId = h, CustomerNumber = "+4930555",
                OfferedAt = At(10, 30), AnsweredAt = At(10, 31), EndedAt = At(10, 32), WaitSeconds = 60, TalkSeconds = 60, Outcome = CallOutcome.Answered,
                AnsweredByUserId = w.A,
            };
            c8.Legs.Add(new CallLeg { TenantId = w.Tenant, CallId = c8.Id, Role = CallLegRole.Agent, UserId = w.A, StartedAt = At(10, 30, 55), AnsweredAt = At(10, 31),
                EndedAt = At(10, 32), EndReason = CallEndReason.CustomerHungUp });
            c8.GroupWaits.Add(new CallGroupWait { TenantId = w.Tenant, CallId = c8.Id, Seq = 0, SkillGroupId = w.Group, SkillGroupName = "G", EnteredAt = At(10, 30),
                LeftAt = At(10, 30, 45), MovedOn = true });
            c8.GroupWaits.Add(new CallGroupWait { TenantId = w.Tenant, CallId = c8.Id, Seq = 1, SkillGroupId = h, SkillGroupName = "H", EnteredAt = At(10, 30, 45), LeftAt = At(10, 31) });
            var c9 = new CallRecord
            {
                TenantId = w.Tenant, Direction = CallDirection.Inbound, Kind = CallKind.Queue, SkillGroupId = h, CustomerNumber = "+4930556",
                OfferedAt = At(10, 40), EndedAt = At(10, 40, 8), WaitSeconds = 8, Outcome = CallOutcome.Abandoned, EndReason = CallEndReason.AbandonedWhileRinging,
            };
            c9.Legs.Add(new CallLeg { TenantId = w.Tenant, CallId = c9.Id, Role = CallLegRole.Agent, UserId = w.B, StartedAt = At(10, 40, 2), EndedAt = At(10, 40, 8),
                EndReason = CallEndReason.AbandonedWhileRinging });
            seed.AddRange(other, c8, c9);
            await seed.SaveChangesAsync();
        }
        await using var db = database.NewContext();
        var service = new ReportService(db, new ManualTimeProvider(D.AddDays(30)));

        var g = (await service.SkillGroupAsync(w.Tenant, w.Group, Day)).Figures;
        Assert.Equal((6, 2, 2, 2, 1), (g.Offered, g.Answered, g.Abandoned, g.NotAnswered, g.MovedOn));
        Assert.Equal(20.0, g.ServiceLevelPercent);
        Assert.Equal(28.8, g.AverageWaitSeconds);
        Assert.Equal(60, g.LongestWaitSeconds);
        var hFigures = (await service.SkillGroupAsync(w.Tenant, h, Day)).Figures;
        Assert.Equal((2, 1, 1, 0, 0), (hFigures.Offered, hFigures.Answered, hFigures.Abandoned, hFigures.NotAnswered, hFigures.MovedOn));
        Assert.Equal(34.0, hFigures.AverageWaitSeconds);   // (60 + 8) ÷ 2: a call's wait in its last group is its whole wait

        var b = (await service.AgentAsync(w.Tenant, w.B, Day)).Figures;
        Assert.Equal((2, 0, 1, 1), (b.Offered, b.Answered, b.NotAnswered, b.Abandoned));
        Assert.Equal(0.0, b.AnsweredPercent);               // answered ÷ (answered + RONA): the abandoned offer counts neither way
        var a = (await service.AgentAsync(w.Tenant, w.A, Day)).Figures;
        Assert.Equal((3, 3, 0, 0), (a.Offered, a.Answered, a.NotAnswered, a.Abandoned));
        var team = await service.TeamAsync(w.Tenant, w.Team, Day);
        Assert.Equal((5, 3, 1, 1), (team.Total.Offered, team.Total.Answered, team.Total.NotAnswered, team.Total.Abandoned));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task The_record_search_finds_substrings_pages_by_keyset_and_shows_agents_only_their_calls(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var w = await SeedAsync(database);
        var clock = new ManualTimeProvider(D.AddDays(30));
        var range = new CallRecordFilter { From = D.AddDays(-1), To = D.AddDays(1) };

        await using var db = database.NewContext();
        var search = new CallRecordSearch(db, clock);
        var admin = await search.ViewerAsync(w.Tenant, null, UserRoles.None);
        async Task<List<Guid>> Find(RecordViewer viewer, CallRecordFilter filter) =>
            (await search.SearchAsync(viewer, filter, CallRecordSort.NewestFirst, null, 50)).Items.Select(r => r.Id).ToList();

        Assert.Equal([w.Calls[6], w.Calls[4], w.Calls[3], w.Calls[2], w.Calls[1], w.Calls[0], w.Calls[5]], await Find(admin, range));
        Assert.Equal([w.Calls[0]], await Find(admin, range with { Search = "MUSTER" }));
        Assert.Equal([w.Calls[1]], await Find(admin, range with { Search = "0999" }));
        Assert.Equal([w.Calls[3], w.Calls[2]], await Find(admin, range with { Outcome = CallOutcome.Abandoned }));
        Assert.Equal([w.Calls[1], w.Calls[0], w.Calls[5]], await Find(admin, range with { AgentId = w.A }));
        Assert.Equal([w.Calls[1]], await Find(admin, range with { AgentId = w.B }));
        Assert.Equal([w.Calls[1]], await Find(admin, range with { AgentId = w.A, Search = "0999" }));
        Assert.Equal([w.Calls[0]], await Find(admin, range with { AgentId = w.A, From = D.AddMinutes(-1).AddSeconds(30), To = At(9, 5) }));

        var anna = await search.ViewerAsync(w.Tenant, w.A, UserRoles.Agent);
        Assert.Equal([w.Calls[1], w.Calls[0], w.Calls[5]], await Find(anna, range));
        var bert = await search.ViewerAsync(w.Tenant, w.B, UserRoles.Agent);
        Assert.Equal([w.Calls[1]], await Find(bert, range));   // the call that rang him

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await search.SearchAsync(admin, range, CallRecordSort.OldestFirst, cursor, 2);
            seen.AddRange(page.Items.Select(r => r.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        Assert.Equal([w.Calls[5], w.Calls[0], w.Calls[1], w.Calls[2], w.Calls[3], w.Calls[4], w.Calls[6]], seen);
    }

    /// <summary>
    /// The skill-group filter finds a call in every group the caller waited in: call 8 waited in G, overflowed to H and was
    /// answered there by B (its record names H, its wait in G moved on). Pages by keyset through both parts.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task The_skill_group_filter_finds_a_call_in_the_group_it_overflowed_from_and_pages_through_it(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var w = await SeedAsync(database);
        Guid overflowed, h;
        await using (var seed = database.NewContext())
        {
            seed.ScopeToTenant(w.Tenant);
            var other = new SkillGroup { TenantId = w.Tenant, Name = "H" };
            var c8 = new CallRecord
            {
                TenantId = w.Tenant, Direction = CallDirection.Inbound, Kind = CallKind.Queue, SkillGroupId = other.Id, CustomerNumber = "+4930555",
                OfferedAt = At(9, 50), AnsweredAt = At(9, 51), EndedAt = At(9, 53), WaitSeconds = 60, TalkSeconds = 120, Outcome = CallOutcome.Answered,
                AnsweredByUserId = w.B,
            };
            c8.Legs.Add(new CallLeg { TenantId = w.Tenant, CallId = c8.Id, Role = CallLegRole.Agent, UserId = w.B, StartedAt = At(9, 50, 50), AnsweredAt = At(9, 51), EndedAt = At(9, 53) });
            c8.GroupWaits.Add(new CallGroupWait { TenantId = w.Tenant, CallId = c8.Id, Seq = 0, SkillGroupId = w.Group, SkillGroupName = "G", EnteredAt = At(9, 50), LeftAt = At(9, 50, 30), MovedOn = true });
            c8.GroupWaits.Add(new CallGroupWait { TenantId = w.Tenant, CallId = c8.Id, Seq = 1, SkillGroupId = other.Id, SkillGroupName = "H", EnteredAt = At(9, 50, 30), LeftAt = At(9, 51) });
            seed.AddRange(other, c8);
            await seed.SaveChangesAsync();
            (overflowed, h) = (c8.Id, other.Id);
        }

        await using var db = database.NewContext();
        var search = new CallRecordSearch(db, new ManualTimeProvider(D.AddDays(30)));
        var admin = await search.ViewerAsync(w.Tenant, null, UserRoles.None);
        var range = new CallRecordFilter { From = D.AddDays(-1), To = D.AddDays(1) };
        async Task<List<Guid>> Find(CallRecordFilter filter, CallRecordSort sort = CallRecordSort.NewestFirst) =>
            (await search.SearchAsync(admin, filter, sort, null, 50)).Items.Select(r => r.Id).ToList();

        Assert.Equal([w.Calls[6], overflowed, w.Calls[4], w.Calls[3], w.Calls[2], w.Calls[1], w.Calls[0], w.Calls[5]], await Find(range with { SkillGroupId = w.Group }));
        Assert.Equal([overflowed], await Find(range with { SkillGroupId = h }));
        Assert.Equal([overflowed, w.Calls[1]], await Find(range with { SkillGroupId = w.Group, AgentId = w.B }));
        Assert.Equal([overflowed], await Find(range with { SkillGroupId = w.Group, Outcome = CallOutcome.Answered, From = At(9, 45), To = At(10, 0) }));
        Assert.Empty(await Find(range with { SkillGroupId = w.Group, From = At(9, 55), To = At(10, 0) }));
        // The export (one query, not paged) finds the same calls.
        var exported = new List<Guid>();
        await foreach (var r in search.StreamAsync(admin, range with { SkillGroupId = w.Group }, CallRecordSort.OldestFirst)) exported.Add(r.Id);
        Assert.Equal([w.Calls[5], w.Calls[0], w.Calls[1], w.Calls[2], w.Calls[3], w.Calls[4], overflowed, w.Calls[6]], exported);

        foreach (var size in new[] { 1, 2, 3 })
        {
            var seen = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await search.SearchAsync(admin, range with { SkillGroupId = w.Group }, CallRecordSort.OldestFirst, cursor, size);
                seen.AddRange(page.Items.Select(r => r.Id));
                cursor = page.NextCursor;
            } while (cursor is not null);
            Assert.Equal(exported, seen);
        }
    }

    /// <summary>
    /// A search whose matches span many slices (SQLite reads its trigram table in time order, 200 matches first, then more):
    /// every page holds the right records in the right order, also where several records share an instant or a
    /// microsecond (one key of the search table), with a filter that drops most matches, both ways; a record whose offer
    /// time changes is found at its new time, a deleted one no more.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_search_with_many_matches_pages_in_time_order_across_slices_and_shared_instants(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var w = await SeedAsync(database);
        var records = new List<CallRecord>();
        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(w.Tenant);
            for (var n = 0; n < 1_500; n++)
            {
                // Groups of 7 records share a microsecond (one key of SQLite's search table), written newest first: 0.3, 0.2,
                // 0.2, 0.1, 0.1, 0 and 0 µs into it (PostgreSQL keeps microseconds: there they share an instant).
                var k = n % 7;
                var offered = D.AddHours(13).AddSeconds(n / 7).AddTicks((6 - k) / 2);
                var named = k != 3 ? $"Nordmann {n}" : $"Sued {n}";
                var record = new CallRecord
                {
                    TenantId = w.Tenant, Direction = CallDirection.Inbound, Kind = CallKind.Queue, CustomerNumber = $"+4930{n:D6}",
                    CustomerName = named, OfferedAt = offered, EndedAt = offered.AddSeconds(5),
                    Outcome = k is 0 or 2 or 5 or 6 ? CallOutcome.Answered : CallOutcome.Abandoned,
                };
                if (k is 0 or 5) // Anna's calls
                    record.Legs.Add(new CallLeg { TenantId = w.Tenant, CallId = record.Id, Role = CallLegRole.Agent, UserId = w.A, StartedAt = offered, EndedAt = offered.AddSeconds(5) });
                records.Add(record);
            }
            db.CallRecords.AddRange(records);
            await db.SaveChangesAsync();
        }
        var range = new CallRecordFilter { From = D, To = D.AddDays(1), Search = "nordmann", Outcome = CallOutcome.Answered };
        List<Guid> Expected(CallRecordSort sort, bool annasOnly = false)
        {
            var hits = records.Where(r => r.CustomerName!.StartsWith("Nordmann", StringComparison.Ordinal) && r.Outcome == CallOutcome.Answered
                && (!annasOnly || r.Legs.Any(l => l.UserId == w.A)));
            var precision = provider == DatabaseProvider.PostgreSql ? 10 : 1; // ticks per stored unit
            var ordered = hits.OrderBy(r => r.OfferedAt.UtcTicks / precision).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal).Select(r => r.Id).ToList();
            if (sort == CallRecordSort.NewestFirst) ordered.Reverse();
            return ordered;
        }
        async Task<List<Guid>> PageThrough(CallRecordFilter filter, CallRecordSort sort, int size)
        {
            await using var db = database.NewContext();
            var search = new CallRecordSearch(db, new ManualTimeProvider(D.AddDays(30)));
            var admin = await search.ViewerAsync(w.Tenant, null, UserRoles.None);
            var seen = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await search.SearchAsync(admin, filter, sort, cursor, size);
                Assert.True(page.Items.Count == size || page.NextCursor is null, "a page is full unless it is the last");
                seen.AddRange(page.Items.Select(r => r.Id));
                cursor = page.NextCursor;
            } while (cursor is not null);
            return seen;
        }

        Assert.InRange(Expected(CallRecordSort.NewestFirst).Count, 800, 900); // more than the first slices of matches (200, 800)
        Assert.Equal(Expected(CallRecordSort.NewestFirst), await PageThrough(range, CallRecordSort.NewestFirst, 7));
        Assert.Equal(Expected(CallRecordSort.OldestFirst), await PageThrough(range, CallRecordSort.OldestFirst, 7));
        Assert.Equal(Expected(CallRecordSort.NewestFirst), await PageThrough(range, CallRecordSort.NewestFirst, 200));
        Assert.InRange(Expected(CallRecordSort.NewestFirst, annasOnly: true).Count, 400, 450);
        Assert.Equal(Expected(CallRecordSort.NewestFirst, annasOnly: true), await PageThrough(range with { AgentId = w.A }, CallRecordSort.NewestFirst, 6));
        Assert.Equal(Expected(CallRecordSort.OldestFirst, annasOnly: true), await PageThrough(range with { AgentId = w.A }, CallRecordSort.OldestFirst, 50));
        // A time range inside the matches: from the 100th second to the 200th.
        var inside = range with { From = D.AddHours(13).AddSeconds(100), To = D.AddHours(13).AddSeconds(200) };
        Assert.Equal(Expected(CallRecordSort.OldestFirst).Where(id => records.Single(r => r.Id == id).OfferedAt >= inside.From
            && records.Single(r => r.Id == id).OfferedAt < inside.To).ToList(), await PageThrough(inside, CallRecordSort.OldestFirst, 4));

        // An offer time that changes (a provisional record completed at the call's end) and a deleted record.
        var moved = records.First(r => r.Outcome == CallOutcome.Answered && r.CustomerName!.StartsWith("Nordmann", StringComparison.Ordinal));
        var gone = records.Last(r => r.Outcome == CallOutcome.Answered && r.CustomerName!.StartsWith("Nordmann", StringComparison.Ordinal));
        await using (var db = database.NewContext())
        {
            db.ScopeToTenant(w.Tenant);
            var row = await db.CallRecords.SingleAsync(r => r.Id == moved.Id);
            row.OfferedAt = D.AddHours(20);
            db.CallRecords.Remove(await db.CallRecords.SingleAsync(r => r.Id == gone.Id));
            await db.SaveChangesAsync();
        }
        moved.OfferedAt = D.AddHours(20);
        records.Remove(gone);
        var afterChange = await PageThrough(range, CallRecordSort.NewestFirst, 9);
        Assert.Equal(moved.Id, afterChange[0]);
        Assert.Equal(Expected(CallRecordSort.NewestFirst), afterChange);
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var db = database.NewContext();
            var indexed = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM \"CallRecordSearch\"").SingleAsync();
            Assert.Equal(await db.ScopeToSystem().CallRecords.LongCountAsync(), indexed);
        }
    }
}
