using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;

namespace CtiBridge.Api.Auth;

/// <summary>
/// Authorization policies. Every endpoint names one; endpoints naming none still require a signed-in
/// user (fallback policy). Role hierarchy: admin ⊇ supervisor for supervision endpoints; agent
/// endpoints accept any signed-in role that may take calls.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = "signed-in";
    /// <summary>Role agent.</summary>
    public const string Agent = "agent";
    /// <summary>Role supervisor or admin.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>Role admin.</summary>
    public const string Admin = "admin";
    /// <summary>A platform admin (token claim), or the configured bootstrap key in header <c>X-Bootstrap-Key</c>.</summary>
    public const string PlatformAdmin = "platform-admin";

    public const string BootstrapKeyHeader = "X-Bootstrap-Key";

    public static IServiceCollection AddCtiAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PlatformAdminHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Agent, p => p.RequireAuthenticatedUser().RequireRole(Application.Auth.RoleNames.Agent))
            .AddPolicy(Supervisor, p => p.RequireAuthenticatedUser().RequireRole(Application.Auth.RoleNames.Supervisor, Application.Auth.RoleNames.Admin))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Application.Auth.RoleNames.Admin))
            .AddPolicy(PlatformAdmin, p => p.AddRequirements(new PlatformAdminRequirement()));
        return services;
    }

    private sealed class PlatformAdminRequirement : IAuthorizationRequirement;

    private sealed class PlatformAdminHandler(IHttpContextAccessor http, IConfiguration configuration) : AuthorizationHandler<PlatformAdminRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PlatformAdminRequirement requirement)
        {
            if (context.User.Identity?.IsAuthenticated == true && context.User.HasClaim(CtiClaims.PlatformAdmin, "true"))
                context.Succeed(requirement);
            else if (configuration["Admin:BootstrapKey"] is { Length: >= 16 } key
                     && http.HttpContext?.Request.Headers[BootstrapKeyHeader].ToString() is { Length: > 0 } given
                     && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(given)))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
