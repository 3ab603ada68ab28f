using CtiBridge.Application.Records;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Reports;

/// <summary>A range of a report: [From, To).</summary>
public sealed record ReportRange(DateTimeOffset From, DateTimeOffset To);

/// <summary>One agent's figures over a range.</summary>
public sealed record AgentReport(Guid AgentId, string Name, ReportRange Range, AgentFigures Figures);

/// <summary>A team's figures: every member, and the members together.</summary>
public sealed record TeamReport(Guid TeamId, string Name, ReportRange Range, AgentFigures Total, IReadOnlyList<AgentReport> Agents);

/// <summary>A skill group's figures over a range, with its service-level threshold.</summary>
public sealed record SkillGroupReport(Guid SkillGroupId, string Name, int ServiceLevelSeconds, ReportRange Range, GroupFigures Figures);

/// <summary>An agent's figures for today, yesterday and this month (UTC days).</summary>
public sealed record AgentDashboard(Guid AgentId, AgentReport Today, AgentReport Yesterday, AgentReport ThisMonth);

/// <summary>Someone a report names: an agent, a team or a skill group.</summary>
public sealed record ReportSubject(Guid Id, string Name);

/// <summary>A team a reader may report on, with its agents.</summary>
public sealed record ReportTeam(Guid Id, string Name, IReadOnlyList<ReportSubject> Agents);

/// <summary>What a reader may report on: the teams (with their agents) and the skill groups; an agent only herself.</summary>
public sealed record ReportSubjects(IReadOnlyList<ReportTeam> Teams, IReadOnlyList<ReportSubject> SkillGroups);

/// <summary>An agent's states through one day, in order.</summary>
public sealed record AgentTimeline(Guid AgentId, DateOnly Day, IReadOnlyList<StateInterval> Intervals);

