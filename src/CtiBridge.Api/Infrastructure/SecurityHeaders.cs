using System.Net;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// Browser hardening headers on every response (API, toolbar, errors): a Content-Security-Policy that allows the
/// app's own origin and the configured softphone WebSocket (<c>Softphone:WebSocketUrl</c>), https pages in frames (the
/// third-party screen pop panel, docs/contacts.md) and no framing of the app itself,
/// <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>, <c>X-Frame-Options: DENY</c> for
/// older browsers, and HSTS on HTTPS requests (not for loopback hosts, where development runs).
/// Added when the response starts, so error responses (whose handler clears earlier headers) carry them too.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>HSTS lifetime: one year, subdomains included.</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>The policy of the app and the API.</summary>
    public static string ContentSecurityPolicy(string? softphoneWebSocketUrl)
    {
        var connect = "'self'";
        if (Uri.TryCreate(softphoneWebSocketUrl, UriKind.Absolute, out var ws) && (ws.Scheme == "wss" || ws.Scheme == "ws"))
            connect += " " + ws.GetLeftPart(UriPartial.Authority);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
               $"connect-src {connect}; media-src 'self' blob:; frame-src https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    // Swagger UI's page needs inline script and style; it carries no session of the web app.
    private const string SwaggerUiPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseCtiSecurityHeaders(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var policy = ContentSecurityPolicy(configuration["Softphone:WebSocketUrl"]);
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger") ? SwaggerUiPolicy : policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (http.Request.IsHttps && !IsLoopback(http.Request.Host.Host))
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    private static bool IsLoopback(string host)
    {
        host = host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var a) && IPAddress.IsLoopback(a));
    }
}
