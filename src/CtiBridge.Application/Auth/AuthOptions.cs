namespace CtiBridge.Application.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>PBKDF2-SHA256 iterations for new hashes (OWASP 2023: 600,000; at least 210,000 in production). Tests lower it.</summary>
    public int PasswordIterations { get; set; } = 210_000;

    /// <summary>Failed logins in a row before the account locks.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Access token (JWT) lifetime.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Refresh token lifetime.</summary>
    public int RefreshTokenDays { get; set; } = 7;
}
