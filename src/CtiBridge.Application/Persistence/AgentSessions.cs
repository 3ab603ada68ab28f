using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Persistence;

/// <summary>
/// The <see cref="AgentSession"/> rows: written by <see cref="DatabaseJournal"/> (the latest snapshot of each agent,
/// deleted at logout) and read back leniently by <see cref="AgentSessionRestorer"/>: a value that cannot be read is
/// dropped, never a failure (a state → Not Ready "Restarted", an id → no pause).
/// </summary>
public static class AgentSessionRows
{
    /// <summary>Writes the snapshots of one tenant (at most one per agent): upserts, and deletes ended sessions.</summary>
    public static async Task SaveAsync(CtiDbContext db, IReadOnlyCollection<AgentSessionSnapshot> sessions, CancellationToken ct)
    {
        var ids = sessions.Select(s => s.AgentId).ToList();
        var rows = await db.AgentSessions.Where(r => ids.Contains(r.UserId)).ToDictionaryAsync(r => r.UserId, ct).ConfigureAwait(false);
        foreach (var s in sessions)
        {
            rows.TryGetValue(s.AgentId, out var row);
            if (s.Ended)
            {
                if (row is not null) db.AgentSessions.Remove(row);
                continue;
            }
            if (row is null) db.AgentSessions.Add(row = new AgentSession { UserId = s.AgentId, TenantId = s.TenantId });
            Fill(row, s);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    public static void Fill(AgentSession row, AgentSessionSnapshot s)
    {
        row.Status = s.Status.ToString();
        row.Reason = Cut(s.Reason, 100);
        row.Pending = s.Pending.IsSet ? s.Pending.Kind.ToString() : null;
        row.PendingReason = s.Pending.IsSet ? Cut(s.Pending.Reason, 100) : null;
        row.HotDeskEndpoint = s.HotDeskEndpoint;
        row.ReachNumber = s.ReachNumber;
        row.WorkingMode = s.ChosenMode?.ToString();
        row.PausedSkillGroupIds = s.PausedGroups.Count == 0 ? null : string.Join(",", s.PausedGroups);
        row.LoggedInAt = s.LoggedInAt;
        row.StateSince = s.StateSince;
        row.IdleSince = s.IdleSince;
        row.UpdatedAt = s.At;
    }

    /// <summary>
    /// The row as a snapshot; <paramref name="problem"/> says what could not be read (the rest is kept). A state that
    /// is not a logged-in <see cref="AgentStatus"/> becomes Not Ready without a reason, which restores as Not Ready
    /// (Restarted).
    /// </summary>
    public static AgentSessionSnapshot ToSnapshot(AgentSession row, out string? problem)
    {
        var problems = new List<string>();
        var reason = row.Reason;
        if (!TryParse<AgentStatus>(row.Status, out var status) || status == AgentStatus.LoggedOut)
        {
            problems.Add($"state '{row.Status}'");
            status = AgentStatus.NotReady;
            reason = null;
        }
        var pending = PendingState.None;
        if (row.Pending is { Length: > 0 } p)
        {
            if (TryParse<PendingKind>(p, out var kind)) pending = new PendingState(kind, kind == PendingKind.NotReady ? row.PendingReason : null);
            else problems.Add($"pending request '{p}'");
        }
        WorkingMode? mode = null;
        if (row.WorkingMode is { Length: > 0 } m)
        {
            if (TryParse<WorkingMode>(m, out var parsed)) mode = parsed;
            else problems.Add($"working mode '{m}'");
        }
        var paused = new List<Guid>();
        foreach (var part in (row.PausedSkillGroupIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(part, out var id)) paused.Add(id);
            else problems.Add($"paused skill group '{part}'");
        }
        problem = problems.Count == 0 ? null : string.Join(", ", problems);
        return new AgentSessionSnapshot(row.TenantId, row.UserId, row.UpdatedAt, status, reason, pending,
            string.IsNullOrWhiteSpace(row.HotDeskEndpoint) ? null : row.HotDeskEndpoint,
            string.IsNullOrWhiteSpace(row.ReachNumber) ? null : row.ReachNumber,
            mode, paused, row.LoggedInAt, row.StateSince, row.IdleSince);
    }

    private static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    private static string? Cut(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}

/// <summary>
/// Logs a tenant's agents in again after a restart from the sessions the previous process kept
/// (<see cref="TenantCallCenter.RestoreSessions"/> says what each state comes back as). Run when a tenant is first
/// loaded into the process, which at start-up is before the PBX connects. Never throws for a bad row: what cannot be
/// read is logged and falls back (docs/architecture.md, restart safety).
/// </summary>
public sealed class AgentSessionRestorer(IServiceScopeFactory scopes, ILogger<AgentSessionRestorer> log)
{
    public async Task<IReadOnlyList<RestoredSession>> RestoreAsync(TenantCallCenter center, CancellationToken ct = default)
    {
        List<AgentSession> rows;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToTenant(center.TenantId);
            rows = await db.AgentSessions.AsNoTracking().OrderBy(r => r.LoggedInAt).ToListAsync(ct).ConfigureAwait(false);
        }
        if (rows.Count == 0) return [];

        var sessions = new List<AgentSessionSnapshot>(rows.Count);
        foreach (var row in rows)
        {
            sessions.Add(AgentSessionRows.ToSnapshot(row, out var problem));
            if (problem is not null)
                log.LogWarning("Tenant {Tenant}: the kept session of agent {AgentId} has an unreadable {Problem}; that part falls back", center.Domain, row.UserId, problem);
        }
        var results = center.RestoreSessions(sessions);
        foreach (var r in results)
        {
            switch (r.Outcome)
            {
                case SessionRestoreOutcome.Restored:
                    log.LogInformation("Tenant {Tenant}: agent {AgentId} logged in again after the restart: {Status} {Reason}",
                        center.Domain, r.AgentId, r.Agent!.Status, r.Agent.Reason);
                    break;
                case SessionRestoreOutcome.LoggedOut:
                    log.LogInformation("Tenant {Tenant}: agent {AgentId} had asked to log out after their call; logged out", center.Domain, r.AgentId);
                    break;
                case SessionRestoreOutcome.UnknownAgent:
                    log.LogWarning("Tenant {Tenant}: the kept session of agent {AgentId} is ignored and dropped: no such enabled agent", center.Domain, r.AgentId);
                    break;
                case SessionRestoreOutcome.AlreadyLoggedIn:
                    log.LogInformation("Tenant {Tenant}: agent {AgentId} is logged in already; their kept session is not used", center.Domain, r.AgentId);
                    break;
            }
        }
        log.LogInformation("Tenant {Tenant}: {Restored} of {Sessions} kept agent sessions restored", center.Domain,
            results.Count(r => r.Outcome == SessionRestoreOutcome.Restored), rows.Count);
        return results;
    }
}
