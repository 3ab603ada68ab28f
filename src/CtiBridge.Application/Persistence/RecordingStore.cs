using CtiBridge.Data;
using CtiBridge.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Persistence;

/// <summary>A stored recording as listed for search.</summary>
public sealed record RecordingView(Guid RecordingId, Guid CallId, Guid? AgentId, string? CustomerNumber, CallDirection? Direction,
    RecordingType Type, DateTimeOffset StartedAt, int DurationSeconds, string Format);

/// <summary>Recording search over the tenant's stored metadata (the audio stays on the PBX until fetched).</summary>
public sealed class RecordingStore(CtiDbContext db)
{
    /// <summary>Recordings of the tenant, newest first, narrowed to some agents (null: all) and optional filters.</summary>
    public async Task<IReadOnlyList<RecordingView>> SearchAsync(Guid tenantId, IReadOnlyCollection<Guid>? agents, Guid? callId,
        DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var query = from r in db.Recordings.AsNoTracking()
                    join c in db.CallRecords.AsNoTracking() on r.CallId equals c.Id into calls
                    from c in calls.DefaultIfEmpty()
                    select new { r, c };
        if (agents is not null) query = query.Where(x => x.r.UserId != null && agents.Contains(x.r.UserId.Value));
        if (callId is { } id) query = query.Where(x => x.r.CallId == id);
        if (from is { } f) query = query.Where(x => x.r.StartedAt >= f);
        if (to is { } t) query = query.Where(x => x.r.StartedAt < t);
        var rows = await query.OrderByDescending(x => x.r.StartedAt).Take(limit).ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(x => new RecordingView(x.r.Id, x.r.CallId, x.r.UserId, x.c?.CustomerNumber, x.c?.Direction, x.r.Type,
            x.r.StartedAt, x.r.DurationSeconds, x.r.Format)).ToList();
    }

    /// <summary>The recording's PBX name and owner, or null when it is not the tenant's.</summary>
    public async Task<(string Name, Guid? AgentId, string Format)?> FindAsync(Guid tenantId, Guid recordingId, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var r = await db.Recordings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == recordingId, ct).ConfigureAwait(false);
        return r is null ? null : (r.Name, r.UserId, r.Format);
    }
}
