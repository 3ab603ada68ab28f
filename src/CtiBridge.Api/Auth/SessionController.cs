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
    /// for 15 minutes (configurable). Example: <c>{"domain":"demo","login":"agent1","password":"Demo#2026"}</c>.
    /// </remarks>
    /// <response code="200">Signed in.</response>
    /// <response code="400">Missing or malformed fields (<c>validation_failed</c>).</response>
    /// <response code="401">Unknown tenant (<c>tenant_not_found</c>) or wrong login/password (<c>invalid_credentials</c>).</response>
    /// <response code="403">Account locked (<c>account_locked</c>) or disabled (<c>account_disabled</c>).</response>
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
        if (!throttle.TryAcquire(HttpContext, request.Domain, out var retryAfter))
        {
            if (retryAfter > TimeSpan.Zero) Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var pd = new ProblemDetails { Status = 429, Title = "Too many sign-in attempts; try again later." };
            pd.Extensions["code"] = ErrorCodes.RateLimited;
            return new ObjectResult(pd) { StatusCode = 429, ContentTypes = { "application/problem+json" } };
        }
        return await auth.LoginAsync(request, ct);
    }

    /// <summary>Exchanges a refresh token for a new access and refresh token (the old refresh token is spent).</summary>
    /// <response code="200">New session.</response>
    /// <response code="400">Missing refresh token.</response>
    /// <response code="401">Invalid, expired or already used refresh token (<c>invalid_credentials</c>).</response>
    [HttpPost("refresh")]
    [AllowAnonymous]
    [EnableRateLimiting(LoginRateLimiting.PolicyName)]
    [ProducesResponseType<SessionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public Task<SessionResponse> Refresh([FromBody] RefreshRequest request, CancellationToken ct) => auth.RefreshAsync(request, ct);

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
    /// <remarks>The new password must be 8–20 characters with a letter, a digit and a symbol, and no spaces. Other sessions end.</remarks>
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
}
