using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Contacts;
using CtiBridge.Application.Dispositions;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.DialTasks;

/// <summary>
/// The agent's side of dial tasks (preview dialling, docs/dialtasks.md): the next contact is claimed for her alone (a
/// conditional update of its row, so of two agents or two nodes only one gets it, and a number claimed in any task is
/// not offered again until it is released); she dials it with one click (the call center's dial, presenting the task's
/// caller ID, the call tagged with the task) and sets its result (a disposition code) and a remark. Nothing is offered or
/// dialled outside the task's window, and a number on the tenant's blocklist never.
/// </summary>
public sealed class DialTaskDesk(CtiDbContext db, IInputValidator validator, TimeProvider clock, DialTaskViews views,
    DialTaskOutcomes outcomes, CallCenterService centers, DispositionCodes codes, ContactBook contacts, AgentCallNotes notes)
{
    /// <summary>Candidates tried per round of claiming (another agent may take some first).</summary>
    private const int ClaimBatch = 20;

    /// <summary>
    /// The contact the agent works now: the one she holds (until its result is set), else the next due one, claimed for
    /// her. Null when nothing is due (then <see cref="DialTaskNextResponse.NextRetryAt"/> says when a retry falls due).
    /// </summary>
    public async Task<DialTaskNextResponse> NextAsync(Actor actor, Guid taskId, CancellationToken ct = default)
    {
        var task = await WorkedAsync(actor, taskId, ct);
        var zone = await views.ZoneAsync(actor.TenantId, ct);
        var now = clock.GetUtcNow();
        RequireOpen(task, now, zone.Zone);

        // Hers already: an unanswered call of it is settled first (a retry is scheduled and the contact released).
        var held = await HeldAsync(task.Id, actor.UserId, ct);
        if (held is not null && await outcomes.SettleAsync(held.Id, ct) is { } settled && settled.Status == DialTaskItemStatus.Claimed)
            return new DialTaskNextResponse(await views.ContactViewAsync(settled, ct), await RemainingAsync(task.Id, ct), null);

        var blocked = await DialTaskPlanner.BlockedNumbersAsync(db, actor.TenantId, await contacts.CountryAsync(actor.TenantId, ct), ct);
        for (var round = 0; round < 5; round++)
        {
            db.ScopeToTenant(actor.TenantId);
            var tenantId = actor.TenantId;
            // Not those whose number or contact is held in another task now: with many agents on two tasks sharing a
            // list, the first candidates could all be held, and the rounds would end with nothing offered.
            var candidates = await db.DialTaskItems.AsNoTracking()
                .Where(i => i.DialTaskId == task.Id && i.Status == DialTaskItemStatus.Pending && (i.NextAttemptAt == null || i.NextAttemptAt <= now)
                            && !db.DialTaskItems.Any(o => o.TenantId == tenantId && o.Status == DialTaskItemStatus.Claimed
                                                          && (o.Number == i.Number || (i.ContactId != null && o.ContactId == i.ContactId))))
                .OrderBy(i => i.NextAttemptAt == null ? 1 : 0).ThenBy(i => i.NextAttemptAt).ThenBy(i => i.Position)
                .Take(ClaimBatch).ToListAsync(ct);
            if (candidates.Count == 0) break;
            foreach (var c in candidates)
            {
                if (blocked.Contains(c.Number))
                {
                    await outcomes.BlockAsync(task, c.Id, ct);
                    continue;
                }
                if (await ClaimAsync(actor, c, now, ct))
                {
                    var mine = await db.DialTaskItems.AsNoTracking().FirstAsync(i => i.Id == c.Id, ct);
                    await views.PublishProgressAsync(task, ct);
                    return new DialTaskNextResponse(await views.ContactViewAsync(mine, ct), await RemainingAsync(task.Id, ct), null);
                }
            }
        }
        db.ScopeToTenant(actor.TenantId);
        var nextRetry = await db.DialTaskItems.Where(i => i.DialTaskId == task.Id && i.Status == DialTaskItemStatus.Pending && i.NextAttemptAt > now)
            .OrderBy(i => i.NextAttemptAt).Select(i => i.NextAttemptAt).FirstOrDefaultAsync(ct);
        return new DialTaskNextResponse(null, await RemainingAsync(task.Id, ct), nextRetry?.ToUniversalTime());
    }

    /// <summary>
    /// One-click dial of the contact she holds: her phone rings, then the contact's number is dialled presenting the task's
    /// caller ID (the call center's dial and its refusals: <c>agent_not_logged_in</c>, <c>agent_busy</c> …). Refused
    /// outside the window, for a blocked number, and while a call of the contact is still going on.
    /// </summary>
    public async Task<DialTaskDialResponse> DialAsync(Actor actor, Guid taskId, Guid itemId, CancellationToken ct = default)
    {
        var task = await WorkedAsync(actor, taskId, ct);
        var zone = await views.ZoneAsync(actor.TenantId, ct);
        var now = clock.GetUtcNow();
        RequireOpen(task, now, zone.Zone);
        var item = await HeldItemAsync(task, itemId, actor.UserId, ct);
        var center = centers.FindTenant(actor.TenantId);
        if (center is null || !center.HasAgent(actor.UserId))
            throw new CtiException(DialTaskErrors.Forbidden, "Only an agent of the call center dials.", ErrorKind.Forbidden);
        if (item.CallId is { } previous && DialTaskOutcomes.IsLive(center, actor.UserId, previous))
            throw new CtiException(DialTaskErrors.CallInProgress, "The contact's call is still going on.", ErrorKind.Conflict);
        var blocked = await DialTaskPlanner.BlockedNumbersAsync(db, actor.TenantId, await contacts.CountryAsync(actor.TenantId, ct), ct);
        if (blocked.Contains(item.Number))
        {
            await outcomes.BlockAsync(task, item.Id, ct);
            throw new CtiException(ErrorCodes.NumberBlocked, $"{item.Number} is on the tenant's blocklist: it is not dialled.", ErrorKind.Conflict);
        }

        var callId = center.Dial(actor.UserId, item.Number, task.CallerId, new Dictionary<string, string>
        {
            [DialTaskCallData.TaskKey] = task.Id.ToString(),
            [DialTaskCallData.ItemKey] = item.Id.ToString(),
        });
        db.ScopeToTenant(actor.TenantId);
        var tracked = await db.DialTaskItems.FirstAsync(i => i.Id == item.Id, ct);
        tracked.CallId = callId;
        tracked.Attempts++;
        tracked.LastAttemptAt = now;
        tracked.LastOutcome = null; // this attempt's outcome is not known yet
        await db.SaveChangesAsync(ct);
        await views.PublishProgressAsync(task, ct);
        return new DialTaskDialResponse(callId, await views.ContactViewAsync(tracked, ct));
    }

    /// <summary>
    /// Sets the result of the contact she holds (a disposition code of the tenant) and a remark. An answered call (or a
    /// contact not dialled) is done; a busy or unanswered call is tried again by the task's retry rules (or exhausted),
    /// keeping the result given. Refused while the call is still going on.
    /// </summary>
    public async Task<DialTaskContactView> ResultAsync(Actor actor, Guid taskId, Guid itemId, DialTaskResultRequest request, CancellationToken ct = default)
    {
        await validator.ValidateAsync(request, ct);
        var task = await WorkedAsync(actor, taskId, ct);
        var item = await HeldItemAsync(task, itemId, actor.UserId, ct);
        var chosen = await codes.ChooseAsync(actor.TenantId, request.DispositionId, request.Disposition, ct);
        var remark = ContactBook.NullIfEmpty(request.Remark);
        if (remark is null && await codes.RemarksRequiredAsync(actor.TenantId, chosen.Id, ct))
            throw new CtiException(DispositionErrors.RemarksRequired, $"The disposition '{chosen.Text}' requires remarks.", ErrorKind.Validation);
        if (item.CallId is { } callId && centers.FindTenant(actor.TenantId) is { } center)
        {
            if (DialTaskOutcomes.IsLive(center, actor.UserId, callId))
                throw new CtiException(DialTaskErrors.CallInProgress, "Set the result when the call has ended.", ErrorKind.Conflict);
            // The call's record carries the result too (her disposition and remarks, as the wrap-up form saves them).
            await notes.SaveAsync(center, actor.UserId, callId, new CallNoteChange(chosen.Id, chosen.Id is null ? chosen.Text : null, remark), ct);
        }
        var result = await outcomes.CompleteAsync(task, item.Id, actor.UserId, chosen, remark, ct);
        return await views.ContactViewAsync(result, ct);
    }

    // ------------------------------------------------------------------ rules

    private static void RequireOpen(DialTask task, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (task.Status != DialTaskStatus.Running)
            throw new CtiException(DialTaskErrors.NotRunning, $"The task is {task.Status.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);
        var w = DialTaskViews.WindowOf(task);
        if (!w.IsOpen(now, zone))
            throw new CtiException(DialTaskErrors.WindowClosed,
                $"The task is worked {DialTaskFormats.Format(w.FirstDay)} to {DialTaskFormats.Format(w.LastDay)}, {DialTaskFormats.Format(w.DailyStart)}–{DialTaskFormats.Format(w.DailyEnd)} ({zone.Id}).",
                ErrorKind.Conflict);
    }

    /// <summary>Claims the contact for the agent (<see cref="DialTaskClaims"/>): it succeeds for one caller only.</summary>
    private Task<bool> ClaimAsync(Actor actor, DialTaskItem c, DateTimeOffset now, CancellationToken ct) =>
        DialTaskClaims.TryClaimAsync(db, actor.TenantId, c.Id, c.Number, c.ContactId, actor.UserId, now, ct);

    private async Task<DialTaskItem?> HeldAsync(Guid taskId, Guid agent, CancellationToken ct) =>
        await db.DialTaskItems.AsNoTracking().FirstOrDefaultAsync(i => i.DialTaskId == taskId && i.Status == DialTaskItemStatus.Claimed && i.ClaimedByUserId == agent, ct);

    private async Task<DialTaskItem> HeldItemAsync(DialTask task, Guid itemId, Guid agent, CancellationToken ct)
    {
        db.ScopeToTenant(task.TenantId);
        var item = await db.DialTaskItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.DialTaskId == task.Id, ct)
            ?? throw new CtiException(DialTaskErrors.NotFound, "No such contact in this task.", ErrorKind.NotFound);
        if (item.Status != DialTaskItemStatus.Claimed || item.ClaimedByUserId != agent)
            throw new CtiException(DialTaskErrors.NotClaimed, "The contact is not offered to you (ask for the next contact).", ErrorKind.Conflict);
        return item;
    }

    private async Task<int> RemainingAsync(Guid taskId, CancellationToken ct) =>
        await db.DialTaskItems.CountAsync(i => i.DialTaskId == taskId && (i.Status == DialTaskItemStatus.Pending || i.Status == DialTaskItemStatus.Claimed), ct);

    /// <summary>The task, when the caller works it (<c>dial_task_forbidden</c> otherwise).</summary>
    private async Task<DialTask> WorkedAsync(Actor actor, Guid taskId, CancellationToken ct)
    {
        var v = await views.ViewerAsync(actor, ct);
        var task = await views.FindAsync(actor.TenantId, taskId, ct);
        if (!v.Works(task, await views.NamedAgentsAsync(task.Id, ct)))
            throw new CtiException(DialTaskErrors.Forbidden, "The task is not one you work (another team's, or other agents').", ErrorKind.Forbidden);
        return task;
    }
}
