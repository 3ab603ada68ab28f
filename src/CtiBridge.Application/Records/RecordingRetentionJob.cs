using CtiBridge.Application.Pbx;
using CtiBridge.Data;
using CtiBridge.Data.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CtiBridge.Application.Records;

/// <summary>What one tenant's purge removed.</summary>
public sealed record RetentionPurgeResult(Guid TenantId, int RecordingsDeleted, int FilesDeleted, int FilesAlreadyGone, int FilesFailed,
    int CallRecordsDeleted, int RecordingsHeld);

/// <summary>
/// Daily: in every tenant with a retention (<c>RecordingRetentionDays</c> &gt; 0), deletes the recordings (file on the PBX,
/// then row) and call records offered before the cutoff. A recording under legal hold is kept, and so is its call's record.
/// A file the PBX fails to delete keeps its row, to be tried again the next day. Logs what it removed per tenant, and a
/// purge that removed anything is in the tenant's audit log (<see cref="AuditAction"/>, actor System: the counts and the cutoff).
/// </summary>
public sealed class RecordingRetentionJob(CtiDbContext db, PbxServers servers, TimeProvider time, ILogger<RecordingRetentionJob> log) : IJob
{
    public const string Name = "purge-expired-recordings";
    /// <summary>04:00 UTC every day.</summary>
    public const string Cron = "0 0 4 * * ?";
    private const int Batch = 500;
    /// <summary>The audit action of a tenant's purge (target: the tenant).</summary>
    public const string AuditAction = "recording.retention_purged";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var tenants = await db.ScopeToSystem().Tenants.AsNoTracking().Where(t => t.Settings.RecordingRetentionDays > 0)
            .Select(t => new { t.Id, t.Settings.RecordingRetentionDays }).ToListAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var t in tenants)
        {
            var r = await PurgeTenantAsync(t.Id, now - TimeSpan.FromDays(t.RecordingRetentionDays), ct).ConfigureAwait(false);
            log.LogInformation(
                "Retention of tenant {TenantId} ({Days} days): deleted {Recordings} recordings ({Files} files, {Gone} already gone, {Failed} failed, kept for the next run), {Calls} call records; {Held} under legal hold kept",
                t.Id, t.RecordingRetentionDays, r.RecordingsDeleted, r.FilesDeleted, r.FilesAlreadyGone, r.FilesFailed, r.CallRecordsDeleted, r.RecordingsHeld);
        }
    }

    /// <summary>Purges one tenant's recordings and call records offered before <paramref name="cutoff"/>.</summary>
    public async Task<RetentionPurgeResult> PurgeTenantAsync(Guid tenantId, DateTimeOffset cutoff, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        // The recordings are on the tenant's Asterisk server (one not configured here fails each deletion: kept for the next run).
        var placement = await db.Tenants.AsNoTracking().Select(t => t.AsteriskServer).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        int deleted = 0, files = 0, gone = 0, failed = 0;
        var failedIds = new HashSet<Guid>();
        while (true)
        {
            var batch = await db.Recordings.Where(r => !r.LegalHold && r.EndedAt != null && r.StartedAt < cutoff && !failedIds.Contains(r.Id))
                .OrderBy(r => r.StartedAt).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
            if (batch.Count == 0) break;
            foreach (var r in batch)
            {
                bool existed;
                try { existed = await servers.Of(placement).DeleteRecordingAsync(r.Name, ct).ConfigureAwait(false); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "Retention: the PBX did not delete recording {Name}; kept for the next run", r.Name);
                    failed++;
                    failedIds.Add(r.Id);
                    continue;
                }
                if (existed) files++; else gone++;
                db.Recordings.Remove(r);
                deleted++;
            }
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }
        var held = await db.Recordings.CountAsync(r => r.LegalHold && r.StartedAt < cutoff, ct).ConfigureAwait(false);
        // Records whose recordings are all gone (legal holds and failed deletions keep theirs). Legs and attached data cascade.
        var calls = await db.CallRecords
            .Where(c => c.OfferedAt < cutoff && c.EndedAt != null && !db.Recordings.Any(r => r.CallId == c.Id))
            .ExecuteDeleteAsync(ct).ConfigureAwait(false);
        var result = new RetentionPurgeResult(tenantId, deleted, files, gone, failed, calls, held);
        if (deleted > 0 || calls > 0)
        {
            // After the deletions (they run in batches): an entry only for what was removed.
            AuditTrail.Add(db, new NoAuditActor(), time.GetUtcNow(), tenantId, AuditAction, "tenant", tenantId.ToString(), after: new
            {
                cutoff, recordingsDeleted = deleted, filesDeleted = files, filesAlreadyGone = gone, filesFailed = failed,
                callRecordsDeleted = calls, recordingsHeld = held,
            });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return result;
    }
}
