using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Persistence;

/// <summary>Changes to stored call records after the live call is gone (an agent's disposition and remarks during or after wrap-up).</summary>
public sealed class CallRecordStore(CtiDbContext db, DatabaseJournal journal)
{
    /// <summary>
    /// The agent's own notes on a finished call she took part in (null: none yet). Waits for the journal first when the
    /// record is not written yet (the call ended a moment ago). Throws <c>call_not_found</c> (404), also for a call the
    /// agent was not a party of.
    /// </summary>
    public async Task<CallNote?> NoteOfAsync(Guid tenantId, Guid agentId, Guid callId, CancellationToken ct = default)
    {
        await PartyRecordAsync(tenantId, agentId, callId, ct);
        var row = await db.CallAgentDispositions.AsNoTracking().FirstOrDefaultAsync(n => n.CallId == callId && n.UserId == agentId, ct);
        return row is null ? null : new CallNote(row.DispositionId, row.Disposition, row.Remarks, row.SavedAt);
    }

    /// <summary>
    /// Keeps the agent's own notes on a finished call (other agents' notes stay); the record's own disposition and
    /// remarks follow (<see cref="CallNotesSummary"/>). Throws <c>call_not_found</c> like <see cref="NoteOfAsync"/>.
    /// </summary>
    public async Task SaveNoteAsync(Guid tenantId, Guid agentId, Guid callId, CallNote note, CancellationToken ct = default)
    {
        var record = await PartyRecordAsync(tenantId, agentId, callId, ct);
        var rows = await db.CallAgentDispositions.Where(n => n.CallId == callId).ToListAsync(ct);
        var row = rows.FirstOrDefault(n => n.UserId == agentId);
        if (row is null)
        {
            row = new CallAgentDisposition { TenantId = tenantId, CallId = callId, UserId = agentId };
            db.CallAgentDispositions.Add(row);
            rows.Add(row);
        }
        CallNotesSummary.Fill(row, note);
        CallNotesSummary.Apply(record, rows);
        await db.SaveChangesAsync(ct);
    }

    private async Task<CallRecord> PartyRecordAsync(Guid tenantId, Guid agentId, Guid callId, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        // The journal first, always: a record can exist before the call's end is written (a recording's provisional
        // record), and the end, written after this, would put the live call's notes back over the agent's.
        await journal.FlushAsync(ct);
        var record = await db.CallRecords.FirstOrDefaultAsync(c => c.Id == callId, ct)
            ?? throw new CtiException(ErrorCodes.CallNotFound, "No such call.", ErrorKind.NotFound);
        if (!await db.CallLegs.AnyAsync(l => l.CallId == callId && l.UserId == agentId, ct))
            throw new CtiException(ErrorCodes.CallNotFound, "No such call.", ErrorKind.NotFound);
        return record;
    }
}

/// <summary>
/// A call record's own disposition and remarks, from its agents' notes: the answering agent's, else the notes saved
/// last (records filters, CSV and reports read these; each agent's are in <see cref="CallAgentDisposition"/>).
/// </summary>
public static class CallNotesSummary
{
    public static void Fill(CallAgentDisposition row, CallNote note)
    {
        row.DispositionId = note.DispositionId;
        row.Disposition = Cut(note.Disposition, 100);
        row.Remarks = Cut(note.Remarks, 2000);
        row.SavedAt = note.SavedAt;
    }

    public static void Apply(CallRecord record, IReadOnlyCollection<CallAgentDisposition> notes)
    {
        var chosen = notes.FirstOrDefault(n => n.UserId is not null && n.UserId == record.AnsweredByUserId)
            ?? notes.MaxBy(n => n.SavedAt);
        if (chosen is null) return;
        record.DispositionId = chosen.DispositionId;
        // Free text (a tenant without codes) stays readable at the start of the remarks, as records always showed it.
        record.Remarks = chosen.DispositionId is null && chosen.Disposition is { } text
            ? Cut(chosen.Remarks is null ? $"Disposition: {text}" : $"Disposition: {text}\n{chosen.Remarks}", 2000)
            : chosen.Remarks;
    }

    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
