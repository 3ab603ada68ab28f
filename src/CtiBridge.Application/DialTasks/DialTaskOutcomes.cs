using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Dispositions;
using CtiBridge.Application.Persistence;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.DialTasks;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.DialTasks;

/// <summary>
/// What a contact's call gave, from its call record: answered (the agent sets the result), busy or not answered (tried
/// again by the task's retry rules, or exhausted). Every change is a conditional update of the contact's row, so the
/// scheduled job, the agent and another node never apply one outcome twice.
/// </summary>
public sealed class DialTaskOutcomes(CtiDbContext db, TimeProvider clock, DialTaskViews views, CallCenterService centers, DatabaseJournal journal)
{
    /// <summary>True while the call is live in this node's call center for the agent.</summary>
    public static bool IsLive(TenantCallCenter center, Guid agentId, Guid callId) =>
        center.HasAgent(agentId) && center.CallsOf(agentId).Any(c => c.CallId == callId);

    /// <summary>True when the agent is logged in to the tenant's call center now.</summary>
    public bool IsOnline(Guid tenantId, Guid agentId) =>
        centers.FindTenant(tenantId) is { } center && center.HasAgent(agentId) && center.GetAgent(agentId).Status != AgentStatus.LoggedOut;

    /// <summary>
    /// Closes a contact whose call was answered and ended and whose agent set no result in time (or logged out): done,
    /// without a result — the customer was spoken to, so the contact is not dialled again unasked. The attempt stays
    /// counted. False when it changed meanwhile (a result set, another node first).
    /// </summary>
    public async Task<bool> CloseWithoutResultAsync(Guid itemId, Guid callId, CancellationToken ct)
    {
        var item = await LoadAsync(itemId, ct);
        if (item is null) return false;
        var now = clock.GetUtcNow();
        var changed = await db.DialTaskItems
            .Where(i => i.Id == itemId && i.Status == DialTaskItemStatus.Claimed && i.CallId == callId && i.LastOutcome == DialAttemptOutcome.Answered)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DialTaskItemStatus.Done).SetProperty(i => i.CompletedByUserId, i => i.ClaimedByUserId)
                .SetProperty(i => i.CompletedAt, (DateTimeOffset?)now), ct);
        return changed == 1;
    }

    /// <summary>
    /// Settles the last attempt of a claimed contact once its call has ended and is stored: busy and not answered release
    /// it for a retry (or exhaust it), answered keeps it with its agent for the result. A call in which the customer was
    /// never dialled (the agent's phone did not answer) does not count as an attempt. Returns the contact as it is now.
    /// </summary>
    public async Task<DialTaskItem?> SettleAsync(Guid itemId, CancellationToken ct)
    {
        var item = await LoadAsync(itemId, ct);
        if (item is not { Status: DialTaskItemStatus.Claimed, CallId: { } callId, LastOutcome: null }) return item;
        if (centers.FindTenant(item.TenantId) is { } center && item.ClaimedByUserId is { } agent && IsLive(center, agent, callId)) return item;
        var outcome = await OutcomeAsync(item.TenantId, callId, flush: false, ct);
        if (outcome is null) return item; // not stored yet: the next run
        var task = await views.FindAsync(item.TenantId, item.DialTaskId, ct);
        var now = clock.GetUtcNow();
        var claim = db.DialTaskItems.Where(i => i.Id == itemId && i.Status == DialTaskItemStatus.Claimed && i.CallId == callId && i.LastOutcome == null);
        int changed;
        if (outcome == AttemptResult.Answered)
            changed = await claim.ExecuteUpdateAsync(s => s.SetProperty(i => i.LastOutcome, DialAttemptOutcome.Answered), ct);
        else if (outcome == AttemptResult.AgentNotReached)
            changed = await claim.ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DialTaskItemStatus.Pending).SetProperty(i => i.ClaimedByUserId, (Guid?)null)
                .SetProperty(i => i.ClaimedAt, (DateTimeOffset?)null).SetProperty(i => i.Attempts, i => i.Attempts - 1), ct);
        else
        {
            var busy = outcome == AttemptResult.Busy;
            var (decision, at) = DialTaskViews.RetryRulesOf(task).After(busy, item.BusyCount + (busy ? 1 : 0), item.NoAnswerCount + (busy ? 0 : 1), now);
            changed = await claim.ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, decision == RetryDecision.Retry ? DialTaskItemStatus.Pending : DialTaskItemStatus.Exhausted)
                .SetProperty(i => i.NextAttemptAt, at).SetProperty(i => i.ClaimedByUserId, (Guid?)null).SetProperty(i => i.ClaimedAt, (DateTimeOffset?)null)
                .SetProperty(i => i.LastOutcome, busy ? DialAttemptOutcome.Busy : DialAttemptOutcome.NoAnswer)
                .SetProperty(i => i.BusyCount, i => i.BusyCount + (busy ? 1 : 0)).SetProperty(i => i.NoAnswerCount, i => i.NoAnswerCount + (busy ? 0 : 1))
                .SetProperty(i => i.CompletedAt, decision == RetryDecision.Exhausted ? now : null), ct);
        }
        if (changed == 1) await views.PublishProgressAsync(task, ct);
        return await LoadAsync(itemId, ct);
    }

    /// <summary>
    /// The agent's result for the contact she holds: done when its call was answered (or it was not dialled); a busy or
    /// unanswered call is retried by the rules (the result and remark are kept) or exhausted.
    /// </summary>
    public async Task<DialTaskItem> CompleteAsync(DialTask task, Guid itemId, Guid agent, ChosenDisposition chosen, string? remark, CancellationToken ct)
    {
        var item = await LoadAsync(itemId, ct) ?? throw new CtiException(DialTaskErrors.NotFound, "No such contact in this task.", ErrorKind.NotFound);
        var now = clock.GetUtcNow();
        var outcome = item.LastOutcome switch
        {
            DialAttemptOutcome.Answered => AttemptResult.Answered,
            DialAttemptOutcome.Busy => AttemptResult.Busy,
            DialAttemptOutcome.NoAnswer => AttemptResult.NoAnswer,
            _ => item.CallId is { } callId ? await OutcomeAsync(item.TenantId, callId, flush: true, ct) ?? AttemptResult.Answered : AttemptResult.Answered,
        };
        var retry = outcome is AttemptResult.Busy or AttemptResult.NoAnswer;
        var busy = outcome == AttemptResult.Busy;
        var counted = retry && item.LastOutcome is null; // the job may have counted this attempt already
        var (decision, at) = retry
            ? DialTaskViews.RetryRulesOf(task).After(busy, item.BusyCount + (busy && counted ? 1 : 0), item.NoAnswerCount + (!busy && counted ? 1 : 0), now)
            : (RetryDecision.Exhausted, null);
        var status = !retry ? DialTaskItemStatus.Done : decision == RetryDecision.Retry ? DialTaskItemStatus.Pending : DialTaskItemStatus.Exhausted;
        var last = item.CallId is null ? item.LastOutcome : outcome switch
        {
            AttemptResult.Busy => DialAttemptOutcome.Busy,
            AttemptResult.NoAnswer => DialAttemptOutcome.NoAnswer,
            _ => DialAttemptOutcome.Answered,
        };
        db.ScopeToTenant(item.TenantId);
        var changed = await db.DialTaskItems.Where(i => i.Id == itemId && i.Status == DialTaskItemStatus.Claimed && i.ClaimedByUserId == agent)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status)
                .SetProperty(i => i.DispositionId, chosen.Id).SetProperty(i => i.Result, chosen.Text.Length > 100 ? chosen.Text[..100] : chosen.Text)
                .SetProperty(i => i.Remark, remark).SetProperty(i => i.LastOutcome, last)
                .SetProperty(i => i.BusyCount, i => i.BusyCount + (busy && counted ? 1 : 0)).SetProperty(i => i.NoAnswerCount, i => i.NoAnswerCount + (retry && !busy && counted ? 1 : 0))
                .SetProperty(i => i.NextAttemptAt, at)
                .SetProperty(i => i.ClaimedByUserId, status == DialTaskItemStatus.Pending ? null : (Guid?)agent)
                .SetProperty(i => i.ClaimedAt, status == DialTaskItemStatus.Pending ? null : item.ClaimedAt)
                .SetProperty(i => i.CompletedByUserId, status == DialTaskItemStatus.Pending ? null : (Guid?)agent)
                .SetProperty(i => i.CompletedAt, status == DialTaskItemStatus.Pending ? null : (DateTimeOffset?)now), ct);
        if (changed != 1)
            throw new CtiException(DialTaskErrors.NotClaimed, "The contact is not offered to you any more.", ErrorKind.Conflict);
        await views.PublishProgressAsync(task, ct);
        return (await LoadAsync(itemId, ct))!;
    }

    /// <summary>Marks a contact whose number is on the blocklist: it is never dialled.</summary>
    public async Task BlockAsync(DialTask task, Guid itemId, CancellationToken ct)
    {
        db.ScopeToTenant(task.TenantId);
        var now = clock.GetUtcNow();
        var changed = await db.DialTaskItems.Where(i => i.Id == itemId && (i.Status == DialTaskItemStatus.Pending || i.Status == DialTaskItemStatus.Claimed))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DialTaskItemStatus.Blocked).SetProperty(i => i.ClaimedByUserId, (Guid?)null)
                .SetProperty(i => i.CompletedAt, (DateTimeOffset?)now), ct);
        if (changed == 1) await views.PublishProgressAsync(task, ct);
    }

    private enum AttemptResult { Answered, Busy, NoAnswer, AgentNotReached }

    /// <summary>The attempt's result from its stored call record; null when the record is not stored (yet).</summary>
    private async Task<AttemptResult?> OutcomeAsync(Guid tenantId, Guid callId, bool flush, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        // A record without an end is the live call's provisional one: its outcome is not known yet.
        var record = await db.CallRecords.AsNoTracking().Where(r => r.Id == callId && r.EndedAt != null).Select(r => new { r.Outcome }).FirstOrDefaultAsync(ct);
        if (record is null && flush)
        {
            await journal.FlushAsync(ct);
            record = await db.CallRecords.AsNoTracking().Where(r => r.Id == callId && r.EndedAt != null).Select(r => new { r.Outcome }).FirstOrDefaultAsync(ct);
        }
        if (record is null) return null;
        if (record.Outcome == CallOutcome.Answered) return AttemptResult.Answered;
        if (!await db.CallLegs.AnyAsync(l => l.CallId == callId && l.Role == CallLegRole.Customer, ct)) return AttemptResult.AgentNotReached;
        return record.Outcome == CallOutcome.Busy ? AttemptResult.Busy : AttemptResult.NoAnswer;
    }

    private async Task<DialTaskItem?> LoadAsync(Guid itemId, CancellationToken ct)
    {
        db.ScopeToSystem();
        var item = await db.DialTaskItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is not null) db.ScopeToTenant(item.TenantId);
        return item;
    }
}
