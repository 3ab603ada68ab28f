using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Callbacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CtiBridge.Application.Callbacks;

/// <summary>What one run of the reminder job did.</summary>
/// <param name="Reminded">Callbacks whose reminder went out.</param>
/// <param name="Escalated">Callbacks escalated (agent offline, nobody in the group, or no action in time).</param>
public sealed record CallbackReminderRun(int Reminded, int Escalated);

/// <summary>
/// The due reminders and their escalation, over every tenant (docs/callbacks.md). A callback due and not yet reminded gets
/// its reminder (<c>callbackDue</c> to its agent, or to its skill group's logged-in agents); one whose agent is offline, or
/// whose reminder nobody acted on within the tenant's <c>callbackReminderTimeoutSeconds</c>, is escalated once: its team's
/// supervisors are told (<c>callbackEscalated</c>), or with the tenant's rule <c>OfferToGroup</c> it is offered to its
/// skill group. Each step is claimed with a conditional update of the row (the reminder time, the escalation time), so
/// it happens once however many nodes or firings run at once, and a reminder due while the service was down goes out at
/// the first run after the start.
/// </summary>
public sealed class CallbackReminders(CtiDbContext db, TimeProvider clock, CallbackNotifier notifier, ILogger<CallbackReminders> log)
{
    /// <summary>Callbacks handled per step and run; more wait for the next run.</summary>
    public const int Batch = 200;

    public async Task<CallbackReminderRun> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        int reminded = 0, escalated = 0;

        db.ScopeToSystem();
        var due = await db.Callbacks.AsNoTracking()
            .Where(c => c.Status == CallbackStatus.Scheduled && c.ReminderSentAt == null && c.DueAt <= now)
            .OrderBy(c => c.DueAt).Select(c => c.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in due)
        {
            db.ScopeToSystem();
            var claimed = await db.Callbacks
                .Where(c => c.Id == id && c.Status == CallbackStatus.Scheduled && c.ReminderSentAt == null && c.DueAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderSentAt, now), ct);
            if (claimed != 1) continue; // another node (or an action of the agent) came first
            reminded++;
            escalated += await RemindAsync(id, now, ct) ? 1 : 0;
        }

        db.ScopeToSystem();
        var waiting = await db.Callbacks.AsNoTracking()
            .Where(c => c.Status == CallbackStatus.Scheduled && c.ReminderSentAt != null && c.EscalatedAt == null)
            .Join(db.Tenants, c => c.TenantId, t => t.Id,
                (c, t) => new { c.Id, c.DueAt, c.ReminderSentAt, Timeout = t.Settings.CallbackReminderTimeoutSeconds })
            .OrderBy(c => c.DueAt).Take(Batch).ToListAsync(ct);
        foreach (var w in waiting)
        {
            if (CallbackReminderPolicy.Next(w.DueAt, w.ReminderSentAt, null, now, TimeSpan.FromSeconds(w.Timeout)) != CallbackReminderStep.Escalate)
                continue;
            if (await EscalateAsync(w.Id, now, CallbackEscalationReason.NoAction, ct)) escalated++;
        }
        if (reminded + escalated > 0) log.LogInformation("Callbacks: {Reminded} reminders sent, {Escalated} escalated", reminded, escalated);
        return new CallbackReminderRun(reminded, escalated);
    }

    /// <summary>Sends the reminder of a claimed callback; escalates at once when nobody can receive it. True when it escalated.</summary>
    private async Task<bool> RemindAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return false;
        var view = (await notifier.ViewsAsync(c.TenantId, [c], ct))[0];
        if (c.AssignedUserId is { } agent)
        {
            // Into the agent's stream even when offline: a toolbar that comes back within the stream's window shows it.
            notifier.Due(view, [agent], offeredToGroup: false, c.TenantId);
            return !notifier.IsOnline(c.TenantId, agent) && await EscalateAsync(id, now, CallbackEscalationReason.AgentOffline, ct);
        }
        var online = c.SkillGroupId is { } g ? notifier.OnlineMembers(c.TenantId, g) : [];
        if (online.Count > 0)
        {
            notifier.Due(view, online, offeredToGroup: true, c.TenantId);
            return false;
        }
        return await EscalateAsync(id, now, CallbackEscalationReason.NobodyInGroup, ct);
    }

    /// <summary>Escalates a callback once (claimed by its escalation time): offered to its group, or told to its supervisors.</summary>
    private async Task<bool> EscalateAsync(Guid id, DateTimeOffset now, CallbackEscalationReason reason, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null) return false;
        var rule = await db.Tenants.AsNoTracking().Where(t => t.Id == c.TenantId).Select(t => t.Settings.CallbackEscalation).FirstOrDefaultAsync(ct);
        var group = rule == CallbackEscalation.OfferToGroup && c.AssignedUserId is { } agent && c.SkillGroupId is { } g
            ? notifier.OnlineMembers(c.TenantId, g).Where(a => a != agent).ToList()
            : [];
        var offer = group.Count > 0;

        db.ScopeToSystem();
        var claim = db.Callbacks.Where(x => x.Id == id && x.Status == CallbackStatus.Scheduled && x.EscalatedAt == null && x.ReminderSentAt != null);
        var claimed = offer
            ? await claim.ExecuteUpdateAsync(s => s.SetProperty(x => x.EscalatedAt, now).SetProperty(x => x.AssignedUserId, (Guid?)null), ct)
            : await claim.ExecuteUpdateAsync(s => s.SetProperty(x => x.EscalatedAt, now), ct);
        if (claimed != 1) return false;

        var before = c.AssignedUserId;
        c.EscalatedAt = now;
        if (offer) c.AssignedUserId = null;
        var view = (await notifier.ViewsAsync(c.TenantId, [c], ct))[0];
        if (offer)
        {
            notifier.Due(view, group, offeredToGroup: true, c.TenantId);
            notifier.Updated(c.TenantId, view, before); // the agent's reminder goes away
        }
        else notifier.Escalated(view, await notifier.SupervisorsOfAsync(c, ct), reason, c.TenantId);
        return true;
    }

    private async Task<Callback?> LoadAsync(Guid id, CancellationToken ct)
    {
        db.ScopeToSystem();
        return await db.Callbacks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }
}

/// <summary>Runs <see cref="CallbackReminders"/> every 5 seconds on one node of the cluster.</summary>
public sealed class CallbackReminderJob(CallbackReminders reminders) : IJob
{
    public const string Name = "callback-reminders";
    /// <summary>Every 5 seconds: a reminder is at most this late.</summary>
    public const string Cron = "0/5 * * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await reminders.RunAsync(ct).ConfigureAwait(false);
}
