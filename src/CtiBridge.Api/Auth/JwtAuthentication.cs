using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CtiBridge.Application.Auth;
using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CtiBridge.Api.Auth;

/// <summary>Claim names in CtiBridge access tokens.</summary>
public static class CtiClaims
{
    public const string UserId = "sub";
    public const string TenantId = "tid";
    public const string TenantDomain = "tdom";
    public const string Username = "name";
    public const string DisplayName = "dname";
    public const string Role = "role";
    public const string PlatformAdmin = "padm";
}

/// <summary>Configuration section <c>Auth:Jwt</c>.</summary>
public sealed class JwtSettings
{
    public const string Section = "Auth:Jwt";
    public string Issuer { get; set; } = "ctibridge";
    public string Audience { get; set; } = "ctibridge";
    /// <summary>HMAC-SHA256 key (at least 32 characters). Set it in production (every node the same).</summary>
    public string? SigningKey { get; set; }
    /// <summary>Used when <see cref="SigningKey"/> is empty: a random key kept in this file (created once).</summary>
    public string SigningKeyFile { get; set; } = "data/jwt-signing.key";
}

/// <summary>The signing key, resolved once.</summary>
public sealed class JwtKey
{
    public JwtKey(IOptions<JwtSettings> settings, ILogger<JwtKey> log)
    {
        var s = settings.Value;
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(s.SigningKey))
        {
            bytes = Encoding.UTF8.GetBytes(s.SigningKey);
            if (bytes.Length < 32) throw new InvalidOperationException("Auth:Jwt:SigningKey must be at least 32 characters.");
        }
        else
        {
            var path = Path.GetFullPath(s.SigningKeyFile);
            if (File.Exists(path)) bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
            else
            {
                bytes = RandomNumberGenerator.GetBytes(64);
                CtiBridge.Data.PrivateFiles.WriteAllText(path, Convert.ToBase64String(bytes));
                log.LogWarning("No Auth:Jwt:SigningKey configured; generated a signing key in {Path}. Configure one shared key for several nodes.", path);
            }
        }
        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }
}

/// <summary>Issues HS256 JWT access tokens.</summary>
public sealed class JwtAccessTokenIssuer(JwtKey key, IOptions<JwtSettings> settings, IOptions<AuthOptions> auth, TimeProvider clock) : IAccessTokenIssuer
{
    public IssuedAccessToken Issue(SessionPrincipal p)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(auth.Value.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(CtiClaims.UserId, p.UserId.ToString()),
            new(CtiClaims.TenantId, p.TenantId.ToString()),
            new(CtiClaims.TenantDomain, p.TenantDomain),
            new(CtiClaims.Username, p.Username),
            new(CtiClaims.DisplayName, p.DisplayName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(RoleNames.Of(p.Roles).Select(r => new Claim(CtiClaims.Role, r)));
        if (p.IsPlatformAdmin) claims.Add(new Claim(CtiClaims.PlatformAdmin, "true"));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = settings.Value.Issuer,
            Audience = settings.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedAccessToken(token, expires);
    }
}

/// <summary>The tenant of the signed-in caller, for <see cref="CtiDbContext"/>'s tenant filter.</summary>
public sealed class HttpCurrentTenant(IHttpContextAccessor accessor) : ICurrentTenant
{
    public Guid? TenantId =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user && Guid.TryParse(user.FindFirstValue(CtiClaims.TenantId), out var id)
            ? id : null;
}

/// <summary>JWT bearer authentication (REST header, and <c>access_token</c> query on <c>/hubs/*</c>).</summary>
public static class JwtAuthentication
{
    public static IServiceCollection AddCtiJwt(this IServiceCollection services)
    {
        services.AddOptions<JwtSettings>().BindConfiguration(JwtSettings.Section);
        services.AddSingleton<JwtKey>();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddSingleton<AccessTokenGate>();
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Scoped<ICurrentTenant, HttpCurrentTenant>());

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<JwtKey, IOptions<JwtSettings>>((o, key, settings) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Value.Issuer,
                    ValidAudience = settings.Value.Audience,
                    IssuerSigningKey = key.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = CtiClaims.Username,
                    RoleClaimType = CtiClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets/SSE: SignalR sends the token in the query string.
                    OnMessageReceived = ctx =>
                    {
                        var token = ctx.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && ctx.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                            ctx.Token = token;
                        return Task.CompletedTask;
                    },
                    // A valid token of a session signed out, or of a user or tenant disabled since, is refused (AccessTokenGate).
                    OnTokenValidated = async ctx =>
                    {
                        var principal = ctx.Principal;
                        var gate = ctx.HttpContext.RequestServices.GetRequiredService<AccessTokenGate>();
                        if (gate.IsSignedOut(principal?.FindFirst(JwtRegisteredClaimNames.Jti)?.Value))
                        {
                            ctx.Fail("This session was signed out.");
                            return;
                        }
                        if (principal is null
                            || !Guid.TryParse(principal.FindFirst(CtiClaims.TenantId)?.Value, out var tenant)
                            || !Guid.TryParse(principal.FindFirst(CtiClaims.UserId)?.Value, out var user)
                            || !await gate.AllowsAsync(tenant, user, ctx.HttpContext.RequestAborted))
                            ctx.Fail("The user or their tenant is disabled, or the user no longer exists.");
                    },
                    OnChallenge = async ctx =>
                    {
                        ctx.HandleResponse();
                        await WriteProblemAsync(ctx.HttpContext, 401, ErrorCodes.Unauthenticated, "Sign in first (Authorization: Bearer <access token>).");
                    },
                    OnForbidden = ctx => WriteProblemAsync(ctx.HttpContext, 403, ErrorCodes.Forbidden, "Your role does not allow this."),
                };
            });
        return services;
    }

    private static async Task WriteProblemAsync(HttpContext http, int status, string code, string title)
    {
        http.Response.StatusCode = status;
        if (status == 401) http.Response.Headers.WWWAuthenticate = "Bearer";
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var pd = new ProblemDetails { Status = status, Title = title };
        pd.Extensions["code"] = code;
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = pd });
    }
}

/// <summary>Reads the caller from the token.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in caller as an Application <see cref="Application.Common.Actor"/>.</summary>
    public static Application.Common.Actor ToActor(this ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(CtiClaims.TenantId), out var tenant) || !Guid.TryParse(user.FindFirstValue(CtiClaims.UserId), out var id))
            throw new CtiException(ErrorCodes.Unauthenticated, "Sign in first.", ErrorKind.Unauthenticated);
        var roles = RoleNames.Parse(user.FindAll(CtiClaims.Role).Select(c => c.Value)) ?? UserRoles.None;
        return new Application.Common.Actor(tenant, id, roles, user.HasClaim(CtiClaims.PlatformAdmin, "true"));
    }
}
