using System.Security.Claims;
using CtiBridge.Api.Auth;
using CtiBridge.Application.Auth;
using CtiBridge.Application.CallCenter;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Api.CallCenter;

/// <summary>Error codes of the call-center API beyond <see cref="ErrorCodes"/>.</summary>
public static class CallCenterErrors
{
    /// <summary>An API key called an agent-scoped route without naming the agent: use <c>/api/v1/agents/{agentId}/…</c> (400).</summary>
    public const string AgentIdRequired = "agent_id_required";
    /// <summary>The API key lacks the scope (read, call-control, admin) this operation needs (403).</summary>
    public const string InsufficientScope = "insufficient_scope";
    /// <summary>The signed-in user is not an agent of the call center (403).</summary>
    public const string NotAnAgent = "not_an_agent";
    /// <summary>The hot-desk phone is unknown, not a hot-desk phone or taken (409).</summary>
    public const string PhoneNotFree = "phone_not_free";
    /// <summary>The agent's profile does not allow hot-desking (403).</summary>
    public const string HotDeskNotAllowed = "hot_desk_not_allowed";
}

/// <summary>What an operation needs of the caller.</summary>
public enum AccessKind
{
    /// <summary>Reading state (API keys: scope read or call-control).</summary>
    Read,
    /// <summary>Changing state or controlling calls (API keys: scope call-control).</summary>
    Control,
}

/// <summary>Who is calling: a signed-in user (JWT) or an integrator's API key; the tenant always comes from the credential.</summary>
public sealed record Caller(Guid TenantId, Guid? UserId, UserRoles Roles, IReadOnlySet<string>? Scopes)
{
    public bool IsApiKey => Scopes is not null;
    public bool IsSupervisor => !IsApiKey && (Roles & (UserRoles.Supervisor | UserRoles.Admin)) != 0;
    public bool IsAdmin => !IsApiKey && (Roles & UserRoles.Admin) != 0;

    public static Caller From(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(CtiClaims.TenantId), out var tenant))
            throw new CtiException(ErrorCodes.Unauthenticated, "Sign in first.", ErrorKind.Unauthenticated);
        if (user.HasClaim(c => c.Type == ApiKeys.KeyIdClaim))
            return new Caller(tenant, null, UserRoles.None, user.FindAll(ApiKeys.ScopeClaim).Select(c => c.Value).ToHashSet());
        if (!Guid.TryParse(user.FindFirstValue(CtiClaims.UserId), out var id))
            throw new CtiException(ErrorCodes.Unauthenticated, "Sign in first.", ErrorKind.Unauthenticated);
        return new Caller(tenant, id, RoleNames.Parse(user.FindAll(CtiClaims.Role).Select(c => c.Value)) ?? UserRoles.None, null);
    }
}

/// <summary>
/// The authorization rules of the call-center API, in one place:
/// <list type="bullet">
/// <item>the tenant comes from the token or key, never from the request; ids of another tenant are simply not found (404);</item>
/// <item>an agent acts as themselves (<c>/agent/…</c>, <c>/calls/…</c>), and on calls only where they are a party (another agent's call is <c>call_not_found</c>, as one that does not exist);</item>
/// <item>a supervisor acts on agents of their teams only (<c>/agents/{agentId}/…</c>; else 403 <c>not_your_agent</c>); a tenant admin on every agent;</item>
/// <item>an API key acts as its tenant with its scopes, naming the agent in the route (<c>/agents/{agentId}/…</c>; else 400 <c>agent_id_required</c>);
/// read needs scope read (or call-control), changes need call-control (else 403 <c>insufficient_scope</c>).</item>
/// </list>
/// </summary>
public sealed class CallCenterAccess(CallCenterService service, CallCenterDirectory directory, IHttpContextAccessor http)
{
    public Caller Caller => Caller.From(http.HttpContext?.User ?? throw new InvalidOperationException("No request."));

    public TenantCallCenter Center(Caller caller) => service.Tenant(caller.TenantId);

    /// <summary>The agent the request acts as: the route's <c>agentId</c>, or the signed-in agent.</summary>
    public (TenantCallCenter Center, Guid AgentId, Caller Caller) Agent(AccessKind kind)
    {
        var caller = Caller;
        var center = Center(caller);
        var routeAgent = http.HttpContext!.GetRouteValue("agentId") is { } v && Guid.TryParse(v.ToString(), out var a) ? a : (Guid?)null;
        if (caller.IsApiKey)
        {
            RequireScope(caller, kind);
            if (routeAgent is not { } keyAgent)
                throw new CtiException(CallCenterErrors.AgentIdRequired,
                    "An API key acts for an agent named in the route: use /api/v1/agents/{agentId}/… .", ErrorKind.Validation);
            if (!center.HasAgent(keyAgent)) throw NoSuchAgent();
            return (center, keyAgent, caller);
        }
        var self = caller.UserId!.Value;
        if (routeAgent is not { } target || target == self)
        {
            if (!center.HasAgent(self))
                throw new CtiException(CallCenterErrors.NotAnAgent, "You are not an agent of the call center.", ErrorKind.Forbidden);
            return (center, self, caller);
        }
        if (!center.HasAgent(target)) throw NoSuchAgent();
        if (!caller.IsSupervisor || !directory.Supervision(caller.TenantId).MaySupervise(self, target))
            throw new CtiException(ErrorCodes.NotYourAgent,
                caller.IsSupervisor ? "This agent is not in one of your teams." : "You may only act as yourself.", ErrorKind.Forbidden);
        return (center, target, caller);
    }

    /// <summary>For tenant-wide reads and supervisor operations: API key scope, or a signed-in user.</summary>
    public (TenantCallCenter Center, Caller Caller) Tenant(AccessKind kind, bool supervisorOnly = false)
    {
        var caller = Caller;
        if (caller.IsApiKey) RequireScope(caller, kind);
        else if (supervisorOnly && !caller.IsSupervisor)
            throw new CtiException(ErrorCodes.Forbidden, "Only supervisors may do this.", ErrorKind.Forbidden);
        return (Center(caller), caller);
    }

    /// <summary>Whether the caller sees everything of the tenant (API key, admin) or supervises <paramref name="agentId"/>.</summary>
    public bool Oversees(Caller caller, Guid agentId) =>
        caller.IsApiKey || (caller.IsSupervisor && directory.Supervision(caller.TenantId).MaySupervise(caller.UserId!.Value, agentId));

    public static void RequireScope(Caller caller, AccessKind kind)
    {
        var scopes = caller.Scopes ?? new HashSet<string>();
        var ok = kind == AccessKind.Read
            ? scopes.Contains(ApiKeys.ScopeRead) || scopes.Contains(ApiKeys.ScopeCallControl)
            : scopes.Contains(ApiKeys.ScopeCallControl);
        if (!ok)
            throw new CtiException(CallCenterErrors.InsufficientScope,
                kind == AccessKind.Read ? "This API key needs scope read." : "This API key needs scope call-control.", ErrorKind.Forbidden);
    }

    public static void RequireAdminScope(Caller caller)
    {
        if (caller.IsApiKey ? caller.Scopes!.Contains(ApiKeys.ScopeAdmin) : caller.IsAdmin) return;
        throw new CtiException(caller.IsApiKey ? CallCenterErrors.InsufficientScope : ErrorCodes.Forbidden,
            caller.IsApiKey ? "This API key needs scope admin." : "Only admins may do this.", ErrorKind.Forbidden);
    }

    private static CtiException NoSuchAgent() => new(ErrorCodes.AgentNotFound, "No such agent in this tenant.", ErrorKind.NotFound);
}