/// <summary>
/// Reports over the stored call records and agent state changes. Reads facts from the database and hands them to
/// <see cref="ReportFormulas"/>, the one place figures are computed. Days are UTC days. Never touches the live call center.
/// </summary>
public sealed class ReportService(CtiDbContext db, TimeProvider time)
{
    /// <summary>The longest range a report covers.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public ReportRange Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var f = from ?? today;
        var t = to ?? (from is null ? today.AddDays(1) : f.AddDays(1));
        if (t <= f) throw new CtiException(ErrorCodes.ValidationFailed, "to must be after from.", ErrorKind.Validation);
        if (t - f > MaxRange) throw new CtiException(ErrorCodes.ValidationFailed, "A report covers at most 366 days.", ErrorKind.Validation);
        return new ReportRange(f, t);
    }

    public async Task<AgentDashboard> DashboardAsync(Guid tenantId, Guid agentId, CancellationToken ct = default)
    {
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var month = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new AgentDashboard(agentId,
            await AgentAsync(tenantId, agentId, new ReportRange(today, today.AddDays(1)), ct).ConfigureAwait(false),
            await AgentAsync(tenantId, agentId, new ReportRange(today.AddDays(-1), today), ct).ConfigureAwait(false),
            await AgentAsync(tenantId, agentId, new ReportRange(month, month.AddMonths(1)), ct).ConfigureAwait(false));
    }

    public async Task<AgentReport> AgentAsync(Guid tenantId, Guid agentId, ReportRange range, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == agentId).Select(u => new { u.DisplayName, u.Username })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new CtiException(ErrorCodes.AgentNotFound, "No such agent in this tenant.", ErrorKind.NotFound);
        var offers = await OffersAsync([agentId], range, ct).ConfigureAwait(false);
        var intervals = await IntervalsAsync(agentId, range, ct).ConfigureAwait(false);
        var answeredQueueCalls = await AnsweredQueueCallsAsync([agentId], range, ct).ConfigureAwait(false);
        return new AgentReport(agentId, string.IsNullOrEmpty(user.DisplayName) ? user.Username : user.DisplayName, range,
            ReportFormulas.ForAgents(offers, intervals, answeredQueueCalls));
    }

    public async Task<TeamReport> TeamAsync(Guid tenantId, Guid teamId, ReportRange range, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Name }).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new CtiException(ErrorCodes.NotFound, "No such team.", ErrorKind.NotFound);
        var members = await (from m in db.TeamMembers.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.TeamId == teamId
                             orderby u.Username
                             select new { u.Id, u.DisplayName, u.Username }).ToListAsync(ct).ConfigureAwait(false);
        var ids = members.Select(m => m.Id).ToList();
        var offers = await OffersAsync(ids, range, ct).ConfigureAwait(false);
        var answeredQueueCalls = await AnsweredQueueCallsAsync(ids, range, ct).ConfigureAwait(false);
        var allIntervals = new List<StateInterval>();
        var agents = new List<AgentReport>();
        foreach (var m in members)
        {
            var intervals = await IntervalsAsync(m.Id, range, ct).ConfigureAwait(false);
            allIntervals.AddRange(intervals);
            agents.Add(new AgentReport(m.Id, string.IsNullOrEmpty(m.DisplayName) ? m.Username : m.DisplayName, range,
                ReportFormulas.ForAgents(offers.Where(o => o.AgentId == m.Id).ToList(), intervals,
                    answeredQueueCalls.Where(c => c.AgentId == m.Id).ToList())));
        }
        return new TeamReport(teamId, team.Name, range, ReportFormulas.ForAgents(offers, allIntervals, answeredQueueCalls), agents);
    }

    public async Task<SkillGroupReport> SkillGroupAsync(Guid tenantId, Guid groupId, ReportRange range, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var group = await db.SkillGroups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Name, g.ServiceLevelSeconds })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new CtiException(ErrorCodes.SkillGroupNotFound, "No such skill group.", ErrorKind.NotFound);
        var calls = await db.CallRecords.AsNoTracking()
            .Where(c => c.SkillGroupId == groupId && c.OfferedAt >= range.From && c.OfferedAt < range.To && c.EndedAt != null)
            .Select(c => new GroupCallFact(c.Id, c.OfferedAt, c.Outcome, c.WaitSeconds, c.TalkSeconds, c.HoldSeconds, c.RonaCount, false))
            .ToListAsync(ct).ConfigureAwait(false);
        // The calls that waited here and overflowed to another group: offered here too, not answered here (index IX_CallGroupWaits_Group).
        var movedOn = await (from w in db.CallGroupWaits.AsNoTracking()
                             join c in db.CallRecords.AsNoTracking() on w.CallId equals c.Id
                             where w.TenantId == tenantId && w.SkillGroupId == groupId && w.MovedOn && w.EnteredAt >= range.From
                                   && c.OfferedAt >= range.From && c.OfferedAt < range.To && c.EndedAt != null
                             select new { c.Id, c.OfferedAt, w.EnteredAt, w.LeftAt }).ToListAsync(ct).ConfigureAwait(false);
        calls.AddRange(movedOn.GroupBy(m => m.Id).Select(g => new GroupCallFact(g.Key, g.First().OfferedAt, CallOutcome.NotAnswered,
            WaitSeconds: (int)Math.Round(g.Sum(m => m.LeftAt is { } left && left > m.EnteredAt ? (left - m.EnteredAt).TotalSeconds : 0)),
            TalkSeconds: 0, HoldSeconds: 0, RonaCount: 0, MovedOn: true)));
        // Wrap-ups after the group's calls: each agent's WrapUp for a call of the group (its record names the group) until her
        // next change out of WrapUp (none yet: not counted).
        var wrapUps = await (from s in db.AgentStateChanges.AsNoTracking()
                             join c in db.CallRecords.AsNoTracking() on s.CallId equals c.Id
                             where s.TenantId == tenantId && s.To == AgentStatus.WrapUp && c.SkillGroupId == groupId
                                   && c.OfferedAt >= range.From && c.OfferedAt < range.To && c.EndedAt != null
                             select new
                             {
                                 s.At,
                                 End = db.AgentStateChanges.Where(n => n.TenantId == tenantId && n.UserId == s.UserId && n.At >= s.At && n.Id != s.Id
                                         && n.From == AgentStatus.WrapUp)
                                     .OrderBy(n => n.At).Select(n => (DateTimeOffset?)n.At).FirstOrDefault(),
                             }).ToListAsync(ct).ConfigureAwait(false);
        var wrapUpSeconds = wrapUps.Where(x => x.End is not null).Select(x => (x.End!.Value - x.At).TotalSeconds).ToList();
        return new SkillGroupReport(groupId, group.Name, group.ServiceLevelSeconds, range,
            ReportFormulas.ForGroup(calls, group.ServiceLevelSeconds, wrapUpSeconds));
    }

    /// <summary>
    /// The teams and skill groups a reader may report on: every team of the tenant (<paramref name="supervisedBy"/> null:
    /// admins, API keys) or those she supervises, with their agents; the skill groups for supervisors, none for agents.
    /// </summary>
    public async Task<ReportSubjects> SubjectsAsync(Guid tenantId, Guid? supervisedBy, bool withSkillGroups, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var teams = db.Teams.AsNoTracking().Where(t => t.TenantId == tenantId);
        if (supervisedBy is { } self) teams = teams.Where(t => db.TeamSupervisors.Any(s => s.TeamId == t.Id && s.UserId == self));
        var teamRows = await teams.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct).ConfigureAwait(false);
        var teamIds = teamRows.Select(t => t.Id).ToList();
        var members = await (from m in db.TeamMembers.AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where teamIds.Contains(m.TeamId)
                             select new { m.TeamId, u.Id, u.DisplayName, u.Username }).ToListAsync(ct).ConfigureAwait(false);
        var groups = withSkillGroups
            ? await db.SkillGroups.AsNoTracking().Where(g => g.TenantId == tenantId).OrderBy(g => g.Name)
                .Select(g => new ReportSubject(g.Id, g.Name)).ToListAsync(ct).ConfigureAwait(false)
            : [];
        return new ReportSubjects(
            teamRows.Select(t => new ReportTeam(t.Id, t.Name, members.Where(m => m.TeamId == t.Id)
                .Select(m => new ReportSubject(m.Id, string.IsNullOrEmpty(m.DisplayName) ? m.Username : m.DisplayName))
                .OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList())).ToList(),
            groups);
    }

    /// <summary>An agent's states through a day (UTC; default today by the service's clock), up to now for today.</summary>
    public async Task<AgentTimeline> TimelineAsync(Guid tenantId, Guid agentId, DateOnly? day, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var now = time.GetUtcNow();
        var date = day ?? DateOnly.FromDateTime(now.UtcDateTime);
        var from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        if (to > now) to = now > from ? now : from;
        return new AgentTimeline(agentId, date, await IntervalsAsync(agentId, new ReportRange(from, to), ct).ConfigureAwait(false));
    }

    /// <summary>The agents' offers (agent and consulted legs) started in the range; talk is the leg's answer to its end.</summary>
    private async Task<List<AgentOfferFact>> OffersAsync(IReadOnlyCollection<Guid> agents, ReportRange range, CancellationToken ct)
    {
        var ids = agents.ToList();
        var rows = await (from l in db.CallLegs.AsNoTracking()
                          join c in db.CallRecords.AsNoTracking() on l.CallId equals c.Id
                          where l.UserId != null && ids.Contains(l.UserId.Value)
                                && (l.Role == CallLegRole.Agent || l.Role == CallLegRole.Consult)
                                && l.StartedAt >= range.From && l.StartedAt < range.To && c.EndedAt != null
                          select new { AgentId = l.UserId!.Value, l.CallId, l.StartedAt, l.AnsweredAt, l.EndedAt, l.EndReason, c.AnsweredByUserId, c.HoldSeconds })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(r => new AgentOfferFact(r.AgentId, r.CallId, r.StartedAt, r.AnsweredAt is not null,
            Rona: r.AnsweredAt is null && r.EndReason is Domain.Calls.CallEndReason.NoAnswer or Domain.Calls.CallEndReason.Rejected,
            TalkSeconds: r.AnsweredAt is { } a && r.EndedAt is { } e && e > a ? (int)Math.Round((e - a).TotalSeconds) : 0,
            HoldSeconds: r.AnsweredByUserId == r.AgentId ? r.HoldSeconds : 0,
            Abandoned: r.AnsweredAt is null && r.EndReason == Domain.Calls.CallEndReason.AbandonedWhileRinging)).ToList();
    }

    /// <summary>
    /// The queue calls (inbound through a skill group) offered in the range, ended, that the agents answered, each with the
    /// threshold of the group it was answered from (the record's group: an overflowed call's last one).
    /// </summary>
    private async Task<List<AnsweredQueueCallFact>> AnsweredQueueCallsAsync(IReadOnlyCollection<Guid> agents, ReportRange range, CancellationToken ct)
    {
        var ids = agents.ToList();
        return await (from c in db.CallRecords.AsNoTracking()
                      join g in db.SkillGroups.AsNoTracking() on c.SkillGroupId equals g.Id
                      where c.AnsweredByUserId != null && ids.Contains(c.AnsweredByUserId.Value)
                            && c.Kind == Domain.Calls.CallKind.Queue && c.Direction == Domain.Calls.CallDirection.Inbound
                            && c.Outcome == CallOutcome.Answered
                            && c.OfferedAt >= range.From && c.OfferedAt < range.To && c.EndedAt != null
                      select new AnsweredQueueCallFact(c.AnsweredByUserId!.Value, c.Id, c.WaitSeconds, g.ServiceLevelSeconds))
            .ToListAsync(ct).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StateInterval>> IntervalsAsync(Guid agentId, ReportRange range, CancellationToken ct)
    {
        var before = await db.AgentStateChanges.AsNoTracking().Where(s => s.UserId == agentId && s.At < range.From)
            .OrderByDescending(s => s.At).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var changes = await db.AgentStateChanges.AsNoTracking().Where(s => s.UserId == agentId && s.At >= range.From && s.At < range.To)
            .OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct).ConfigureAwait(false);
        // The range of a report still running ends now, not in the future.
        var now = time.GetUtcNow();
        var end = range.To > now && range.From < now ? now : range.To;
        return ReportFormulas.Intervals(agentId, before, changes, range.From, end);
    }
}
