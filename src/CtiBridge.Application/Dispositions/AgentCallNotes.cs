using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Dispositions;

/// <summary>What an agent changes in her notes on a call: a field left null is kept, an empty one cleared.</summary>
/// <param name="DispositionId">A disposition code by id (wins over <paramref name="Disposition"/>).</param>
/// <param name="Disposition">A disposition code or name as text (any case); free text only for a tenant without codes.</param>
/// <param name="Remarks">Free text.</param>
public sealed record CallNoteChange(Guid? DispositionId, string? Disposition, string? Remarks);

/// <summary>
/// An agent saves her own disposition and remarks on a call: on the live call, or on its record once it ended (in
/// wrap-up or later). Other agents' notes on the same call are never touched.
/// </summary>
public sealed class AgentCallNotes(DispositionCodes codes, CallRecordStore records, TimeProvider time)
{
    public async Task SaveAsync(TenantCallCenter center, Guid agentId, Guid callId, CallNoteChange change, CancellationToken ct = default)
    {
        var tenantId = center.TenantId;
        (Guid? Id, string Text)? chosen = null;
        if (change.DispositionId is not null || !string.IsNullOrWhiteSpace(change.Disposition))
        {
            var code = await codes.ChooseAsync(tenantId, change.DispositionId, change.Disposition, ct);
            chosen = (code.Id, code.Text);
        }
        else if (change.Disposition is not null)
        {
            chosen = (null, "");   // "" clears the disposition
        }

        var (live, current) = center.NoteOf(agentId, callId);
        if (!live) current = await records.NoteOfAsync(tenantId, agentId, callId, ct);
        var note = CallNote.Merge(current, chosen, change.Remarks, time.GetUtcNow());
        if (note.Remarks is null && await codes.RemarksRequiredAsync(tenantId, note.DispositionId, ct))
            throw new CtiException(DispositionErrors.RemarksRequired, $"The disposition '{note.Disposition}' requires remarks.", ErrorKind.Validation);

        // The call may end between reading and saving: its record takes the notes then.
        if (!live || !center.SetNote(agentId, callId, note))
            await records.SaveNoteAsync(tenantId, agentId, callId, note, ct);
    }
}
