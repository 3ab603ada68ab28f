using System.Diagnostics;
using CtiBridge.Data;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Benchmarks.Records;

/// <summary>
/// Writes the call records, their agent legs and recordings set-based in the database (chunks of 100,000: a recursive CTE
/// on SQLite, generate_series on PostgreSQL), so the search triggers and indexes do the work they do in production
/// without a million round trips through EF Core. Every value is a function of the record's number n (a hash), so both
/// providers hold the same data: record n is offered at start + n·step + (hash mod step) — unique instants, written in
/// time order as a running service writes them — 70 % queue, 10 % direct, 15 % outbound, 5 % internal; 80 % answered,
/// 10 % abandoned, 5 % not answered, 3 % busy, 2 % failed; one of 500 agents; 1 in 3 with a customer name (10 surnames);
/// half the answered calls with a disposition, 1 in 8 recorded; answered calls end CustomerHungUp (60 %) or AgentHungUp
/// (40 %); 1 in 3 outbound calls placed for one of the dial tasks (DialTaskId). Every queue call has its group waits as
/// the service writes them (<c>CallGroupWaits</c>): one in its group, or — 1 in 10 — first one in another group the caller
/// left (<c>MovedOn</c>, an overflow), then one in the group the record names. Ids are random UUIDs, as the service writes them.
/// </summary>
internal static class RecordsGenerator
{
    private const int Chunk = 100_000;
    private const long P = 2147483647; // 2^31 - 1
    private static readonly (long M, long C)[] Mix =
        [(48271, 11), (69621, 23), (16807, 37), (39373, 41), (40692, 53), (40014, 67), (63308, 79), (950706376, 83), (742938285, 97)];
    public static readonly string[] Surnames = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"];

    /// <summary>A hash of n in [0, 2^31 - 1), the same in C#, SQLite and PostgreSQL (64-bit integer arithmetic).</summary>
    private static string Hash(string n, int k) =>
        $"((({n} * {Mix[k].M} + {Mix[k].C}) % {P}) * (({n} * {Mix[k].M} + {Mix[k].C}) % {P}) % {P})";

