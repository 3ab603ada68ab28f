using CtiBridge.Application.Callbacks;
using CtiBridge.Application.Common;
using CtiBridge.Application.Events;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.DialTasks;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.DialTasks;

/// <summary>
/// Who acts on which dial tasks: admins on every task of the tenant; supervisors on the tasks of the teams they lead;
/// agents work the tasks that name them, or (naming nobody) the tasks of their teams.
/// </summary>
public sealed record DialTaskViewer(Guid TenantId, Guid UserId, bool IsAdmin, bool IsSupervisor, IReadOnlySet<Guid> Teams, IReadOnlySet<Guid> MemberTeams)
{
    /// <summary>Admins, and supervisors of the task's team, manage it (create, pause, read its contacts and progress).</summary>
    public bool Manages(DialTask task) => IsAdmin || (IsSupervisor && task.TeamId is { } t && Teams.Contains(t));

    /// <summary>The agents named on the task, or (none named) the agents of its team, work it.</summary>
    public bool Works(DialTask task, IReadOnlyCollection<Guid> namedAgents) =>
        namedAgents.Count > 0 ? namedAgents.Contains(UserId) : task.TeamId is { } t && MemberTeams.Contains(t);
}

/// <summary>Dial tasks as responses (names, the tenant's time zone, progress) and the events about them.</summary>
public sealed class DialTaskViews(CtiDbContext db, TimeProvider clock, ICallCenterEventSink events)
{
    public async Task<DialTaskViewer> ViewerAsync(Actor actor, CancellationToken ct = default)
    {
        db.ScopeToTenant(actor.TenantId);
        var supervisor = actor.Has(UserRoles.Supervisor);
        var teams = supervisor
            ? (await db.TeamSupervisors.Where(s => s.UserId == actor.UserId).Select(s => s.TeamId).ToListAsync(ct)).ToHashSet()
            : [];
        var member = (await db.TeamMembers.Where(m => m.UserId == actor.UserId).Select(m => m.TeamId).ToListAsync(ct)).ToHashSet();
        return new DialTaskViewer(actor.TenantId, actor.UserId, actor.Has(UserRoles.Admin), supervisor, teams, member);
    }

    /// <summary>The task (<c>dial_task_not_found</c> when this tenant has none with that id).</summary>
    public async Task<DialTask> FindAsync(Guid tenantId, Guid id, CancellationToken ct, bool tracking = false)
    {
        db.ScopeToTenant(tenantId);
        var q = tracking ? db.DialTasks : db.DialTasks.AsNoTracking();
        return await q.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new CtiException(DialTaskErrors.NotFound, "No such dial task.", ErrorKind.NotFound);
    }

    public async Task<List<Guid>> NamedAgentsAsync(Guid taskId, CancellationToken ct) =>
        await db.DialTaskAgents.Where(a => a.DialTaskId == taskId).Select(a => a.UserId).ToListAsync(ct);

    /// <summary>Who works the task: its named agents, else its team's agents.</summary>
    public async Task<List<Guid>> WorkersAsync(DialTask task, CancellationToken ct)
    {
        db.ScopeToTenant(task.TenantId);
        var named = await NamedAgentsAsync(task.Id, ct);
        if (named.Count > 0 || task.TeamId is not { } team) return named;
        return await db.TeamMembers.Where(m => m.TeamId == team).Select(m => m.UserId).ToListAsync(ct);
    }

    /// <summary>Who watches the task's progress: its team's supervisors and its creator.</summary>
    public async Task<List<Guid>> SupervisorsAsync(DialTask task, CancellationToken ct)
    {
        db.ScopeToTenant(task.TenantId);
        var list = task.TeamId is { } team ? await db.TeamSupervisors.Where(s => s.TeamId == team).Select(s => s.UserId).ToListAsync(ct) : [];
        if (task.OwnerUserId is { } owner && !list.Contains(owner)) list.Add(owner);
        return list;
    }

