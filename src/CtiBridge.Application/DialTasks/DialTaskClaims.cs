using CtiBridge.Data;
using CtiBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.DialTasks;

/// <summary>
/// Claiming a dial task's contact for an agent (docs/dialtasks.md, "Claimed once"). One conditional update takes the row
/// when it is still pending and due and its number and contact are claimed nowhere else in the tenant; the unique
/// indexes on what is claimed (<c>IX_DialTaskItems_ClaimedNumber</c>, <c>IX_DialTaskItems_ClaimedContact</c>) make the
/// "nowhere else" hold when two claims of different rows interleave — which the update's own check cannot see under
/// read committed (PostgreSQL, SQL Server): the second claim breaks the index, and that is read as "lost, take the next".
/// </summary>
public static class DialTaskClaims
{
    /// <summary>True when the contact is now the agent's; false when it was not pending and due, or another claim holds its number or contact.</summary>
    public static async Task<bool> TryClaimAsync(CtiDbContext db, Guid tenantId, Guid itemId, string number, Guid? contactId, Guid agent,
        DateTimeOffset now, CancellationToken ct)
    {
        db.ScopeToTenant(tenantId);
        try
        {
            // The NOT EXISTS spares the index a refusal in the usual case (a number already held a while ago).
            var claimed = await db.DialTaskItems
                .Where(i => i.Id == itemId && i.Status == DialTaskItemStatus.Pending && (i.NextAttemptAt == null || i.NextAttemptAt <= now)
                            && !db.DialTaskItems.Any(o => o.TenantId == tenantId && o.Status == DialTaskItemStatus.Claimed
                                                          && (o.Number == number || (contactId != null && o.ContactId == contactId))))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, DialTaskItemStatus.Claimed).SetProperty(i => i.ClaimedByUserId, (Guid?)agent)
                    .SetProperty(i => i.ClaimedAt, (DateTimeOffset?)now), ct);
            return claimed == 1;
        }
        catch (Exception e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return false; // another claim of the same number or contact committed first
        }
    }
}
