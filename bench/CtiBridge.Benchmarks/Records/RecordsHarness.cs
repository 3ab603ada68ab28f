using System.Diagnostics;
using CtiBridge.Application.Records;
using CtiBridge.Application.Reports;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using AgentStateChange = CtiBridge.Data.Entities.AgentStateChange;

namespace CtiBridge.Benchmarks.Records;

/// <summary>
/// <c>load records &lt;sqlite|postgres&gt; &lt;records&gt; [connection string]</c>: generates a tenant with 500 agents (50 teams
/// of 10, 10 skill groups) and N call records over the last 12 months (agent legs, 10 % recorded, dispositions), plus a
/// month of state changes for one team; then times each search filter alone and combined (first page and page 500, as
/// a tenant admin over the 12 months, and the agent-visibility query), a CSV export of 10,000 and 100,000 rows (rows/s,
/// peak working set), and a month's team report. Prints medians and p95 for docs/benchmarks.md.
/// </summary>
public sealed class RecordsHarness : ILoadHarness
{
    public string Name => "records";
    private const int Agents = 500;
    private const int PageSize = 50;
    private const int Reps = 15;

    public async Task RunAsync(string[] args)
    {
        var provider = args.Length > 0 && args[0].StartsWith("p", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var count = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Environment.GetEnvironmentVariable("CTI_BENCH_RECORDS_DB") ?? Path.Combine(Path.GetTempPath(), $"records-bench-{Guid.NewGuid():N}.db")}"
                : args.Length > 2 ? args[2] : throw new ArgumentException("PostgreSQL needs a connection string (third argument)."),
        };
        CtiDbContext NewContext()
        {
            var b = new DbContextOptionsBuilder<CtiDbContext>();
            options.Configure(b);
            return new CtiDbContext(b.Options);
        }
        await using (var db = NewContext()) await new SchemaMigrator().MigrateAsync(db);

