using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Persistence;
using CtiBridge.Api.Hubs;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Tenants;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CtiBridge.Api.CallCenter;

/// <summary>
/// Loads tenants from the database into the running call center (<see cref="CallCenterService.Configure"/>,
/// which keeps live state) and into <see cref="CallCenterDirectory"/>. Serialised: one load at a time. The first load
/// of a tenant in this process logs its agents in again from the sessions a previous process kept
/// (<see cref="AgentSessionRestorer"/>); at start-up that is before the PBX connects.
/// </summary>
public sealed class TenantReloader(IServiceScopeFactory scopes, CallCenterService service, CallCenterDirectory directory,
    AgentSessionRestorer sessions, ToolbarPresence toolbars, SkillGroupSubscriptions subscriptions,
    Application.Supervision.Dashboard.GroupDayFigures dayFigures, ILogger<TenantReloader> log,
    Application.Cluster.TenantOwnership? cluster = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Loads every enabled tenant (start-up and the periodic refresh).</summary>
    public async Task ReloadAllAsync(CancellationToken ct = default)
    {
        IReadOnlyList<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
            ids = await scope.ServiceProvider.GetRequiredService<TenantConfigurationLoader>().EnabledTenantIdsAsync(ct);
        foreach (var id in ids) await ReloadAsync(id, ct);
    }

    /// <summary>Loads one tenant (after an admin change).</summary>
    public async Task ReloadAsync(Guid tenantId, CancellationToken ct = default)
    {
        // Several nodes: only the node holding the tenant's lease loads its live call center (docs/architecture.md, "Several nodes").
        if (cluster is not null && cluster.ActingEpoch(tenantId) is null) return;
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var loaded = await scope.ServiceProvider.GetRequiredService<TenantConfigurationLoader>().LoadAsync(tenantId, ct);
            if (loaded is null)
            {
                // Disabled or deleted: keep the engine's live calls, but empty its configuration for routing.
                if (service.FindTenant(tenantId) is { } center)
                    service.Configure(center.Configuration with { Agents = [], Groups = [] });
                directory.Remove(tenantId);
                await subscriptions.RefreshAsync(tenantId, ct);
                return;
            }
            var first = service.FindTenant(tenantId) is null;
            var configured = service.Configure(loaded.Configuration);
            directory.Update(loaded);
            await subscriptions.RefreshAsync(tenantId, ct); // membership or teams may have changed: who receives which statistics
            dayFigures.TenantLoaded(tenantId); // new groups or thresholds: their figures of the day
            if (first) await RestoreSessionsAsync(configured, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Loading tenant {Tenant} into the call center failed", tenantId);
        }
        finally { _gate.Release(); }
    }

    private async Task RestoreSessionsAsync(TenantCallCenter center, CancellationToken ct)
    {
        try
        {
            foreach (var r in await sessions.RestoreAsync(center, ct))
                if (r is { Outcome: SessionRestoreOutcome.Restored, Agent: { ExtensionKind: ExtensionKind.Web } agent })
                    toolbars.ExpectToolbar(center.TenantId, agent.AgentId, lost: agent.Reason == SystemReasons.DeviceUnavailable);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Restoring the agents' sessions of tenant {Tenant} failed; they stay logged out", center.Domain);
        }
    }
}

/// <summary>
/// After every successful write (POST/PUT/PATCH/DELETE) of the admin API (<c>/api/v1/admin/*</c>),
/// reloads the caller's tenant into the call center before the response is sent — and every tenant
/// after a tenant-management write — so agents, groups, pause reasons and the blocklist take effect at
/// once. A periodic refresh (<c>CallCenter:ReloadIntervalSeconds</c>, default 60) catches changes made
/// directly in the database.
/// </summary>
public sealed class AdminChangeReloadFilter(TenantReloader reloader, Auth.AccessTokenGate tokens, Hubs.HubConnections connections) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return;
        if (!http.Request.Path.StartsWithSegments("/api/v1/admin")) return;
        if (executed.Exception is not null && !executed.ExceptionHandled) return;
        if (executed.Result is Microsoft.AspNetCore.Mvc.Infrastructure.IStatusCodeActionResult { StatusCode: >= 400 }) return;
        tokens.Forget(); // a user or tenant may have been disabled: the next request of each reads it afresh
        await connections.CloseRefusedAsync(http.RequestAborted); // and what they have open is closed
        if (http.Request.Path.StartsWithSegments("/api/v1/admin/tenants"))
            await reloader.ReloadAllAsync(http.RequestAborted);
        else if (Guid.TryParse(http.User.FindFirst(Auth.CtiClaims.TenantId)?.Value, out var tenant))
            await reloader.ReloadAsync(tenant, http.RequestAborted);
    }
}
