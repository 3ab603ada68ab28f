using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Data;
using CtiBridge.Data.Audit;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Records;

/// <summary>A recording as listed: its call, who recorded it, its own length, whether it is still running or held.</summary>
public sealed record RecordingView(Guid RecordingId, Guid CallId, Guid? AgentId, string? CustomerNumber, CallDirection? Direction,
    RecordingType Type, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int DurationSeconds, bool InProgress, bool LegalHold, string Format);

/// <summary>How a recording's audio is asked for, for the audit log.</summary>
public enum RecordingAccess
{
    Play,
    Download,
}

/// <summary>
/// Recordings: search by the call record filters, audio for the parties of the call and their supervisors (admins and
/// API keys: the tenant), each play and download in the audit log, legal hold. Reads the database only.
/// </summary>
public sealed class RecordingLibrary(CtiDbContext db, CallRecordSearch records, IAuditActor auditActor, TimeProvider time)
{
    /// <summary>Recordings of the calls the viewer sees that match <paramref name="filter"/>, newest first (running ones included).</summary>
    public async Task<IReadOnlyList<RecordingView>> SearchAsync(RecordViewer viewer, CallRecordFilter filter, Guid? callId, DateTimeOffset? from,
        DateTimeOffset? to, int limit, CancellationToken ct = default)
    {
        if (limit is < 1 or > 500)
            throw new CtiException(ErrorCodes.ValidationFailed, "limit is between 1 and 500.", ErrorKind.Validation);
        // The recordings' own time range; the call filters (without a default "today" when a call or range is named).
        var calls = CallRecordSearch.Visible(db, viewer, db.CallRecords);
        var narrowed = callId is not null || from is not null || to is not null
            ? filter with { From = filter.From ?? DateTimeOffset.MinValue.AddYears(1) }
            : filter;
        calls = records.Apply(viewer, calls, narrowed);
        var query = from r in db.Recordings.AsNoTracking()
                    join c in calls on r.CallId equals c.Id
                    select new { r, c };
        if (callId is { } id) query = query.Where(x => x.r.CallId == id);
        if (from is { } f) query = query.Where(x => x.r.StartedAt >= f);
        if (to is { } t) query = query.Where(x => x.r.StartedAt < t);
        var rows = await query.OrderByDescending(x => x.r.StartedAt).ThenByDescending(x => x.r.Id).Take(limit).ToListAsync(ct).ConfigureAwait(false);
        var mask = await records.MaskRuleAsync(viewer, ct).ConfigureAwait(false);
        return rows.Select(x => new RecordingView(x.r.Id, x.r.CallId, x.r.UserId, NumberMask.Apply(mask, x.c.CustomerNumber), x.c.Direction, x.r.Type,
            x.r.StartedAt, x.r.EndedAt, x.r.DurationSeconds, x.r.EndedAt == null, x.r.LegalHold, x.r.Format)).ToList();
    }

    /// <summary>
    /// The recording's PBX name and format for a viewer allowed to hear it (a party of its call, a supervisor of one, an admin or
    /// API key of the tenant), with an audit entry for the play or download. <c>not_found</c> (404) otherwise, so a recording
    /// of someone else's call is indistinguishable from none.
    /// </summary>
    public async Task<(string Name, string Format)> OpenForAsync(RecordViewer viewer, Guid recordingId, RecordingAccess access, bool audit,
        CancellationToken ct = default)
    {
        var visibleCalls = CallRecordSearch.Visible(db, viewer, db.CallRecords).Select(c => c.Id);
        var r = await db.Recordings.AsNoTracking().Where(x => x.Id == recordingId && visibleCalls.Contains(x.CallId))
            .Select(x => new { x.Id, x.Name, x.Format, x.CallId }).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new CtiException(ErrorCodes.NotFound, "No such recording.", ErrorKind.NotFound);
        if (audit)
        {
            AuditTrail.Add(db, auditActor, time.GetUtcNow(), viewer.TenantId,
                access == RecordingAccess.Download ? "recording.downloaded" : "recording.played", "recording", r.Id.ToString(),
                after: new { r.CallId, r.Name });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return (r.Name, r.Format);
    }

    /// <summary>Sets or clears a recording's legal hold (supervisors of its call's agents, admins); audited.</summary>
    public async Task<RecordingView> SetLegalHoldAsync(RecordViewer viewer, Guid recordingId, bool hold, CancellationToken ct = default)
    {
        if (!viewer.IsSupervisor)
            throw new CtiException(ErrorCodes.Forbidden, "Only supervisors set a legal hold.", ErrorKind.Forbidden);
        var visibleCalls = CallRecordSearch.Visible(db, viewer, db.CallRecords).Select(c => c.Id);
        var r = await db.Recordings.Where(x => x.Id == recordingId && visibleCalls.Contains(x.CallId)).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            ?? throw new CtiException(ErrorCodes.NotFound, "No such recording.", ErrorKind.NotFound);
        if (r.LegalHold != hold)
        {
            AuditTrail.Add(db, auditActor, time.GetUtcNow(), viewer.TenantId, hold ? "recording.legal_hold_set" : "recording.legal_hold_cleared",
                "recording", r.Id.ToString(), before: new { LegalHold = r.LegalHold }, after: new { LegalHold = hold });
            r.LegalHold = hold;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        var call = await db.CallRecords.AsNoTracking().FirstAsync(c => c.Id == r.CallId, ct).ConfigureAwait(false);
        return new RecordingView(r.Id, r.CallId, r.UserId, call.CustomerNumber, call.Direction, r.Type, r.StartedAt, r.EndedAt, r.DurationSeconds,
            r.EndedAt == null, r.LegalHold, r.Format);
    }
}
