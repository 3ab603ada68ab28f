using System.Text.Json;
using System.Text.Json.Serialization;
using CtiBridge.Data;
using CtiBridge.Data.Audit;
using CtiBridge.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.Supervision.Monitoring;

/// <summary>Keeps every monitoring session in the tenant's audit log. Must not block the caller.</summary>
public interface IMonitoringAuditLog
{
    void SessionEnded(MonitoringSession session);
}

/// <summary>
/// Writes one audit entry per ended session: action <c>monitoring.session</c>, target the call, actor the supervisor, and
/// in <c>after</c> the supervisor, the agent, the call, when it was asked for, connected and ended, why it ended, and each
/// mode with its times. Written in the background (the session's end never waits for the database); a failure is logged.
/// </summary>
public sealed class DatabaseMonitoringAuditLog(IServiceScopeFactory scopes, ILogger<DatabaseMonitoringAuditLog> log) : IMonitoringAuditLog
{
    public const string Action = "monitoring.session";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public void SessionEnded(MonitoringSession session) => _ = Task.Run(() => WriteAsync(session));

    /// <summary>The entry's <c>after</c> JSON.</summary>
    public static string Describe(MonitoringSession s) => JsonSerializer.Serialize(new
    {
        sessionId = s.Id,
        supervisorId = s.SupervisorId,
        agentId = s.AgentId,
        callId = s.CallId,
        requestedAt = s.RequestedAt,
        connectedAt = s.ConnectedAt,
        endedAt = s.EndedAt,
        endReason = s.EndReason,
        modes = s.Periods.Select(p => new { mode = p.Mode, from = p.From, to = p.To }),
    }, Json);

    public async Task WriteAsync(MonitoringSession session)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
            db.ScopeToTenant(session.TenantId);
            var name = await db.Users.Where(u => u.Id == session.SupervisorId).Select(u => u.Username).FirstOrDefaultAsync();
            db.AuditEntries.Add(new AuditEntry
            {
                TenantId = session.TenantId,
                At = session.EndedAt ?? session.RequestedAt,
                ActorType = AuditActorType.User,
                ActorId = session.SupervisorId,
                ActorName = name,
                Action = Action,
                TargetType = "call",
                TargetId = session.CallId.ToString(),
                After = Describe(session),
            });
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            log.LogError(ex, "The audit entry of monitoring session {SessionId} (supervisor {SupervisorId}, call {CallId}) could not be written",
                session.Id, session.SupervisorId, session.CallId);
        }
    }
}
