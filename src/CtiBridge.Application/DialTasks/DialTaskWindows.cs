using CtiBridge.Application.Callbacks;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CtiBridge.Application.DialTasks;

/// <summary>What one run of the dial task job did.</summary>
/// <param name="Released">Contacts held and not dialled that went back to the list (left 10 minutes, or the agent logged out).</param>
/// <param name="ClosedWithoutResult">Answered contacts whose agent set no result in time (or logged out): done without a result.</param>
public sealed record DialTaskWindowRun(int Opened, int Closed, int Completed, int Settled, int Released, int RetriesDue, int ClosedWithoutResult = 0);

/// <summary>
/// The dial task job's work, over every tenant: a task's window opening or closing (in the tenant's time zone) is told to
/// its agents and supervisors (<c>dialTaskChanged</c>), and a task past its last window, or with every contact done, is
/// completed; a contact whose call ended busy or unanswered is settled (a retry scheduled or exhausted) even when its
/// agent does not come back; a contact claimed and not dialled for <see cref="ClaimTimeout"/> (or
/// <see cref="LoggedOutGrace"/> when its agent is logged out) is released with no attempt counted; an answered contact
/// whose agent set no result within <see cref="ResultTimeout"/> of the call's end (or who logged out) is closed without a
/// result; retries that fell due since the last run update the supervisors' progress. Each change is a conditional update of its row, so two
/// nodes or two firings make it once.
/// </summary>
public sealed class DialTaskWindows(CtiDbContext db, TimeProvider clock, DialTaskViews views, DialTaskOutcomes outcomes, ILogger<DialTaskWindows> log)
{
    /// <summary>A contact offered and not dialled goes back to the list after this long.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);
    /// <summary>A contact held, not dialled, by an agent who is logged out goes back after this long (so a page opened just before logging in keeps it).</summary>
    public static readonly TimeSpan LoggedOutGrace = TimeSpan.FromMinutes(1);
    /// <summary>An answered contact whose agent set no result this long after the call ended is closed without a result.</summary>
    public static readonly TimeSpan ResultTimeout = TimeSpan.FromMinutes(30);
    public const int Batch = 200;

    public async Task<DialTaskWindowRun> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        int opened = 0, closed = 0, completed = 0, settled = 0, released = 0, withoutResult = 0;
        var touched = new HashSet<Guid>();

