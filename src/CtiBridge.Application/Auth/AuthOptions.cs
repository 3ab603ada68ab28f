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

    /// <summary>
    /// How long a refresh token just exchanged may be exchanged again without being taken for a stolen copy: a page
    /// reloaded while its refresh was in flight, or two tabs refreshing at once, send the old token once more (the
    /// browser never stored the answer's cookie). Only while its successor is still live; 0 turns it off.
    /// </summary>
    public int RefreshReuseGraceSeconds { get; set; } = 30;
}
