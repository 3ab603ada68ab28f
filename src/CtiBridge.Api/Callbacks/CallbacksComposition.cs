using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Callbacks;
using CtiBridge.Application.Common;

namespace CtiBridge.Api.Callbacks;

public static class CallbacksComposition
{
    /// <summary>Callbacks: scheduling, reminders (a Quartz job), escalation, one-click dial.</summary>
    public static IServiceCollection AddCtiCallbacks(this IServiceCollection services)
    {
        services.AddCtiCallbacksModel();
        services.AddScoped<CallbackCallers>();
        return services;
    }
}

/// <summary>Who acts on callbacks, from the credential: an API key (scope read to read, call-control to change) acts on the tenant's; a user as <see cref="CallbackPlanner.ViewerAsync"/> decides.</summary>
public sealed class CallbackCallers(CallCenterAccess access, CallbackPlanner planner)
{
    public async Task<CallbackViewer> ViewerAsync(AccessKind kind, CancellationToken ct)
    {
        var caller = access.Caller;
        if (caller.IsApiKey)
        {
            CallCenterAccess.RequireScope(caller, kind);
            return CallbackViewer.ApiKey(caller.TenantId);
        }
        return await planner.ViewerAsync(new Actor(caller.TenantId, caller.UserId!.Value, caller.Roles), ct);
    }
}
