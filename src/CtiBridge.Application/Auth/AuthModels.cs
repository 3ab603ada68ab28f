using FluentValidation;
using CtiBridge.Application.Common;

namespace CtiBridge.Application.Auth;

/// <summary>Sign-in request.</summary>
/// <example>{ "domain": "demo", "login": "agent1", "password": "Quiet-Harbor-2026" }</example>
public sealed record LoginRequest
{
    /// <summary>The tenant domain (e.g. <c>demo</c>).</summary>
    public string? Domain { get; init; }
    /// <summary>Username, agent number or email.</summary>
    public string? Login { get; init; }
    public string? Password { get; init; }
    /// <summary>
    /// Browser apps: true to receive the refresh token as an HttpOnly cookie (<c>cti_refresh</c>, sent only to
    /// <c>POST /api/v1/session/refresh</c>) instead of in the body, where scripts could read it.
    /// </summary>
    public bool RefreshTokenAsCookie { get; init; }
}

/// <summary>Exchange a refresh token for a new session.</summary>
/// <example>{ "refreshToken": "q3Z1x2…" }</example>
public sealed record RefreshRequest
{
    /// <summary>The refresh token; omit it when it was issued as the <c>cti_refresh</c> cookie.</summary>
    public string? RefreshToken { get; init; }
}

/// <summary>Change the signed-in user's password.</summary>
/// <example>{ "currentPassword": "Copper-Kettle-2026", "newPassword": "Lantern-Fjord-2026" }</example>
public sealed record ChangePasswordRequest
{
    public string? CurrentPassword { get; init; }
    public string? NewPassword { get; init; }
}

/// <summary>
/// A signed-in session: bearer access token (REST and SignalR) and a refresh token (null when it was set as
/// the <c>cti_refresh</c> cookie instead).
/// </summary>
public sealed record SessionResponse(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string? RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    MeResponse User)
{
    /// <summary>Always <c>Bearer</c>.</summary>
    public string TokenType => "Bearer";
}

/// <summary>
/// The signed-in user. <see cref="NotificationsEnabled"/>: her tenant's switch for desktop notifications of incoming calls
/// (tenant settings); the web app shows none when it is off.
/// </summary>
public sealed record MeResponse(
    Guid UserId,
    Guid TenantId,
    string TenantDomain,
    string Username,
    string DisplayName,
    string? Email,
    string? AgentNumber,
    IReadOnlyList<string> Roles,
    bool IsPlatformAdmin,
    string? Extension,
    bool NotificationsEnabled = true);

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(x => x.Domain).Required(63);
        RuleFor(x => x.Login).Required(254);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Required.").MaximumLength(PasswordPolicy.MaxLength * 4);
    }
}

internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(x => x.RefreshToken).Required(200);
}

internal sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Required.").MaximumLength(PasswordPolicy.MaxLength * 4);
        // The strength rule itself is checked by PasswordPolicy (code weak_password), not here.
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Required.").MaximumLength(PasswordPolicy.MaxLength * 4);
    }
}
