using CtiBridge.Api.CallCenter;
using CtiBridge.Application.CallCenter;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Api.Hubs;

/// <summary>
/// An integrator's API key on <c>/hubs/agent</c> (header <c>X-Api-Key</c>, scope read or call-control) follows one agent's
/// stream, named in the query string: <c>/hubs/agent?agentId=…</c> — as its REST calls name the agent in the route. The
/// connection then receives what that agent's toolbar receives (the agent's resumable stream and the statistics of the
/// agent's skill groups). Refusals are ProblemDetails before the connection opens: 400 <c>agent_id_required</c>, 404
/// <c>agent_not_found</c> (also for an agent of another tenant), 403 <c>insufficient_scope</c>.
/// </summary>
public static class ApiKeyHubAccess
{
    public const string AgentIdQuery = "agentId";

    /// <summary>Checks every request of an API key to <paramref name="path"/> (negotiate and connect) before the hub sees it.</summary>
    public static WebApplication UseApiKeyHubAccess(this WebApplication app, string path)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(path), branch => branch.Use(async (http, next) =>
        {
            if (http.User.HasClaim(c => c.Type == ApiKeys.KeyIdClaim))
                AgentOf(http, http.RequestServices.GetRequiredService<CallCenterService>());
            await next(http);
        }));
        return app;
    }

    /// <summary>The agent an API-key request follows (throws <see cref="CtiException"/> when it names none of the key's tenant).</summary>
    public static Guid AgentOf(HttpContext http, CallCenterService service)
    {
        var caller = Caller.From(http.User);
        CallCenterAccess.RequireScope(caller, AccessKind.Read);
        if (!Guid.TryParse(http.Request.Query[AgentIdQuery].ToString(), out var agentId))
            throw new CtiException(CallCenterErrors.AgentIdRequired,
                "An API key follows one agent's events: connect to /hubs/agent?agentId={agentId}.", ErrorKind.Validation);
        if (service.FindTenant(caller.TenantId) is not { } center || !center.HasAgent(agentId))
            throw new CtiException(ErrorCodes.AgentNotFound, "No such agent in this tenant.", ErrorKind.NotFound);
        return agentId;
    }
}
