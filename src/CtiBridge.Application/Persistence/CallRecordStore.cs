using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Persistence;

/// <summary>Changes to stored call records after the live call is gone (disposition and remarks during or after wrap-up).</summary>
public sealed class CallRecordStore(CtiDbContext db, DatabaseJournal journal)
{
    /// <summary>
    /// Sets the disposition and remarks of a finished call the agent took part in. Waits for the
    /// journal first when the record is not written yet (the call ended a moment ago).
    /// Throws <c>call_not_found</c> (404), also for a call the agent was not a party of.
    /// </summary>
    public async Task SetDispositionAsync(Guid tenantId, Guid agentId, Guid callId, string? disposition, string? remarks, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        // The journal first, always: a record can exist before the call's end is written (a recording's provisional
        // record), and the end, written after this, would put the live call's remarks back over the agent's.
        await journal.FlushAsync(ct);
        var record = await db.CallRecords.FirstOrDefaultAsync(c => c.Id == callId, ct)
            ?? throw new CtiException(ErrorCodes.CallNotFound, "No such call.", ErrorKind.NotFound);
        if (!await db.CallLegs.AnyAsync(l => l.CallId == callId && l.UserId == agentId, ct))
            throw new CtiException(ErrorCodes.CallNotFound, "No such call.", ErrorKind.NotFound);
        var index = await DatabaseJournal.DispositionIndexAsync(db, ct);
        // Keep what is stored unless the request replaces it (as on a live call).
        var existingRemarks = record.Remarks;
        if (disposition is not null)
        {
            var (id, text) = DatabaseJournal.MapDisposition(disposition, remarks ?? StripDisposition(existingRemarks), index);
            record.DispositionId = id;
            record.Remarks = text;
        }
        else if (remarks is not null)
        {
            record.Remarks = record.DispositionId is null && existingRemarks?.StartsWith("Disposition: ", StringComparison.Ordinal) == true
                ? existingRemarks.Split('\n')[0] + "\n" + remarks
                : remarks;
            if (record.Remarks.Length > 2000) record.Remarks = record.Remarks[..2000];
        }
        await db.SaveChangesAsync(ct);
    }

    private static string? StripDisposition(string? remarks)
    {
        if (remarks is null || !remarks.StartsWith("Disposition: ", StringComparison.Ordinal)) return remarks;
        var nl = remarks.IndexOf('\n');
        return nl < 0 ? null : remarks[(nl + 1)..];
    }
}