    public async Task<TenantTimeZone> ZoneAsync(Guid tenantId, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        return TenantTimeZone.Of(await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Settings.TimeZone).FirstOrDefaultAsync(ct));
    }

    public static DialWindow WindowOf(DialTask t) => new(t.FirstDay, t.LastDay, t.DailyStart, t.DailyEnd);

    public static DialRetryRules RetryRulesOf(DialTask t) =>
        new(t.BusyRetries, TimeSpan.FromMinutes(t.BusyRetryMinutes), t.NoAnswerRetries, TimeSpan.FromMinutes(t.NoAnswerRetryMinutes));

    public async Task<DialTaskProgress> ProgressAsync(DialTask task, CancellationToken ct)
    {
        db.ScopeToTenant(task.TenantId);
        var now = clock.GetUtcNow();
        var counts = await db.DialTaskItems.AsNoTracking().Where(i => i.DialTaskId == task.Id)
            .GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(DialTaskItemStatus s) => counts.Where(c => c.Status == s).Sum(c => c.Count);
        var waiting = await db.DialTaskItems.CountAsync(i => i.DialTaskId == task.Id && i.Status == DialTaskItemStatus.Pending && i.NextAttemptAt > now, ct);
        var results = await db.DialTaskItems.AsNoTracking().Where(i => i.DialTaskId == task.Id && i.Status == DialTaskItemStatus.Done)
            .GroupBy(i => i.Result).Select(g => new { Result = g.Key, Count = g.Count() }).ToListAsync(ct);
        int pending = Count(DialTaskItemStatus.Pending), claimed = Count(DialTaskItemStatus.Claimed), done = Count(DialTaskItemStatus.Done),
            exhausted = Count(DialTaskItemStatus.Exhausted), blocked = Count(DialTaskItemStatus.Blocked);
        return new DialTaskProgress(task.Id, counts.Sum(c => c.Count), done + exhausted + blocked, pending + claimed, pending, waiting, claimed,
            done, exhausted, blocked,
            results.Where(r => r.Result is not null).Select(r => new DialTaskResultCount(r.Result!, r.Count))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Result, StringComparer.Ordinal).ToList(),
            results.Where(r => r.Result is null).Sum(r => r.Count));
    }

    public async Task<List<DialTaskView>> ViewsAsync(Guid tenantId, IReadOnlyList<DialTask> tasks, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        var zone = await ZoneAsync(tenantId, ct);
        var ids = tasks.Select(t => t.Id).ToList();
        var agents = await db.DialTaskAgents.AsNoTracking().Where(a => ids.Contains(a.DialTaskId)).ToListAsync(ct);
        var userIds = agents.Select(a => a.UserId).Distinct().ToList();
        var names = (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Username }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => string.IsNullOrEmpty(u.DisplayName) ? u.Username : u.DisplayName);
        var teamIds = tasks.Where(t => t.TeamId is not null).Select(t => t.TeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var now = clock.GetUtcNow();
        var views = new List<DialTaskView>();
        foreach (var t in tasks)
        {
            var named = agents.Where(a => a.DialTaskId == t.Id).Select(a => a.UserId)
                .OrderBy(a => names.GetValueOrDefault(a), StringComparer.OrdinalIgnoreCase).ThenBy(a => a).ToList();
            views.Add(new DialTaskView(t.Id, t.Name, t.Status, t.TeamId, t.TeamId is { } team ? teams.GetValueOrDefault(team) : null,
                named, named.Select(a => names.GetValueOrDefault(a) ?? "").ToList(),
                DialTaskFormats.Format(t.FirstDay), DialTaskFormats.Format(t.LastDay), DialTaskFormats.Format(t.DailyStart), DialTaskFormats.Format(t.DailyEnd),
                zone.Id, t.Status == DialTaskStatus.Running && WindowOf(t).IsOpen(now, zone.Zone),
                t.BusyRetries, t.BusyRetryMinutes, t.NoAnswerRetries, t.NoAnswerRetryMinutes, t.CallerId, t.OwnerUserId, t.CreatedAt.ToUniversalTime(),
                await ProgressAsync(t, ct)));
        }
        return views;
    }

    public async Task<List<DialTaskContactView>> ContactViewsAsync(Guid tenantId, IReadOnlyList<DialTaskItem> items, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        var contactIds = items.Where(i => i.ContactId is not null).Select(i => i.ContactId!.Value).Distinct().ToList();
        var contacts = contactIds.Count == 0 ? [] : await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Company }).ToDictionaryAsync(c => c.Id, ct);
        return items.Select(i =>
        {
            var c = i.ContactId is { } id ? contacts.GetValueOrDefault(id) : null;
            return new DialTaskContactView(i.Id, i.DialTaskId, i.Position, i.Number, i.ContactId, c?.Name, c?.Company, i.Status, i.Attempts,
                i.BusyCount, i.NoAnswerCount, i.LastOutcome, i.LastAttemptAt?.ToUniversalTime(), i.NextAttemptAt?.ToUniversalTime(), i.ClaimedByUserId,
                i.CallId, i.DispositionId, i.Result, i.Remark, i.CompletedAt?.ToUniversalTime());
        }).ToList();
    }

    public async Task<DialTaskContactView> ContactViewAsync(DialTaskItem item, CancellationToken ct) =>
        (await ContactViewsAsync(item.TenantId, [item], ct))[0];

    /// <summary>Sends the task's progress to its supervisors.</summary>
    public async Task PublishProgressAsync(DialTask task, CancellationToken ct)
    {
        var to = await SupervisorsAsync(task, ct);
        if (to.Count > 0) events.Publish(new DialTaskProgressEvent(task.TenantId, await ProgressAsync(task, ct), to));
    }

    /// <summary>Tells the task's agents and supervisors that it changed (window, status).</summary>
    public async Task PublishChangedAsync(DialTask task, CancellationToken ct)
    {
        var to = (await WorkersAsync(task, ct)).Union(await SupervisorsAsync(task, ct)).ToList();
        if (to.Count > 0) events.Publish(new DialTaskChangedEvent(task.TenantId, (await ViewsAsync(task.TenantId, [task], ct))[0], to));
    }
}