    public static async Task<(long Legs, long Recordings, long Waits)> WriteAsync(CtiDbContext gen, Guid tenant, IReadOnlyList<Guid> agents,
        IReadOnlyList<Guid> groups, IReadOnlyList<Guid> dispositions, IReadOnlyList<Guid> dialTasks, int count, DateTimeOffset start, DateTimeOffset end)
    {
        await gen.Database.OpenConnectionAsync(); // one session throughout: the bench_* tables are temporary
        gen.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var pg = gen.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        string Id(Guid g) => pg ? $"'{g}'::uuid" : $"'{g.ToString().ToUpperInvariant()}'";
        var idType = pg ? "uuid" : "text";
        var newId = pg ? "gen_random_uuid()"
            : "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
        string T(string micros) => pg
            ? $"(timestamptz 'epoch' + ({micros}) * interval '1 microsecond')"
            : $"(strftime('%Y-%m-%d %H:%M:%S', ({micros}) / 1000000, 'unixepoch') || CASE WHEN ({micros}) % 1000000 = 0 THEN '' ELSE '.' || rtrim(printf('%06d', ({micros}) % 1000000), '0') END)";
        var yes = pg ? "true" : "1";
        var no = pg ? "false" : "0";
        string Pad4(string x) => pg ? $"lpad(({x})::text, 4, '0')" : $"substr('0000' || ({x}), -4, 4)";
        string Text(string x) => pg ? $"({x})::text" : $"({x})";
        // Values generated here, never input: the statements are built as text.
        Task<int> Exec(string sql) => gen.Database.ExecuteSqlRawAsync(sql);
        async Task Lookup(string table, IReadOnlyList<Guid> ids)
        {
            await Exec($"CREATE TEMPORARY TABLE {table} (idx integer PRIMARY KEY, id {idType})");
            await Exec($"INSERT INTO {table} (idx, id) VALUES {string.Join(", ", ids.Select((g, i) => $"({i}, {Id(g)})"))}");
        }
        await Lookup("bench_agents", agents);
        await Lookup("bench_groups", groups);
        await Lookup("bench_dispositions", dispositions);
        await Lookup("bench_tasks", dialTasks);
        await Exec($"CREATE TEMPORARY TABLE bench_names (idx integer PRIMARY KEY, name {(pg ? "text" : "text")})");
        await Exec($"INSERT INTO bench_names (idx, name) VALUES {string.Join(", ", Surnames.Select((s, i) => $"({i}, '{s}')"))}");

        var startUs = (start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        var stepUs = (end.UtcTicks - start.UtcTicks) / 10 / count;
        long legs = 0, recordings = 0, waits = 0;
        var clock = Stopwatch.StartNew();
        for (var from = 0; from < count; from += Chunk)
        {
            var to = Math.Min(count, from + Chunk) - 1;
            var series = pg ? $"(SELECT n::bigint AS n FROM generate_series({from}, {to}) AS g(n)) AS s"
                : $"(WITH RECURSIVE r(n) AS (SELECT {from} UNION ALL SELECT n + 1 FROM r WHERE n < {to}) SELECT n FROM r) AS s";
            await Exec("DROP TABLE IF EXISTS bench_rows");
            await Exec($"""
                CREATE TEMPORARY TABLE bench_rows AS
                SELECT n, {newId} AS id, {startUs} + n * {stepUs} + {Hash("n", 0)} % {stepUs} AS u,
                       {Hash("n", 1)} AS h1, {Hash("n", 2)} AS h2, {Hash("n", 3)} AS h3, {Hash("n", 4)} AS h4,
                       {Hash("n", 5)} AS h5, {Hash("n", 6)} AS h6, {Hash("n", 7)} AS h7, {Hash("n", 8)} AS h8
                FROM {series}
                """);
            await Exec("DROP TABLE IF EXISTS bench_calls");
            // kind: h1 % 100, dial task: h1 / 100; outcome: h2 % 100, who hung up: h2 / 100; agent: h3 % 500;
            // wait, group and overflow: h4; talk and disposition: h5; number and hold: h6, h7; recorded: h7; name: h8.
            await Exec($"""
                CREATE TEMPORARY TABLE bench_calls AS
                SELECT n, id, u,
                       CASE WHEN h1 % 100 < 70 THEN 'Queue' WHEN h1 % 100 < 80 THEN 'Direct' WHEN h1 % 100 < 95 THEN 'Outbound' ELSE 'Internal' END AS kind,
                       CASE WHEN h2 % 100 < 80 THEN 'Answered' WHEN h2 % 100 < 90 THEN 'Abandoned' WHEN h2 % 100 < 95 THEN 'NotAnswered'
                            WHEN h2 % 100 < 98 THEN 'Busy' ELSE 'Failed' END AS outcome,
                       h3 % {agents.Count} AS agent, h1, h2, h4, h5, h6, h7, h8,
                       '+49' || {Text($"30 + h6 % 69")} || '555' || {Pad4("h7 % 10000")} AS number
                FROM bench_rows
                """);
            await Exec($"""
                INSERT INTO "CallRecords" ("Id", "TenantId", "Direction", "SkillGroupId", "CustomerNumber", "DialedNumber", "OfferedAt",
                    "AnsweredAt", "EndedAt", "WaitSeconds", "RingSeconds", "TalkSeconds", "HoldSeconds", "EndReason", "DispositionId",
                    "Kind", "CustomerName", "Outcome", "HoldCount", "OfferCount", "RonaCount", "AnsweredByUserId", "HasRecording", "DialTaskId")
                SELECT c.id, {Id(tenant)},
                       CASE c.kind WHEN 'Outbound' THEN 'Outbound' WHEN 'Internal' THEN 'Internal' ELSE 'Inbound' END,
                       CASE WHEN c.kind = 'Queue' THEN g.id END,
                       c.number, CASE WHEN c.kind = 'Outbound' THEN c.number END,
                       {T("c.u")},
                       CASE WHEN c.outcome = 'Answered' THEN {T("c.u + (c.wait + 5) * 1000000")} END,
                       {T("c.u + (c.wait + 5 + c.talk) * 1000000")},
                       c.wait, 5, c.talk, CASE WHEN c.talk > 300 THEN c.h6 / 69 % 60 ELSE 0 END,
                       CASE c.outcome WHEN 'Answered' THEN CASE WHEN c.h2 / 100 % 10 < 6 THEN 'CustomerHungUp' ELSE 'AgentHungUp' END WHEN 'Abandoned' THEN 'AbandonedWhileWaiting' WHEN 'Busy' THEN 'Busy'
                            WHEN 'Failed' THEN 'Failed' ELSE 'NoAnswer' END,
                       CASE WHEN c.outcome = 'Answered' AND c.h5 / 1190 % 2 = 0 THEN d.id END,
                       c.kind, CASE WHEN c.h8 % 3 = 0 THEN nm.name || ' ' || {Text("c.h8 / 30 % 1000")} END,
                       c.outcome, 0, 1, CASE WHEN c.outcome = 'NotAnswered' THEN 1 ELSE 0 END,
                       CASE WHEN c.outcome = 'Answered' THEN a.id END,
                       CASE WHEN c.outcome = 'Answered' AND c.h7 / 10000 % 8 = 0 THEN {yes} ELSE {no} END,
                       CASE WHEN c.kind = 'Outbound' AND c.h1 / 100 % 3 = 0 THEN t.id END
                FROM (SELECT b.*, CASE WHEN b.kind = 'Queue' THEN b.h4 % 180 ELSE 0 END AS wait,
                             CASE WHEN b.outcome = 'Answered' THEN 10 + b.h5 % 1190 ELSE 0 END AS talk FROM bench_calls b) c
                JOIN bench_agents a ON a.idx = c.agent
                JOIN bench_groups g ON g.idx = c.h4 / 180 % {groups.Count}
                JOIN bench_dispositions d ON d.idx = c.h5 / 2380 % {dispositions.Count}
                JOIN bench_names nm ON nm.idx = c.h8 / 3 % {Surnames.Length}
                JOIN bench_tasks t ON t.idx = c.h1 / 300 % {dialTasks.Count}
                ORDER BY c.n
                """);
            // The group waits of the queue calls, as DatabaseJournal writes them: Seq in order of entry, LeftAt the offer to
            // the agent (or the call's end when the caller abandoned), MovedOn where the caller left the group for another.
            // 1 in 10 (h4 / 1800 % 10 = 0) first waited half its wait in another group (h4 / 18000 % 9 + 1 groups on).
            waits += await Exec($"""
                INSERT INTO "CallGroupWaits" ("TenantId", "CallId", "Seq", "SkillGroupId", "SkillGroupName", "EnteredAt", "LeftAt", "MovedOn")
                SELECT r."TenantId", r."Id", 0, g.id, 'Group ' || {Text("g.idx")}, r."OfferedAt", {T("c.u + r.\"WaitSeconds\" / 2 * 1000000")}, {yes}
                FROM bench_calls c JOIN "CallRecords" r ON r."Id" = c.id
                JOIN bench_groups g ON g.idx = (c.h4 / 180 + c.h4 / 18000 % 9 + 1) % {groups.Count}
                WHERE c.kind = 'Queue' AND c.h4 / 1800 % 10 = 0
                ORDER BY c.n
                """);
            waits += await Exec($"""
                INSERT INTO "CallGroupWaits" ("TenantId", "CallId", "Seq", "SkillGroupId", "SkillGroupName", "EnteredAt", "LeftAt", "MovedOn")
                SELECT r."TenantId", r."Id", CASE WHEN c.h4 / 1800 % 10 = 0 THEN 1 ELSE 0 END, r."SkillGroupId", 'Group ' || {Text("c.h4 / 180 % " + groups.Count)},
                       CASE WHEN c.h4 / 1800 % 10 = 0 THEN {T("c.u + r.\"WaitSeconds\" / 2 * 1000000")} ELSE r."OfferedAt" END,
                       CASE WHEN c.outcome = 'Abandoned' THEN r."EndedAt" ELSE {T("c.u + r.\"WaitSeconds\" * 1000000")} END, {no}
                FROM bench_calls c JOIN "CallRecords" r ON r."Id" = c.id
                WHERE c.kind = 'Queue'
                ORDER BY c.n
                """);
            // One agent leg for every call that reached an agent (not the abandoned ones); a recording for the recorded ones.
            legs += await Exec($"""
                INSERT INTO "CallLegs" ("Id", "TenantId", "CallId", "Role", "UserId", "StartedAt", "AnsweredAt", "EndedAt", "EndReason")
                SELECT {newId}, r."TenantId", r."Id", 'Agent', a.id, {T("c.u + r.\"WaitSeconds\" * 1000000")}, r."AnsweredAt", r."EndedAt", r."EndReason"
                FROM bench_calls c JOIN "CallRecords" r ON r."Id" = c.id JOIN bench_agents a ON a.idx = c.agent
                WHERE c.outcome <> 'Abandoned'
                ORDER BY c.n
                """);
            recordings += await Exec($"""
                INSERT INTO "Recordings" ("Id", "TenantId", "CallId", "UserId", "Type", "Name", "Format", "StartedAt", "EndedAt", "DurationSeconds", "LegalHold")
                SELECT {newId}, r."TenantId", r."Id", r."AnsweredByUserId", 'Inbound', 'bench-' || {Text("c.n")}, 'wav', r."AnsweredAt", r."EndedAt", r."TalkSeconds", {no}
                FROM bench_calls c JOIN "CallRecords" r ON r."Id" = c.id
                WHERE r."HasRecording" = {yes}
                ORDER BY c.n
                """);
            Console.WriteLine($"  {to + 1:N0} records written ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        foreach (var t in new[] { "bench_rows", "bench_calls", "bench_agents", "bench_groups", "bench_dispositions", "bench_tasks", "bench_names" })
            await Exec($"DROP TABLE IF EXISTS {t}");
        await gen.Database.CloseConnectionAsync();
        return (legs, recordings, waits);
    }
}
