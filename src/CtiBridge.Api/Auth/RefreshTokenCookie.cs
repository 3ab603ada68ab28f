using System.Net;

namespace CtiBridge.Api.Auth;

/// <summary>
/// The web app's refresh token as a cookie scripts cannot read: HttpOnly, SameSite=Strict, sent only to the
/// refresh endpoint, and Secure except over plain HTTP on a loopback address (local development, tests).
/// API clients keep using the token in the JSON body (docs/auth.md).
/// </summary>
public static class RefreshTokenCookie
{
    public const string Name = "cti_refresh";
    public const string Path = "/api/v1/session/refresh";

    /// <summary>The token the browser sent, if any.</summary>
    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Sets the cookie to <paramref name="token"/>, expiring with it.</summary>
    public static void Write(HttpContext http, string token, DateTimeOffset expiresAt) =>
        http.Response.Cookies.Append(Name, token, Options(http, expiresAt));

    /// <summary>Removes the cookie (sign-out, a refused refresh).</summary>
    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http, null));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        Secure = !IsPlainHttpOnLoopback(http.Request),
        Expires = expiresAt,
        IsEssential = true,
    };

    private static bool IsPlainHttpOnLoopback(HttpRequest request)
    {
        if (request.IsHttps) return false;
        var host = request.Host.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
