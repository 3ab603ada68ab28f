using CtiBridge.Data;
using CtiBridge.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Application.Supervision.Monitoring;

/// <summary>The device a supervisor listens on: their supervisor extension, else their agent extension.</summary>
/// <param name="Extension">The extension (the PBX endpoint is <c>&lt;tenant&gt;-&lt;extension&gt;</c>).</param>
/// <param name="Kind"><c>Web</c>: the browser softphone of the supervisor desk; <c>Sip</c>: a registered phone.</param>
public sealed record SupervisorDevice(string Extension, ExtensionKind Kind);

/// <summary>Reads which device a supervisor's monitoring sessions ring (the same choice the sessions make).</summary>
public sealed class SupervisorDevices(CtiDbContext db)
{
    /// <summary>The supervisor's device, or null when they have none (then monitoring is refused with <c>no_supervisor_device</c>).</summary>
    public async Task<SupervisorDevice?> OfAsync(Guid tenantId, Guid userId, CancellationToken ct = default)
    {
        db.ScopeToTenant(tenantId);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.SupervisorExtension, u.SupervisorExtensionKind,
                AgentExtension = u.AgentProfile == null ? null : u.AgentProfile.Extension,
                AgentKind = u.AgentProfile == null ? ExtensionKind.Web : u.AgentProfile.ExtensionKind,
            })
            .FirstOrDefaultAsync(ct);
        if (user is null) return null;
        if (!string.IsNullOrWhiteSpace(user.SupervisorExtension)) return new SupervisorDevice(user.SupervisorExtension, user.SupervisorExtensionKind);
        return string.IsNullOrWhiteSpace(user.AgentExtension) ? null : new SupervisorDevice(user.AgentExtension, user.AgentKind);
    }
}
