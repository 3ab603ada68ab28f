using CtiBridge.Application.Callbacks;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CtiBridge.Application.DialTasks;

/// <summary>What one run of the dial task job did.</summary>
public sealed record DialTaskWindowRun(int Opened, int Closed, int Completed, int Settled, int Released, int RetriesDue);

/// <summary>
/// The dial task job's work, over every tenant: a task's window opening or closing (in the tenant's time zone) is told to
/// its agents and supervisors (<c>dialTaskChanged</c>), and a task past its last window, or with every contact done, is
/// completed; a contact whose call ended busy or unanswered is settled (a retry scheduled or exhausted) even when its
/// agent does not come back; a contact claimed and not dialled for <see cref="ClaimTimeout"/> is released; retries that
/// fell due since the last run update the supervisors' progress. Each change is a conditional update of its row, so two
/// nodes or two firings make it once.
/// </summary>
public sealed class DialTaskWindows(CtiDbContext db, TimeProvider clock, DialTaskViews views, DialTaskOutcomes outcomes, ILogger<DialTaskWindows> log)
{
    /// <summary>A contact offered and not dialled goes back to the list after this long.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);
    public const int Batch = 200;

    public async Task<DialTaskWindowRun> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        int opened = 0, closed = 0, completed = 0, settled = 0, released = 0;
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

        // Offered, never dialled, and left: back to the list.
        var stale = now - ClaimTimeout;
        db.ScopeToSystem();
        var abandoned = await db.DialTaskItems.AsNoTracking()
            .Where(i => i.Status == DialTaskItemStatus.Claimed && i.CallId == null && i.ClaimedAt < stale).OrderBy(i => i.ClaimedAt)
            .Select(i => new { i.Id, i.DialTaskId }).Take(Batch).ToListAsync(ct);
        foreach (var a in abandoned)
        {
            db.ScopeToSystem();
            if (await db.DialTaskItems.Where(i => i.Id == a.Id && i.Status == DialTaskItemStatus.Claimed && i.CallId == null && i.ClaimedAt < stale)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DialTaskItemStatus.Pending).SetProperty(i => i.ClaimedByUserId, (Guid?)null)
                        .SetProperty(i => i.ClaimedAt, (DateTimeOffset?)null), ct) == 1)
            {
                released++;
                touched.Add(a.DialTaskId);
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

        var run = new DialTaskWindowRun(opened, closed, completed, settled, released, due.Count);
        if (opened + closed + completed + settled + released > 0) log.LogInformation("Dial tasks: {Run}", run);
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
