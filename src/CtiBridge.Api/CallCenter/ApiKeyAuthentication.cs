using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CtiBridge.Api.Auth;
using CtiBridge.Application.Persistence;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CtiBridge.Api.CallCenter;

/// <summary>
/// Integrator API keys: header <c>X-Api-Key: ctk_&lt;8 chars&gt;_&lt;secret&gt;</c>. Only the key's
/// SHA-256 is stored (row found by its prefix, hash compared in constant time). A key acts as its
/// tenant with its scopes (claims <c>scope</c> = read / call-control / admin), never as a user.
/// </summary>
public static class ApiKeys
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    /// <summary>The scheme call-center endpoints use: an API key when the header is present, else the Bearer JWT.</summary>
    public const string CallerScheme = "BearerOrApiKey";
    public const string ScopeClaim = "scope";
    public const string KeyIdClaim = "kid";
    public const string ScopeRead = "read";
    public const string ScopeCallControl = "call-control";
    public const string ScopeAdmin = "admin";

    public static IServiceCollection AddCtiApiKeys(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, null)
            .AddPolicyScheme(CallerScheme, "Bearer token or API key", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(Header) ? Scheme : JwtBearerDefaults.AuthenticationScheme);
        return services;
    }

    /// <summary>A new random key: <c>ctk_</c> + 8-character prefix + <c>_</c> + 43-character secret.</summary>
    public static string NewKey()
    {
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"ctk_{prefix}_{secret}";
    }

    /// <summary>The stored, searchable part of a key (<c>ctk_xxxxxxxx</c>), or null when it is not a key.</summary>
    public static string? PrefixOf(string key) =>
        key.Length > 14 && key.StartsWith("ctk_", StringComparison.Ordinal) && key[12] == '_' ? key[..12] : null;

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    public static IEnumerable<string> ScopeNames(ApiKeyScopes scopes)
    {
        if (scopes.HasFlag(ApiKeyScopes.Read)) yield return ScopeRead;
        if (scopes.HasFlag(ApiKeyScopes.CallControl)) yield return ScopeCallControl;
        if (scopes.HasFlag(ApiKeyScopes.Admin)) yield return ScopeAdmin;
    }

    private sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        IServiceScopeFactory scopes, TimeProvider clock)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var given = Request.Headers[Header].ToString();
            if (string.IsNullOrEmpty(given)) return AuthenticateResult.NoResult();
            if (PrefixOf(given) is not { } prefix) return AuthenticateResult.Fail("Malformed API key.");
            await using var scope = scopes.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<CallCenterData>().FindApiKeyAsync(prefix, Context.RequestAborted);
            var now = clock.GetUtcNow();
            if (found is not { } f || f.Key.RevokedAt is not null || (f.Key.ExpiresAt is { } exp && exp <= now)
                || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(given)), Encoding.ASCII.GetBytes(f.Key.KeyHash)))
                return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
            if (!f.TenantEnabled) return AuthenticateResult.Fail("The key's tenant is disabled.");
            var (key, domain, _) = f;
            var claims = new List<Claim>
            {
                new(CtiClaims.TenantId, key.TenantId.ToString()),
                new(CtiClaims.TenantDomain, domain),
                new(CtiClaims.Username, "api-key:" + key.Name),
                new(KeyIdClaim, key.Id.ToString()),
            };
            claims.AddRange(ScopeNames(key.Scopes).Select(s => new Claim(ScopeClaim, s)));
            var identity = new ClaimsIdentity(claims, ApiKeys.Scheme, CtiClaims.Username, CtiClaims.Role);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeys.Scheme));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
            WriteAsync(401, ErrorCodes.Unauthenticated, "Send a valid API key in X-Api-Key (or a Bearer token).");

        protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
            WriteAsync(403, ErrorCodes.Forbidden, "This API key may not do this.");

        private async Task WriteAsync(int status, string code, string title)
        {
            if (Response.HasStarted) return;
            Response.StatusCode = status;
            var pd = new ProblemDetails { Status = status, Title = title };
            pd.Extensions["code"] = code;
            await Context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = pd });
        }
    }
}
