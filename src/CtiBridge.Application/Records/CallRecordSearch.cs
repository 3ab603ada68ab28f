using System.Globalization;
using System.Text;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Persistence;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Records;

/// <summary>Error codes of call records and recordings.</summary>
public static class RecordErrors
{
    /// <summary>The page cursor is not one this service handed out (400).</summary>
    public const string InvalidCursor = "invalid_cursor";
    /// <summary>The call record does not exist or the reader may not see it (404).</summary>
    public const string RecordNotFound = "call_record_not_found";
    /// <summary>The call has no number that can be dialled back (none stored, or anonymous) (409).</summary>
    public const string NoNumberToCall = "no_number_to_call";
}

/// <summary>
/// The call records read model: search, one call's journey, export rows. Reads the database only (never the live call
/// center, so never its lock). What a reader sees is decided by <see cref="RecordViewer"/> (<see cref="ViewerAsync"/>).
/// </summary>
public sealed partial class CallRecordSearch(CtiDbContext db, TimeProvider time)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// The viewer for a signed-in user: admins see the tenant; supervisors their own calls and their teams' agents';
    /// agents their own calls, numbers masked by the tenant rule. API keys (<paramref name="userId"/> null) see the tenant.
    /// </summary>
    public async Task<RecordViewer> ViewerAsync(Guid tenantId, Guid? userId, UserRoles roles, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        if (userId is not { } self || (roles & UserRoles.Admin) != 0)
            return new RecordViewer(tenantId, userId, RecordScope.Tenant, [], MaskNumbers: false, IsSupervisor: true);
        var agents = new HashSet<Guid> { self };
        var supervisor = (roles & UserRoles.Supervisor) != 0;
        List<Guid> groups = [];
        if (supervisor)
        {
            var teams = db.TeamSupervisors.Where(s => s.UserId == self).Select(s => s.TeamId);
            agents.UnionWith(await db.TeamMembers.Where(m => teams.Contains(m.TeamId)).Select(m => m.UserId).ToListAsync(ct).ConfigureAwait(false));
            var members = agents.ToList();
            groups = await db.SkillGroupMemberships.Where(m => members.Contains(m.UserId)).Select(m => m.SkillGroupId).Distinct()
                .ToListAsync(ct).ConfigureAwait(false);
        }
        return new RecordViewer(tenantId, self, RecordScope.Agents, agents, MaskNumbers: !supervisor, IsSupervisor: supervisor) { UnansweredOfGroups = groups };
    }

    /// <summary>The start of today (UTC), the default lower bound of a search.</summary>
    public DateTimeOffset StartOfToday => new(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>A page of records, keyset-paged: a cursor names the last row seen, so rows inserted meanwhile never shift a page.</summary>
    public async Task<CallRecordPage> SearchAsync(RecordViewer viewer, CallRecordFilter filter, CallRecordSort sort, string? cursor, int pageSize,
        CancellationToken ct = default)
    {
        if (pageSize is < 1 or > MaxPageSize)
            throw new CtiException(ErrorCodes.ValidationFailed, $"pageSize is between 1 and {MaxPageSize}.", ErrorKind.Validation);
        (DateTimeOffset At, Guid Id)? after = cursor is null ? null : DecodeCursor(cursor);
        var rows = SearchTableTerm(viewer, filter) is { } phrase
            ? await SearchInTimeOrderAsync(viewer, filter, phrase, sort, after, pageSize + 1, ct).ConfigureAwait(false)
            : filter.SkillGroupId is not null
                ? await GroupPageAsync(viewer, filter, sort, after, pageSize + 1, ct).ConfigureAwait(false)
                : await Ordered(After(Filtered(viewer, filter), sort, after), sort).Take(pageSize + 1).ToListAsync(ct).ConfigureAwait(false);
        var more = rows.Count > pageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        var names = await NamesAsync(rows, ct).ConfigureAwait(false);
        var mask = await MaskRuleAsync(viewer, ct).ConfigureAwait(false);
        var items = rows.Select(r => Summarize(r, names, mask)).ToList();
        return new CallRecordPage(items, more ? EncodeCursor(rows[^1].OfferedAt, rows[^1].Id) : null);
    }

    /// <summary>
    /// A page of a skill group's calls: those whose record names the group, then those that moved on from it (an overflow),
    /// each in order through its own index and cut to the page. As one OR, both planners collected the group's whole
    /// range and sorted it (81 ms instead of 1 ms at 20,000 calls of a group). The few moved-on calls join the page by
    /// id, and the database orders the page again, so the tie-break on id stays the database's (the cursor's).
    /// </summary>
    private async Task<List<CallRecord>> GroupPageAsync(RecordViewer viewer, CallRecordFilter filter, CallRecordSort sort,
        (DateTimeOffset At, Guid Id)? after, int want, CancellationToken ct)
    {
        var named = await Ordered(After(Filtered(viewer, filter, GroupMatch.RecordNames), sort, after), sort).Take(want)
            .ToListAsync(ct).ConfigureAwait(false);
        var movedOnSource = MovedOnFrom(viewer.TenantId, filter.SkillGroupId!.Value, filter.From ?? StartOfToday);
        var movedOn = await Ordered(After(Apply(viewer, Visible(db, viewer, movedOnSource).AsNoTracking(), filter with { SkillGroupId = null }), sort, after), sort)
            .Take(want).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        if (movedOn.Count == 0) return named;
        var ids = named.Select(c => c.Id).Concat(movedOn).ToList();
        return await Ordered(db.CallRecords.AsNoTracking().Where(c => ids.Contains(c.Id)), sort).Take(want).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The records of the calls that moved on from <paramref name="group"/>, read from the group's waits (few) and looked
    /// up by id: the planners would otherwise walk the date index and probe the waits for every call of the range. SQLite
    /// keeps a CROSS JOIN's order; a call that came back to the group and left it again is read once (its first wait
    /// there). PostgreSQL reads the ids first (an InitPlan). Other providers: the plain condition.
    /// </summary>
    private IQueryable<CallRecord> MovedOnFrom(Guid tenantId, Guid group, DateTimeOffset from)
    {
        var provider = db.Database.ProviderName ?? "";
        if (provider.Contains("Sqlite", StringComparison.Ordinal))
            return db.CallRecords.FromSqlRaw(
                "SELECT c.* FROM \"CallGroupWaits\" w CROSS JOIN \"CallRecords\" c WHERE w.\"TenantId\" = {0} AND w.\"SkillGroupId\" = {1} " +
                "AND w.\"MovedOn\" = 1 AND w.\"EnteredAt\" >= {2} AND NOT EXISTS (SELECT 1 FROM \"CallGroupWaits\" e WHERE e.\"CallId\" = w.\"CallId\" " +
                "AND e.\"Seq\" < w.\"Seq\" AND e.\"SkillGroupId\" = w.\"SkillGroupId\" AND e.\"MovedOn\" = 1) AND c.\"Id\" = w.\"CallId\"",
                tenantId, group, from.UtcDateTime);
        if (IsNpgsql)
            return db.CallRecords.FromSqlRaw(
                "SELECT * FROM \"CallRecords\" WHERE \"Id\" = ANY(ARRAY(SELECT w.\"CallId\" FROM \"CallGroupWaits\" w WHERE w.\"TenantId\" = {0} " +
                "AND w.\"SkillGroupId\" = {1} AND w.\"MovedOn\" = true AND w.\"EnteredAt\" >= {2}))",
                tenantId, group, from.UtcDateTime);
        var waits = db.CallGroupWaits.Where(w => w.TenantId == tenantId && w.SkillGroupId == group && w.MovedOn && w.EnteredAt >= from).Select(w => w.CallId);
        return db.CallRecords.Where(c => waits.Contains(c.Id));
    }

    /// <summary>How the skill-group filter matches a call: any group the caller waited in, or one of its two parts.</summary>
    internal enum GroupMatch
    {
        /// <summary>The record names the group (its last one), or the caller moved on from it.</summary>
        WaitedIn,
        /// <summary>The record names the group (the moved-on part is read by <see cref="MovedOnFrom"/>).</summary>
        RecordNames,
    }

    private static IQueryable<CallRecord> After(IQueryable<CallRecord> query, CallRecordSort sort, (DateTimeOffset At, Guid Id)? after)
    {
        if (after is not var (at, id)) return query;
        // The plain bound on OfferedAt is implied by the OR beside it; it is there for the planners, which cannot start an
        // index range at an OR (PostgreSQL walked the date index from the newest record down to the cursor on every page).
        return sort == CallRecordSort.NewestFirst
            ? query.Where(c => c.OfferedAt <= at && (c.OfferedAt < at || (c.OfferedAt == at && c.Id.CompareTo(id) < 0)))
            : query.Where(c => c.OfferedAt >= at && (c.OfferedAt > at || (c.OfferedAt == at && c.Id.CompareTo(id) > 0)));
    }

    /// <summary>Slots per microsecond in the rowid of SQLite's <c>CallRecordSearch</c> (migration 202612061400_call_record_search_by_time).</summary>
    private const long SearchSlots = 1024;

    /// <summary>The calls of agent {4} in tenant {3} whose leg started at {5} or later.</summary>
    private const string AgentCallsSql =
        "SELECT l.\"CallId\" FROM \"CallLegs\" l WHERE l.\"TenantId\" = {3} AND l.\"UserId\" = {4} AND l.\"StartedAt\" >= {5}";

    /// <summary>Search matches {0} with rowids {1}..{2} that are calls of agent {4} (<see cref="AgentCallsSql"/>), with their records.</summary>
    private static readonly string AgentMatchesSql =
        "SELECT c.* FROM \"CallRecordSearch\" s CROSS JOIN \"CallRecords\" c WHERE s.\"CallRecordSearch\" MATCH {0} AND s.rowid BETWEEN {1} AND {2} " +
        $"AND s.rowid / {SearchSlots} IN (SELECT {SearchBucketSql("r.\"OfferedAt\"")} / {SearchSlots} FROM \"CallRecords\" r WHERE r.\"Id\" IN ({AgentCallsSql})) " +
        $"AND s.\"CallId\" IN ({AgentCallsSql}) AND c.\"Id\" = s.\"CallId\"";

    /// <summary><see cref="SearchBucket"/> in SQLite of a stored instant (text), as the migration's triggers compute it.</summary>
    private static string SearchBucketSql(string column) =>
        $"((CAST(strftime('%s', substr({column}, 1, 19)) AS INTEGER) * 1000000 + CAST(substr(substr({column}, 21) || '000000', 1, 6) AS INTEGER)) * {SearchSlots})";

    /// <summary>The first rowid of <c>CallRecordSearch</c> for records offered in the microsecond of <paramref name="at"/>.</summary>
    internal static long SearchBucket(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10 * SearchSlots;

    /// <summary>The FTS5 phrase when this search goes through SQLite's trigram table (3+ characters, numbers searchable), else null.</summary>
    private string? SearchTableTerm(RecordViewer viewer, CallRecordFilter f) =>
        f.Search?.Trim() is { Length: >= 3 and <= 100 } term && !viewer.MaskNumbers
        && (db.Database.ProviderName ?? "").Contains("Sqlite", StringComparison.Ordinal)
            ? "\"" + term.Replace("\"", "\"\"") + "\""
            : null;

    private const string SliceEdgeNewest =
        "SELECT rowid AS \"Value\" FROM \"CallRecordSearch\" WHERE \"CallRecordSearch\" MATCH {0} AND rowid BETWEEN {1} AND {2} ORDER BY rowid DESC LIMIT 1 OFFSET {3}";
    private const string SliceEdgeOldest =
        "SELECT rowid AS \"Value\" FROM \"CallRecordSearch\" WHERE \"CallRecordSearch\" MATCH {0} AND rowid BETWEEN {1} AND {2} ORDER BY rowid ASC LIMIT 1 OFFSET {3}";

    /// <summary>
    /// A page of a number/name search on SQLite, read in time order from the trigram table, whose rowid is the offer time
    /// (<see cref="SearchBucket"/>): the matches of the range are taken newest (or oldest) first in growing slices — each
    /// slice ends on a whole microsecond, so every record of a later slice comes after every record of this one — and
    /// each slice goes through the other filters, until the page is full. A common term costs a page's worth of
    /// matches, not all of them (a surname in a tenth of a million calls: every match was read and sorted before).
    /// </summary>
    private async Task<List<CallRecord>> SearchInTimeOrderAsync(RecordViewer viewer, CallRecordFilter filter, string phrase, CallRecordSort sort,
        (DateTimeOffset At, Guid Id)? after, int want, CancellationToken ct)
    {
        var newest = sort == CallRecordSort.NewestFirst;
        var lo = SearchBucket(filter.From ?? StartOfToday);
        var hi = filter.To is { } to ? SearchBucket(to) + SearchSlots - 1 : long.MaxValue;
        if (after is var (at, _))
        {
            if (newest) hi = Math.Min(hi, SearchBucket(at) + SearchSlots - 1);
            else lo = Math.Max(lo, SearchBucket(at));
        }
        var others = filter with { Search = null };
        var rows = new List<CallRecord>();
        // With an agent filter few matches pass (the agent's calls among everyone's): larger slices from the start, as each
        // slice lists the agent's calls again.
        for (var slice = filter.AgentId is null ? 200 : 20_000; lo <= hi && rows.Count < want; slice = Math.Min(slice * 4, 20_000))
        {
            // The rowid of the slice-th match; the slice takes the rest of its microsecond too.
            var edge = await db.Database.SqlQueryRaw<long>(newest ? SliceEdgeNewest : SliceEdgeOldest, phrase, lo, hi, slice - 1)
                .ToListAsync(ct).ConfigureAwait(false);
            long sliceLo = lo, sliceHi = hi;
            if (edge.Count == 1)
            {
                var bucket = edge[0] / SearchSlots * SearchSlots;
                if (newest) sliceLo = bucket; else sliceHi = bucket + SearchSlots - 1;
            }
            // CROSS JOIN keeps the matches as the outer loop (SQLite does not reorder it): each is looked up by id, the
            // date index is not walked. An agent filter is checked on the match before the lookup (the agent's calls are
            // few among a common term's matches): first the match's microsecond against those of the agent's calls (the
            // rowid alone, no read of the match's row), then its call id; Apply checks it again on the record.
            var matches = filter.AgentId is { } agent
                ? db.CallRecords.FromSqlRaw(AgentMatchesSql, phrase, sliceLo, sliceHi, viewer.TenantId, agent, (filter.From ?? StartOfToday).AddHours(-1).UtcDateTime)
                : db.CallRecords.FromSqlRaw(
                    "SELECT c.* FROM \"CallRecordSearch\" s CROSS JOIN \"CallRecords\" c WHERE s.\"CallRecordSearch\" MATCH {0} AND s.rowid BETWEEN {1} AND {2} AND c.\"Id\" = s.\"CallId\"",
                    phrase, sliceLo, sliceHi);
            var query = After(Apply(viewer, Visible(db, viewer, matches).AsNoTracking(), others), sort, after);
            rows.AddRange(await Ordered(query, sort).Take(want - rows.Count).ToListAsync(ct).ConfigureAwait(false));
            if (edge.Count == 0) break;
            if (newest) hi = sliceLo - 1; else lo = sliceHi + 1;
        }
        return rows;
    }

    /// <summary>Every matching record, streamed in order (for exports): rows are read one by one, never all held.</summary>
    public async IAsyncEnumerable<CallRecordSummary> StreamAsync(RecordViewer viewer, CallRecordFilter filter, CallRecordSort sort,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var names = await AllNamesAsync(ct).ConfigureAwait(false);
        var mask = await MaskRuleAsync(viewer, ct).ConfigureAwait(false);
        await foreach (var r in Ordered(Filtered(viewer, filter), sort).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
            yield return Summarize(r, names, mask);
    }

    /// <summary>
    /// The number to call back for a call the reader may see: the customer's (outbound: the dialled one), unmasked — it goes
    /// to the PBX, never to the reader, so an agent who sees the number masked can still call back.
    /// <c>call_record_not_found</c> (404) as for the journey; <c>no_number_to_call</c> (409) when none can be dialled.
    /// </summary>
    public async Task<string> CallBackNumberAsync(RecordViewer viewer, Guid callId, CancellationToken ct = default)
    {
        var record = await Visible(viewer).AsNoTracking().Where(c => c.Id == callId).Select(c => new { c.CustomerNumber, c.DialedNumber })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new CtiException(RecordErrors.RecordNotFound, "No such call record.", ErrorKind.NotFound);
        var number = string.IsNullOrWhiteSpace(record.CustomerNumber) ? record.DialedNumber : record.CustomerNumber;
        return number is not null && DialableNumber().IsMatch(number) ? number
            : throw new CtiException(RecordErrors.NoNumberToCall, "This call has no number that can be called back.", ErrorKind.Conflict);
    }

    /// <summary>What click-to-dial accepts: optional +, then 2–32 of 0-9 * #.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9*#]{2,32}$")]
    private static partial System.Text.RegularExpressions.Regex DialableNumber();

    /// <summary>One call's whole journey; <c>call_record_not_found</c> when it does not exist or the reader may not see it.</summary>
    public async Task<CallRecordDetail> DetailAsync(RecordViewer viewer, Guid callId, CancellationToken ct = default)
    {
        var record = await Visible(viewer).AsNoTracking().Include(c => c.Legs).Include(c => c.AttachedData).Include(c => c.GroupWaits)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == callId, ct).ConfigureAwait(false)
            ?? throw new CtiException(RecordErrors.RecordNotFound, "No such call record.", ErrorKind.NotFound);
        var names = await NamesAsync([record], ct).ConfigureAwait(false);
        var legAgents = record.Legs.Where(l => l.UserId is not null).Select(l => l.UserId!.Value).Distinct().ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => legAgents.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Username })
                     .ToListAsync(ct).ConfigureAwait(false))
            names.Users[u.Id] = string.IsNullOrEmpty(u.DisplayName) ? u.Username : u.DisplayName;
        var mask = await MaskRuleAsync(viewer, ct).ConfigureAwait(false);
        var legs = record.Legs.OrderBy(l => l.StartedAt).Select(l => new CallJourneyLeg(l.Role, l.UserId,
            l.UserId is { } u ? names.Users.GetValueOrDefault(u) : null,
            l.Role == CallLegRole.Customer && l.Endpoint is not null ? NumberMask.Apply(mask, l.Endpoint) : l.Endpoint,
            l.StartedAt, l.AnsweredAt, l.EndedAt, l.EndReason,
            Rona: l.Role is CallLegRole.Agent or CallLegRole.Consult && l.AnsweredAt is null
                && l.EndReason is Domain.Calls.CallEndReason.NoAnswer or Domain.Calls.CallEndReason.Rejected)).ToList();
        var wrapUps = await WrapUpsAsync(record, names.Users, ct).ConfigureAwait(false);
        var recordings = await db.Recordings.AsNoTracking().Where(r => r.CallId == callId).OrderBy(r => r.StartedAt)
            .Select(r => new CallRecordingRef(r.Id, r.UserId, r.StartedAt, r.EndedAt, r.DurationSeconds, r.EndedAt == null, r.LegalHold))
            .ToListAsync(ct).ConfigureAwait(false);
        var notes = (await db.CallAgentDispositions.AsNoTracking().Where(n => n.CallId == callId).OrderBy(n => n.SavedAt)
                .ToListAsync(ct).ConfigureAwait(false))
            .Select(n => new CallAgentNote(n.UserId, n.UserId is { } u ? names.Users.GetValueOrDefault(u) : null, n.DispositionId,
                n.Disposition, n.Remarks, n.SavedAt)).ToList();
        var waits = record.GroupWaits.OrderBy(w => w.Seq).Select(w => new CallGroupWaitView(w.SkillGroupId, w.SkillGroupName, w.EnteredAt, w.LeftAt,
            w.LeftAt is { } left ? (int)Math.Round(Math.Max(0, (left - w.EnteredAt).TotalSeconds)) : 0)).ToList();
        return new CallRecordDetail(Summarize(record, names, mask), record.Remarks, legs, wrapUps,
            record.AttachedData.ToDictionary(a => a.Key, a => a.Value), recordings, notes, waits);
    }

    /// <summary>The tenant's dispositions, by name (for the records' disposition filter).</summary>
    public async Task<IReadOnlyList<DispositionChoice>> DispositionsAsync(RecordViewer viewer, CancellationToken ct = default)
    {
        db.ScopeToTenant(viewer.TenantId);
        var tenantId = viewer.TenantId;
        return await db.Dispositions.AsNoTracking().Where(d => d.TenantId == tenantId).OrderBy(d => d.Name)
            .Select(d => new DispositionChoice(d.Id, d.Code, d.Name, d.Enabled)).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The records the viewer may see (tenant-scoped; for agents and supervisors, calls one of their agents took part in).</summary>
    internal IQueryable<CallRecord> Visible(RecordViewer viewer) => Visible(db, viewer, db.CallRecords);

    internal static IQueryable<CallRecord> Visible(CtiDbContext db, RecordViewer viewer, IQueryable<CallRecord> records)
    {
        db.ScopeToTenant(viewer.TenantId);
        // The tenant filter of the model reads "system scope OR this tenant", which the planners cannot match to an
        // index; the same condition as a plain equality lets (TenantId, OfferedAt, Id) serve the sort and the range.
        var tenantId = viewer.TenantId;
        records = records.Where(c => c.TenantId == tenantId);
        if (viewer.Scope == RecordScope.Tenant) return records;
        var agents = viewer.Agents.ToList();
        if (viewer.UnansweredOfGroups.Count == 0)
            return records.Where(c => db.CallLegs.Any(l => l.CallId == c.Id && l.UserId != null && agents.Contains(l.UserId.Value)));
        var groups = viewer.UnansweredOfGroups.ToList();
        return records.Where(c => db.CallLegs.Any(l => l.CallId == c.Id && l.UserId != null && agents.Contains(l.UserId.Value))
            || (c.SkillGroupId != null && groups.Contains(c.SkillGroupId.Value) && c.EndedAt != null && c.Outcome != CallOutcome.Answered));
    }

    private IQueryable<CallRecord> Filtered(RecordViewer viewer, CallRecordFilter f, GroupMatch groups = GroupMatch.WaitedIn)
    {
        // PostgreSQL, agent filter or an agent's own calls: the calls are read from the agent's legs first (an InitPlan:
        // ARRAY(...)), then looked up by id. As a semi-join the planner walked the date index in parallel and probed the
        // legs of every call of the year (p95 218 ms at 1,000,000 records; 14 ms this way). The search, if any, is then a
        // condition (Apply); who may see what is still decided by Visible.
        Guid[]? legsOf = f.AgentId is { } agent ? [agent]
            : viewer.Scope == RecordScope.Agents && viewer.UnansweredOfGroups.Count == 0 ? viewer.Agents.ToArray() : null;
        if (legsOf is not null && IsNpgsql)
        {
            var legsFrom = (f.From ?? StartOfToday).AddHours(-1).UtcDateTime;
            var ofAgents = db.CallRecords.FromSqlRaw(
                "SELECT * FROM \"CallRecords\" WHERE \"Id\" = ANY(ARRAY(SELECT l.\"CallId\" FROM \"CallLegs\" l WHERE l.\"TenantId\" = {0} AND l.\"UserId\" = ANY({1}) AND l.\"StartedAt\" >= {2}))",
                viewer.TenantId, legsOf, legsFrom);
            return Apply(viewer, Visible(db, viewer, ofAgents).AsNoTracking(), f with { AgentId = null }, groups);
        }
        var source = f.Search is { Length: > 0 } term ? Matching(term.Trim(), namesOnly: viewer.MaskNumbers) : db.CallRecords;
        return Apply(viewer, Visible(db, viewer, source).AsNoTracking(), f with { Search = null }, groups);
    }

    private bool IsNpgsql => (db.Database.ProviderName ?? "").Contains("Npgsql", StringComparison.Ordinal);

    /// <summary>The filters applied to a query of records the viewer sees (shared by records, exports and recordings).</summary>
    internal IQueryable<CallRecord> Apply(RecordViewer viewer, IQueryable<CallRecord> q, CallRecordFilter f, GroupMatch groups = GroupMatch.WaitedIn)
    {
        if (f.Search is { Length: > 0 } term)
        {
            var matching = Matching(term.Trim(), namesOnly: viewer.MaskNumbers).Select(c => c.Id);
            q = q.Where(c => matching.Contains(c.Id));
        }
        var from = f.From ?? StartOfToday;
        q = q.Where(c => c.OfferedAt >= from);
        // Filters on the legs start from the legs of the range through their indexes, instead of probing every call of
        // the range. A leg starts once its call exists; the hour of margin covers an outbound call whose agent leg rang
        // before the record's time was taken (the outer condition on OfferedAt still decides).
        var tenantId = viewer.TenantId;
        var legsFrom = from.AddHours(-1);
        var legs = db.CallLegs.Where(l => l.TenantId == tenantId && l.StartedAt >= legsFrom);
        if (f.To is { } to) q = q.Where(c => c.OfferedAt < to);
        if (f.Direction is { } direction) q = q.Where(c => c.Direction == direction);
        if (f.Kind is { } kind) q = q.Where(c => c.Kind == kind);
        q = f.Type switch
        {
            CallRecordType.InboundQueue => q.Where(c => c.Kind == CallKind.Queue),
            CallRecordType.DirectInbound => q.Where(c => c.Kind == CallKind.Direct),
            CallRecordType.ManualOutbound => q.Where(c => c.Kind == CallKind.Outbound && c.DialTaskId == null),
            CallRecordType.TaskDialled => q.Where(c => c.Kind == CallKind.Outbound && c.DialTaskId != null),
            CallRecordType.Internal => q.Where(c => c.Kind == CallKind.Internal),
            CallRecordType.Transferred => q.Where(c => legs.Where(l => l.EndReason == CallEndReason.AgentTransfer
                && (l.Role == CallLegRole.Agent || l.Role == CallLegRole.Consult)).Select(l => l.CallId).Contains(c.Id)),
            CallRecordType.Consulted => q.Where(c => legs.Where(l => l.Role == CallLegRole.Consult).Select(l => l.CallId).Contains(c.Id)),
            _ => q,
        };
        if (f.SkillGroupId is { } group)
        {
            // The record names the last group (after an overflow); the waits the caller moved on from name the earlier
            // ones. A wait starts after its call was offered, so the range's lower bound narrows them through their index
            // (TenantId, SkillGroupId, MovedOn, EnteredAt, CallId). A page reads the two parts apart (GroupPageAsync).
            var movedOnFrom = db.CallGroupWaits.Where(w => w.TenantId == tenantId && w.SkillGroupId == group && w.MovedOn && w.EnteredAt >= from)
                .Select(w => w.CallId);
            q = groups switch
            {
                GroupMatch.RecordNames => q.Where(c => c.SkillGroupId == group),
                _ => q.Where(c => c.SkillGroupId == group || movedOnFrom.Contains(c.Id)),
            };
        }
        if (f.AgentId is { } agent) q = q.Where(c => legs.Where(l => l.UserId == agent).Select(l => l.CallId).Contains(c.Id));
        if (f.Outcome is { } outcome) q = q.Where(c => c.Outcome == outcome);
        if (f.EndReason is { } reason) q = q.Where(c => c.EndReason == reason);
        if (f.MinTalkSeconds is { } min) q = q.Where(c => c.TalkSeconds >= min);
        // The record's own disposition or any agent's (each agent of a call keeps her own).
        if (f.DispositionId is { } disposition)
            q = q.Where(c => c.DispositionId == disposition || db.CallAgentDispositions.Any(n => n.CallId == c.Id && n.DispositionId == disposition));
        if (f.HasRecording is { } has) q = q.Where(c => c.HasRecording == has);
        return q;
    }

    /// <summary>
    /// Records whose number or name contains <paramref name="term"/>, through the provider's trigram index: SQLite's FTS5
    /// trigram table <c>CallRecordSearch</c> (terms of 3+ characters; shorter ones are a LIKE scan), PostgreSQL's
    /// pg_trgm GIN index (ILIKE). Other providers: LIKE.
    /// </summary>
    private IQueryable<CallRecord> Matching(string term, bool namesOnly)
    {
        if (term.Length > 100) throw new CtiException(ErrorCodes.ValidationFailed, "search is at most 100 characters.", ErrorKind.Validation);
        var like = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var provider = db.Database.ProviderName ?? "";
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
            return namesOnly
                ? db.CallRecords.FromSqlRaw("SELECT * FROM \"CallRecords\" WHERE \"CustomerName\" ILIKE {0}", like)
                : db.CallRecords.FromSqlRaw("SELECT * FROM \"CallRecords\" WHERE \"CustomerNumber\" ILIKE {0} OR \"CustomerName\" ILIKE {0}", like);
        if (provider.Contains("Sqlite", StringComparison.Ordinal) && term.Length >= 3 && !namesOnly)
            return db.CallRecords.FromSqlRaw(
                "SELECT * FROM \"CallRecords\" WHERE \"Id\" IN (SELECT \"CallId\" FROM \"CallRecordSearch\" WHERE \"CallRecordSearch\" MATCH {0})",
                "\"" + term.Replace("\"", "\"\"") + "\"");
        return namesOnly
            ? db.CallRecords.Where(c => c.CustomerName != null && EF.Functions.Like(c.CustomerName, like, "\\"))
            : db.CallRecords.Where(c => EF.Functions.Like(c.CustomerNumber, like, "\\") || (c.CustomerName != null && EF.Functions.Like(c.CustomerName, like, "\\")));
    }

    private static IQueryable<CallRecord> Ordered(IQueryable<CallRecord> q, CallRecordSort sort) => sort == CallRecordSort.NewestFirst
        ? q.OrderByDescending(c => c.OfferedAt).ThenByDescending(c => c.Id)
        : q.OrderBy(c => c.OfferedAt).ThenBy(c => c.Id);

    private async Task<List<CallWrapUp>> WrapUpsAsync(CallRecord record, Dictionary<Guid, string> users, CancellationToken ct)
    {
        var agents = record.Legs.Where(l => l.UserId is not null).Select(l => l.UserId!.Value).Distinct().ToList();
        if (agents.Count == 0 || record.EndedAt is not { } ended) return [];
        var until = ended.AddHours(12);
        var changes = await db.AgentStateChanges.AsNoTracking()
            .Where(s => agents.Contains(s.UserId) && s.At >= record.OfferedAt && s.At < until)
            .OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct).ConfigureAwait(false);
        var result = new List<CallWrapUp>();
        foreach (var byAgent in changes.GroupBy(s => s.UserId))
        {
            var list = byAgent.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].To != AgentStatus.WrapUp || list[i].CallId != record.Id) continue;
                var end = list.Skip(i + 1).FirstOrDefault(s => s.From == AgentStatus.WrapUp)?.At;
                result.Add(new CallWrapUp(byAgent.Key, users.GetValueOrDefault(byAgent.Key), list[i].At,
                    end is { } e ? (int)Math.Round((e - list[i].At).TotalSeconds) : 0));
            }
        }
        return result;
    }

    internal async Task<string> MaskRuleAsync(RecordViewer viewer, CancellationToken ct)
    {
        if (!viewer.MaskNumbers) return "none";
        var stored = await db.ScopeToTenant(viewer.TenantId).Tenants.AsNoTracking().Where(t => t.Id == viewer.TenantId)
            .Select(t => t.Settings.NumberMaskingRule).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return TenantConfigurationLoader.MaskingRule(stored);
    }

    internal sealed record Names(Dictionary<Guid, string> Groups, Dictionary<Guid, string> Users, Dictionary<Guid, string> Dispositions);

    private async Task<Names> NamesAsync(IReadOnlyCollection<CallRecord> rows, CancellationToken ct)
    {
        var groups = rows.Where(r => r.SkillGroupId is not null).Select(r => r.SkillGroupId!.Value).Distinct().ToList();
        var users = rows.Where(r => r.AnsweredByUserId is not null).Select(r => r.AnsweredByUserId!.Value).Distinct().ToList();
        var dispositions = rows.Where(r => r.DispositionId is not null).Select(r => r.DispositionId!.Value).Distinct().ToList();
        return new Names(
            await db.SkillGroups.AsNoTracking().Where(g => groups.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct).ConfigureAwait(false),
            await db.Users.AsNoTracking().Where(u => users.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Username : u.DisplayName, ct).ConfigureAwait(false),
            await db.Dispositions.AsNoTracking().Where(d => dispositions.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct).ConfigureAwait(false));
    }

    /// <summary>The tenant's names (bounded by its configuration, not by its calls), for streaming exports.</summary>
    private async Task<Names> AllNamesAsync(CancellationToken ct) => new(
        await db.SkillGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct).ConfigureAwait(false),
        await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Username : u.DisplayName, ct).ConfigureAwait(false),
        await db.Dispositions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct).ConfigureAwait(false));

    private static CallRecordSummary Summarize(CallRecord r, Names names, string mask) => new(
        r.Id, r.Direction, r.Kind, r.SkillGroupId, r.SkillGroupId is { } g ? names.Groups.GetValueOrDefault(g) : null,
        NumberMask.Apply(mask, r.CustomerNumber), r.CustomerName, r.DialedNumber is null ? null : NumberMask.Apply(mask, r.DialedNumber),
        r.OfferedAt, r.AnsweredAt, r.EndedAt, r.EndedAt is null, r.Outcome, r.EndReason,
        r.WaitSeconds, r.RingSeconds, r.TalkSeconds, r.HoldSeconds, r.HoldCount, r.OfferCount, r.RonaCount,
        r.AnsweredByUserId, r.AnsweredByUserId is { } u ? names.Users.GetValueOrDefault(u) : null,
        r.DispositionId, r.DispositionId is { } d ? names.Dispositions.GetValueOrDefault(d) : null, r.HasRecording);

    /// <summary>The cursor that continues after the row (<paramref name="at"/>, <paramref name="id"/>).</summary>
    public static string EncodeCursor(DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTimeOffset At, Guid Id) DecodeCursor(string cursor)
    {
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id))
                return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (FormatException) { }
        throw new CtiException(RecordErrors.InvalidCursor, "The cursor is not one this service handed out; start from the first page.", ErrorKind.Validation);
    }
}
