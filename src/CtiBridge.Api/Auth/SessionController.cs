using CtiBridge.Application.Auth;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CtiBridge.Api.Auth;

/// <summary>Signing in and out, tokens, the signed-in user, password change.</summary>
[ApiController]
[Route("api/v1/session")]
public sealed class SessionController(AuthService auth, LoginThrottle throttle, AccessTokenGate gate) : ControllerBase
{
    /// <summary>Signs in with tenant domain, login (username, agent number or email) and password.</summary>
    /// <remarks>
    /// Returns a bearer access token (for REST: <c>Authorization: Bearer …</c>; for the SignalR hub:
    /// <c>?access_token=…</c>) and a refresh token. Five wrong passwords in a row lock the account
    /// for 15 minutes (configurable); while locked, only the right password is told so (403 <c>account_locked</c>),
    /// any other gets the answer of an unknown user. Browser apps send <c>"refreshTokenAsCookie": true</c> to get the
    /// refresh token as an HttpOnly cookie scoped to the refresh endpoint instead of in the body. Example: <c>{"domain":"demo","login":"agent1","password":"Quiet-Harbor-2026"}</c>.
    /// </remarks>
    /// <response code="200">Signed in.</response>
    /// <response code="400">Missing or malformed fields (<c>validation_failed</c>).</response>
    /// <response code="401">Unknown tenant (<c>tenant_not_found</c>) or wrong login/password (<c>invalid_credentials</c>), also while the account is locked.</response>
    /// <response code="403">The right password, but the account is locked (<c>account_locked</c>) or disabled (<c>account_disabled</c>).</response>
    /// <response code="429">Too many attempts from this address for this tenant (<c>rate_limited</c>).</response>
    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(LoginRateLimiting.PolicyName)]
    [ProducesResponseType<SessionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<ActionResult<SessionResponse>> Login([FromBody] LoginRequest request, CancellationToken ct)
    {
        NoStore();
        if (!throttle.TryAcquire(HttpContext, request.Domain, out var retryAfter))
        {
            if (retryAfter > TimeSpan.Zero) Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var pd = new ProblemDetails { Status = 429, Title = "Too many sign-in attempts; try again later." };
            pd.Extensions["code"] = ErrorCodes.RateLimited;
            return new ObjectResult(pd) { StatusCode = 429, ContentTypes = { "application/problem+json" } };
        }
        var session = await auth.LoginAsync(request, ct);
        return request.RefreshTokenAsCookie ? InCookie(session) : session;
    }

    /// <summary>Exchanges a refresh token for a new access and refresh token (the old refresh token is spent).</summary>
    /// <remarks>
    /// API clients send <c>{"refreshToken": "…"}</c> and get the new one in the body. A browser app signed in with
    /// <c>refreshTokenAsCookie</c> sends <c>{}</c>: the <c>cti_refresh</c> cookie is used and replaced.
    /// </remarks>
    /// <response code="200">New session.</response>
    /// <response code="400">Malformed body.</response>
    /// <response code="401">No, invalid, expired or already used refresh token (<c>invalid_credentials</c>).</response>
    [HttpPost("refresh")]
    [AllowAnonymous]
    [EnableRateLimiting(LoginRateLimiting.PolicyName)]
    [ProducesResponseType<SessionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<SessionResponse> Refresh([FromBody] RefreshRequest request, CancellationToken ct)
    {
        NoStore();
        if (!string.IsNullOrWhiteSpace(request.RefreshToken)) return await auth.RefreshAsync(request, ct);
        var cookie = RefreshTokenCookie.Read(Request);
        if (cookie is null)
            throw new CtiException(ErrorCodes.InvalidCredentials, "No refresh token.", ErrorKind.Unauthenticated);
        try
        {
            return InCookie(await auth.RefreshAsync(request with { RefreshToken = cookie }, ct));
        }
        catch (CtiException)
        {
            // Spent or expired: the browser should stop sending it. (OnStarting: the error handler clears headers.)
            Response.OnStarting(() => { RefreshTokenCookie.Clear(HttpContext); return Task.CompletedTask; });
            throw;
        }
    }

    /// <summary>Signs out: revokes every refresh token of the caller and refuses the access token of this request from now on.</summary>
    /// <response code="204">Signed out.</response>
    /// <response code="401">Not signed in.</response>
    [HttpPost("logout")]
    [Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<IActionResult> Logout(CancellationToken ct)
    {
        await auth.LogoutAsync(User.ToActor(), ct);
        RefreshTokenCookie.Clear(HttpContext);
        if (User.FindFirst(JwtRegisteredClaimNames.Jti)?.Value is { } tokenId
            && long.TryParse(User.FindFirst(JwtRegisteredClaimNames.Exp)?.Value, out var expires))
            gate.SignedOut(tokenId, DateTimeOffset.FromUnixTimeSeconds(expires));
        return NoContent();
    }

    /// <summary>The signed-in user: ids, tenant, roles, extension.</summary>
    /// <response code="200">The user.</response>
    /// <response code="401">Not signed in.</response>
    [HttpGet("me")]
    [Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<MeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public Task<MeResponse> Me(CancellationToken ct) => auth.MeAsync(User.ToActor(), ct);

    /// <summary>Changes the caller's password.</summary>
    /// <remarks>
    /// The new password must be 12–256 characters (spaces and any Unicode allowed), not a common password and not
    /// contain the username or the tenant's domain; a tenant may also require a letter, a digit and a symbol. Other
    /// sessions end.
    /// </remarks>
    /// <response code="204">Changed.</response>
    /// <response code="400">Weak new password (<c>weak_password</c>), wrong current password (<c>invalid_credentials</c>) or missing fields.</response>
    /// <response code="401">Not signed in.</response>
    [HttpPost("password")]
    [Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<IActionResult> ChangePassword([FromBody] ChangePasswordRequest request, CancellationToken ct)
    {
        await auth.ChangePasswordAsync(User.ToActor(), request, ct);
        return NoContent();
    }

    // Token responses, successful or not, must not be kept by browsers or proxies. Set when the response starts,
    // as the error handler clears headers set before it.
    private void NoStore() => Response.OnStarting(() =>
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return Task.CompletedTask;
    });

    private SessionResponse InCookie(SessionResponse session)
    {
        RefreshTokenCookie.Write(HttpContext, session.RefreshToken!, session.RefreshTokenExpiresAt);
        return session with { RefreshToken = null };
    }
}