        var now = DateTimeOffset.UtcNow;
        var sw = Stopwatch.StartNew();
        // CTI_BENCH_RECORDS_REUSE=1: time the searches on the bench tenant a previous run left in the database
        // (SQLite: CTI_BENCH_RECORDS_DB=<file> names it) instead of generating another.
        var reused = Environment.GetEnvironmentVariable("CTI_BENCH_RECORDS_REUSE") == "1" ? await ExistingAsync(NewContext) : null;
        if (reused is not null) now = reused.Value.Now;
        var world = reused?.World ?? await GenerateAsync(NewContext, count, now);
        if (reused is not null) Console.WriteLine($"{provider}: reusing the bench tenant generated at {now:u}");
        else Console.WriteLine($"{provider}: generated {count:N0} records ({world.Legs:N0} legs, {world.Recordings:N0} recordings, {world.Waits:N0} group waits, {world.StateChanges:N0} state changes) in {sw.Elapsed.TotalSeconds:F0} s");
        if (reused is null)
        {
            sw.Restart();
            await using var db = NewContext();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.PostgreSql ? "VACUUM ANALYZE" : "ANALYZE");
            Console.WriteLine($"{provider}: analysed in {sw.Elapsed.TotalSeconds:F0} s");
        }

        var year = new CallRecordFilter { From = now.AddMonths(-12).AddDays(-1), To = now.AddDays(1) };
        await using (var db = NewContext())
        {
            // What the data holds for the new filters (not timed).
            db.ScopeToTenant(world.Tenant);
            var tenantId = world.Tenant;
            var group = world.Groups[3];
            var records = db.CallRecords.Where(c => c.TenantId == tenantId);
            var waits = db.CallGroupWaits.Where(w => w.TenantId == tenantId);
            Console.WriteLine($"{provider}: group waits {await waits.CountAsync():N0} ({await waits.CountAsync(w => w.MovedOn):N0} moved on); " +
                $"group 3: named by {await records.CountAsync(c => c.SkillGroupId == group):N0} records, moved on from by {await waits.CountAsync(w => w.SkillGroupId == group && w.MovedOn):N0}; " +
                $"outbound {await records.CountAsync(c => c.Kind == CallKind.Outbound):N0}, task-dialled {await records.CountAsync(c => c.Kind == CallKind.Outbound && c.DialTaskId != null):N0}; " +
                $"CustomerHungUp {await records.CountAsync(c => c.EndReason == CallEndReason.CustomerHungUp):N0}, AgentHungUp {await records.CountAsync(c => c.EndReason == CallEndReason.AgentHungUp):N0}");
        }
        var filters = new (string Name, CallRecordFilter Filter)[]
        {
            ("none (12 months)", year),
            ("direction=Outbound", year with { Direction = CallDirection.Outbound }),
            ("kind=Internal", year with { Kind = CallKind.Internal }),
            ("skillGroup", year with { SkillGroupId = world.Groups[3] }),
            ("skillGroup+outcome=Answered", year with { SkillGroupId = world.Groups[3], Outcome = CallOutcome.Answered }),
            ("skillGroup+outcome=Abandoned", year with { SkillGroupId = world.Groups[3], Outcome = CallOutcome.Abandoned }),
            ("agent", year with { AgentId = world.AgentIds[42] }),
            ("search number (7 digits)", year with { Search = "5550123" }),
            ("search name", year with { Search = "müller" }),
            ("outcome=Abandoned", year with { Outcome = CallOutcome.Abandoned }),
            ("endReason=NoAnswer", year with { EndReason = CallEndReason.NoAnswer }),
            ("endReason=CustomerHungUp", year with { EndReason = CallEndReason.CustomerHungUp }),
            ("minTalk=600", year with { MinTalkSeconds = 600 }),
            ("disposition", year with { DispositionId = world.Dispositions[1] }),
            ("hasRecording", year with { HasRecording = true }),
            ("today (default range)", new CallRecordFilter { From = now.Date.ToUniversalTime() }),
            ("group+outcome+minTalk", year with { SkillGroupId = world.Groups[3], Outcome = CallOutcome.Answered, MinTalkSeconds = 120 }),
            ("agent+hasRecording+direction", year with { AgentId = world.AgentIds[42], HasRecording = true, Direction = CallDirection.Inbound }),
            ("type=Transferred (none: worst case)", year with { Type = CallRecordType.Transferred }),
            ("type=ManualOutbound+minTalk", year with { Type = CallRecordType.ManualOutbound, MinTalkSeconds = 300 }),
            ("type=TaskDialled", year with { Type = CallRecordType.TaskDialled }),
            ("month+search number+outcome", new CallRecordFilter { From = now.AddMonths(-1), To = now, Search = "5550", Outcome = CallOutcome.Answered }),
            ("search name+outcome=Abandoned", year with { Search = "müller", Outcome = CallOutcome.Abandoned }),
            ("search name+agent (rare: every match of the year read)", year with { Search = "müller", AgentId = world.AgentIds[42] }),
        };
        Console.WriteLine("| filter | matches | first page p50 | p95 | page 500 p50 | p95 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var time = TimeProvider.System;
        foreach (var (name, filter) in filters)
        {
            await using var db = NewContext();
            var search = new CallRecordSearch(db, time);
            var admin = await search.ViewerAsync(world.Tenant, null, UserRoles.None);
            var matches = await CountAsync(NewContext, search, admin, filter);
            var first = await TimeAsync(() => search.SearchAsync(admin, filter, CallRecordSort.NewestFirst, null, PageSize));
            var cursor = await CursorAtAsync(NewContext, world.Tenant, filter, (500 - 1) * PageSize);
            (double P50, double P95)? page500 = cursor is null ? null : await TimeAsync(() => search.SearchAsync(admin, filter, CallRecordSort.NewestFirst, cursor, PageSize));
            Console.WriteLine($"| {name} | {matches:N0} | {first.P50:F1} ms | {first.P95:F1} ms | {(page500 is { } p ? $"{p.P50:F1} ms | {p.P95:F1} ms" : "(fewer than 500 pages) | –")} |");
        }
        {
            await using var db = NewContext();
            var search = new CallRecordSearch(db, time);
            var agent = await search.ViewerAsync(world.Tenant, world.AgentIds[42], UserRoles.Agent);
            var first = await TimeAsync(() => search.SearchAsync(agent, year, CallRecordSort.NewestFirst, null, PageSize));
            Console.WriteLine($"| agent's own calls (visibility), 12 months | – | {first.P50:F1} ms | {first.P95:F1} ms | – | – |");
            var super = await search.ViewerAsync(world.Tenant, world.SupervisorId, UserRoles.Supervisor);
            var sup = await TimeAsync(() => search.SearchAsync(super, year, CallRecordSort.NewestFirst, null, PageSize));
            Console.WriteLine($"| supervisor's team (10 agents), 12 months | – | {sup.P50:F1} ms | {sup.P95:F1} ms | – | – |");
        }

        // CSV export: 10,000 rows then 100,000 rows (OldestFirst from a start chosen to give that many).
        foreach (var rows in new[] { 10_000, 100_000 })
        {
            await using var db = NewContext();
            var search = new CallRecordSearch(db, time);
            var admin = await search.ViewerAsync(world.Tenant, null, UserRoles.None);
            var from = await db.ScopeToTenant(world.Tenant).CallRecords.OrderByDescending(c => c.OfferedAt).ThenByDescending(c => c.Id)
                .Skip(rows - 1).Select(c => (DateTimeOffset?)c.OfferedAt).FirstOrDefaultAsync() ?? now.AddYears(-2);
            var csv = new CallRecordCsv(search);
            GC.Collect();
            var before = Process.GetCurrentProcess().WorkingSet64;
            var sink = new CountingStream();
            var t = Stopwatch.StartNew();
            var written = await csv.WriteAsync(sink, admin, new CallRecordFilter { From = from, To = now.AddDays(1) }, CallRecordSort.OldestFirst);
            t.Stop();
            var proc = Process.GetCurrentProcess();
            Console.WriteLine($"export {written:N0} rows: {t.Elapsed.TotalSeconds:F2} s = {written / t.Elapsed.TotalSeconds:N0} rows/s, {sink.Length / 1_048_576.0:F1} MiB; working set {before / 1_048_576} → {proc.WorkingSet64 / 1_048_576} MiB, peak {proc.PeakWorkingSet64 / 1_048_576} MiB");
        }

        // A month's team report.
        {
            await using var db = NewContext();
            var reports = new ReportService(db, time);
            var range = new ReportRange(now.AddMonths(-1), now);
            var team = await TimeAsync(() => reports.TeamAsync(world.Tenant, world.Team, range), reps: 5);
            await using var db2 = NewContext();
            var groupReport = await TimeAsync(() => new ReportService(db2, time).SkillGroupAsync(world.Tenant, world.Groups[3], range), reps: 5);
            Console.WriteLine($"team report, one month (10 agents): p50 {team.P50:F0} ms, p95 {team.P95:F0} ms; skill group report, one month: p50 {groupReport.P50:F0} ms, p95 {groupReport.P95:F0} ms");
        }
    }

    /// <summary>The bench tenant of an earlier run (its agents, groups and dispositions in generation order), or null.</summary>
    private static async Task<(World World, DateTimeOffset Now)?> ExistingAsync(Func<CtiDbContext> newContext)
    {
        await using var db = newContext();
        var tenant = await db.ScopeToSystem().Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Domain == "bench");
        if (tenant is null) return null;
        db.ScopeToTenant(tenant.Id);
        var agents = await db.Users.Where(u => u.Username.StartsWith("agent")).OrderBy(u => u.Username).Select(u => u.Id).ToListAsync();
        var groups = (await db.SkillGroups.Select(g => new { g.Id, g.Name }).ToListAsync()).OrderBy(g => int.Parse(g.Name[6..])).Select(g => g.Id).ToList();
        var dispositions = await db.Dispositions.OrderBy(d => d.Code).Select(d => d.Id).ToListAsync();
        var super = await db.Users.Where(u => u.Username == "super").Select(u => u.Id).SingleAsync();
        var team = await db.Teams.Where(t => t.Name == "Team 4").Select(t => t.Id).SingleAsync();
        return (new World(tenant.Id, agents, super, team, groups, dispositions, 0, 0, 0), tenant.CreatedAt.AddYears(2));
    }

    private static async Task<int> CountAsync(Func<CtiDbContext> newContext, CallRecordSearch search, RecordViewer viewer, CallRecordFilter filter)
    {
        var n = 0;
        string? cursor = null;
        // Counted through the product's own pages, capped (the count is for the table, not timed).
        do
        {
            var page = await search.SearchAsync(viewer, filter, CallRecordSort.NewestFirst, cursor, 200);
            n += page.Items.Count;
            cursor = page.NextCursor;
        } while (cursor is not null && n < 30_000);
        return n;
    }

    /// <summary>The cursor after the row at <paramref name="offset"/> (newest first), as a reader who paged that far holds it.</summary>
    private static async Task<string?> CursorAtAsync(Func<CtiDbContext> newContext, Guid tenant, CallRecordFilter filter, int offset)
    {
        await using var db = newContext();
        var search = new CallRecordSearch(db, TimeProvider.System);
        var admin = await search.ViewerAsync(tenant, null, UserRoles.None);
        string? cursor = null;
        var seen = 0;
        while (seen < offset)
        {
            var page = await search.SearchAsync(admin, filter, CallRecordSort.NewestFirst, cursor, 200);
            if (page.Items.Count == 0 || page.NextCursor is null) return null;
            var take = Math.Min(200, offset - seen);
            seen += take;
            var last = page.Items[take - 1];
            cursor = CallRecordSearch.EncodeCursor(last.OfferedAt, last.Id);
        }
        return cursor;
    }

    private static async Task<(double P50, double P95)> TimeAsync<T>(Func<Task<T>> run, int reps = Reps)
    {
        await run(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < reps; i++)
        {
            var t = Stopwatch.StartNew();
            await run();
            times.Add(t.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    }

    private sealed record World(Guid Tenant, List<Guid> AgentIds, Guid SupervisorId, Guid Team, List<Guid> Groups, List<Guid> Dispositions,
        long Legs, long Recordings, long StateChanges, long Waits = 0);

    private static async Task<World> GenerateAsync(Func<CtiDbContext> newContext, int count, DateTimeOffset now)
    {
        var rnd = new Random(22); // the state changes only
        var tenant = new Tenant { Domain = "bench", Name = "Bench", Enabled = true, CreatedAt = now.AddYears(-2) };
        var agents = new List<User>();
        var groups = new List<SkillGroup>();
        var dispositions = new List<Disposition>();
        var dialTasks = new List<DialTask>();
        Guid supervisorId, teamId;
        await using (var db = newContext())
        {
            db.ScopeToSystem().Tenants.Add(tenant);
            await db.SaveChangesAsync();
            db.ScopeToTenant(tenant.Id);
            for (var i = 0; i < Agents; i++)
                agents.Add(new User { TenantId = tenant.Id, Username = $"agent{i:D3}", DisplayName = $"Agent {i}", Roles = UserRoles.Agent, PasswordHash = "x", CreatedAt = now });
            var super = new User { TenantId = tenant.Id, Username = "super", DisplayName = "Super", Roles = UserRoles.Supervisor, PasswordHash = "x", CreatedAt = now };
            db.Users.AddRange(agents);
            db.Users.Add(super);
            for (var t = 0; t < Agents / 10; t++)
            {
                var team = new Team { TenantId = tenant.Id, Name = $"Team {t}" };
                for (var m = 0; m < 10; m++) team.Members.Add(new TeamMember { TenantId = tenant.Id, TeamId = team.Id, UserId = agents[t * 10 + m].Id });
                if (t == 4) team.Supervisors.Add(new TeamSupervisor { TenantId = tenant.Id, TeamId = team.Id, UserId = super.Id });
                db.Teams.Add(team);
            }
            for (var g = 0; g < 10; g++) groups.Add(new SkillGroup { TenantId = tenant.Id, Name = $"Group {g}" });
            for (var d = 0; d < 8; d++) dispositions.Add(new Disposition { TenantId = tenant.Id, Code = $"D{d}", Name = $"Outcome {d}" });
            db.SkillGroups.AddRange(groups);
            // Each agent serves two groups, so a supervisor also sees her groups' unanswered calls (RecordViewer.UnansweredOfGroups).
            for (var i = 0; i < Agents; i++)
                foreach (var g in new[] { i % 10, i / 10 % 10 }.Distinct())
                    db.SkillGroupMemberships.Add(new SkillGroupMembership { TenantId = tenant.Id, SkillGroupId = groups[g].Id, UserId = agents[i].Id });
            db.Dispositions.AddRange(dispositions);
            // The dial tasks the task-dialled outbound calls were placed for (records carry the id; no foreign key).
            for (var t = 0; t < 4; t++)
                dialTasks.Add(new DialTask { TenantId = tenant.Id, Name = $"Task {t}", Status = DialTaskStatus.Completed,
                    FirstDay = DateOnly.FromDateTime(now.AddMonths(-12).UtcDateTime), LastDay = DateOnly.FromDateTime(now.UtcDateTime),
                    DailyStart = new TimeOnly(8, 0), DailyEnd = new TimeOnly(18, 0), CreatedAt = now.AddMonths(-13) });
            db.DialTasks.AddRange(dialTasks);
            await db.SaveChangesAsync();
            supervisorId = super.Id;
            teamId = (await db.Teams.SingleAsync(t => t.Name == "Team 4")).Id;
        }

        long states = 0;
        var sw = Stopwatch.StartNew();
        long legs, recordings, waits;
        await using (var gen = newContext())
            (legs, recordings, waits) = await RecordsGenerator.WriteAsync(gen, tenant.Id, agents.Select(a => a.Id).ToList(), groups.Select(g => g.Id).ToList(),
                dispositions.Select(d => d.Id).ToList(), dialTasks.Select(t => t.Id).ToList(), count, now.AddMonths(-12), now);
        Console.WriteLine($"  records, legs, group waits and recordings written in {sw.Elapsed.TotalSeconds:F0} s");

        // A month of state changes for Team 4's agents: Ready 8:00, calls, a lunch, logout 17:00, every day.
        await using (var db = newContext())
        {
            db.ScopeToTenant(tenant.Id);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var m = 40; m < 50; m++)
            {
                for (var day = now.Date.AddDays(-31); day < now.Date; day = day.AddDays(1))
                {
                    var t = new DateTimeOffset(day, TimeSpan.Zero).AddHours(8);
                    var status = AgentStatus.LoggedOut;
                    void Go(AgentStatus to, string? reason = null)
                    {
                        db.AgentStateChanges.Add(new AgentStateChange { TenantId = tenant.Id, UserId = agents[m].Id, At = t, From = status, To = to, Reason = reason });
                        status = to;
                        states++;
                    }
                    Go(AgentStatus.Ready);
                    for (var c = 0; c < 12; c++)
                    {
                        t = t.AddMinutes(rnd.Next(5, 20)); Go(AgentStatus.Ringing);
                        t = t.AddSeconds(8); Go(AgentStatus.OnCall);
                        t = t.AddSeconds(rnd.Next(60, 600)); Go(AgentStatus.WrapUp);
                        t = t.AddSeconds(30); Go(c == 6 ? AgentStatus.NotReady : AgentStatus.Ready, c == 6 ? "Lunch" : null);
                        if (c == 6) { t = t.AddMinutes(30); Go(AgentStatus.Ready); }
                    }
                    t = new DateTimeOffset(day, TimeSpan.Zero).AddHours(17); Go(AgentStatus.LoggedOut);
                }
            }
            await db.SaveChangesAsync();
        }
        return new World(tenant.Id, agents.Select(a => a.Id).ToList(), supervisorId, teamId, groups.Select(g => g.Id).ToList(),
            dispositions.Select(d => d.Id).ToList(), legs, recordings, states, waits);
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        private long _length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { _length += buffer.Length; return ValueTask.CompletedTask; }
    }
}