        db.ScopeToSystem();
        var running = await db.DialTasks.AsNoTracking().Where(t => t.Status == DialTaskStatus.Running)
            .Join(db.Tenants, t => t.TenantId, x => x.Id, (t, x) => new { Task = t, Zone = x.Settings.TimeZone }).ToListAsync(ct);
        foreach (var r in running)
        {
            var t = r.Task;
            var zone = TenantTimeZone.Of(r.Zone).Zone;
            var window = DialTaskViews.WindowOf(t);
            db.ScopeToSystem();
            var left = await db.DialTaskItems.AnyAsync(i => i.DialTaskId == t.Id && (i.Status == DialTaskItemStatus.Pending || i.Status == DialTaskItemStatus.Claimed), ct);
            if (window.IsOver(now, zone) || !left)
            {
                if (await db.DialTasks.Where(x => x.Id == t.Id && x.Status == DialTaskStatus.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, DialTaskStatus.Completed).SetProperty(x => x.WindowOpen, false), ct) == 1)
                {
                    completed++;
                    t.Status = DialTaskStatus.Completed;
                    t.WindowOpen = false;
                    await views.PublishChangedAsync(t, ct);
                }
                continue;
            }
            var open = window.IsOpen(now, zone);
            if (open == t.WindowOpen) continue;
            db.ScopeToSystem();
            if (await db.DialTasks.Where(x => x.Id == t.Id && x.WindowOpen == t.WindowOpen).ExecuteUpdateAsync(s => s.SetProperty(x => x.WindowOpen, open), ct) != 1)
                continue; // another node came first
            if (open) opened++; else closed++;
            t.WindowOpen = open;
            await views.PublishChangedAsync(t, ct);
        }

        // Calls that ended since their contact was dialled: busy and unanswered ones are retried or exhausted.
        db.ScopeToSystem();
        var dialled = await db.DialTaskItems.AsNoTracking()
            .Where(i => i.Status == DialTaskItemStatus.Claimed && i.CallId != null && i.LastOutcome == null)
            .OrderBy(i => i.LastAttemptAt).Select(i => i.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in dialled)
        {
            var after = await outcomes.SettleAsync(id, ct);
            if (after is { Status: not DialTaskItemStatus.Claimed } || after?.LastOutcome is not null) settled++;
        }

        // Offered, never dialled, and left (or its agent logged out): back to the list, no attempt counted.
        var stale = now - ClaimTimeout;
        var offlineStale = now - LoggedOutGrace;
        db.ScopeToSystem();
        var abandoned = await db.DialTaskItems.AsNoTracking()
            .Where(i => i.Status == DialTaskItemStatus.Claimed && i.CallId == null && i.ClaimedAt < offlineStale).OrderBy(i => i.ClaimedAt)
            .Select(i => new { i.Id, i.TenantId, i.DialTaskId, i.ClaimedByUserId, i.ClaimedAt }).ToListAsync(ct); // at most one per agent and task
        foreach (var a in abandoned)
        {
            if (a.ClaimedAt >= stale && a.ClaimedByUserId is { } holder && outcomes.IsOnline(a.TenantId, holder)) continue;
            db.ScopeToSystem();
            if (await db.DialTaskItems.Where(i => i.Id == a.Id && i.Status == DialTaskItemStatus.Claimed && i.CallId == null && i.ClaimedAt == a.ClaimedAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DialTaskItemStatus.Pending).SetProperty(i => i.ClaimedByUserId, (Guid?)null)
                        .SetProperty(i => i.ClaimedAt, (DateTimeOffset?)null), ct) == 1)
            {
                released++;
                touched.Add(a.DialTaskId);
            }
        }

        // Answered, ended, and no result set: closed without a result ResultTimeout after the call ended, or at once when
        // its agent is logged out (she will not set it). Read from the stored call record, so a restart changes nothing.
        var resultDue = now - ResultTimeout;
        db.ScopeToSystem();
        var unresolved = await db.DialTaskItems.AsNoTracking()
            .Where(i => i.Status == DialTaskItemStatus.Claimed && i.CallId != null && i.LastOutcome == DialAttemptOutcome.Answered)
            .Join(db.CallRecords, i => i.CallId, r => (Guid?)r.Id, (i, r) => new { i.Id, i.TenantId, i.DialTaskId, i.ClaimedByUserId, i.CallId, Ended = r.EndedAt ?? i.LastAttemptAt })
            .OrderBy(x => x.Ended).ToListAsync(ct); // at most one per agent and task
        foreach (var u in unresolved)
        {
            var late = u.Ended is { } ended && ended < resultDue;
            if (!late && u.ClaimedByUserId is { } holder && outcomes.IsOnline(u.TenantId, holder)) continue;
            if (await outcomes.CloseWithoutResultAsync(u.Id, u.CallId!.Value, ct))
            {
                withoutResult++;
                touched.Add(u.DialTaskId);
            }
        }

        // Retries that fell due since the previous run (the job runs every 10 s): the supervisors' figures change.
        var since = now - TimeSpan.FromSeconds(JobIntervalSeconds);
        db.ScopeToSystem();
        var due = await db.DialTaskItems.AsNoTracking()
            .Where(i => i.Status == DialTaskItemStatus.Pending && i.NextAttemptAt > since && i.NextAttemptAt <= now).Select(i => i.DialTaskId).Distinct().ToListAsync(ct);
        touched.UnionWith(due);
        foreach (var taskId in touched)
        {
            db.ScopeToSystem();
            var task = await db.DialTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is not null) await views.PublishProgressAsync(task, ct);
        }

        var run = new DialTaskWindowRun(opened, closed, completed, settled, released, due.Count, withoutResult);
        if (opened + closed + completed + settled + released + withoutResult > 0) log.LogInformation("Dial tasks: {Run}", run);
        return run;
    }

    public const int JobIntervalSeconds = 10;
}

/// <summary>Runs <see cref="DialTaskWindows"/> every 10 seconds on one node of the cluster.</summary>
public sealed class DialTaskJob(DialTaskWindows windows) : IJob
{
    public const string Name = "dial-task-windows";
    /// <summary>Every 10 seconds: a window opens or closes, and a busy or unanswered call is settled, at most this late.</summary>
    public const string Cron = "0/10 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await windows.RunAsync(ct).ConfigureAwait(false);
}
