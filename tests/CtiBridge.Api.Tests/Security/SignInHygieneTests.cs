using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CtiBridge.Api.Tests.Security;

/// <summary>Lockout answers, security headers, the refresh-token cookie (docs/auth.md).</summary>
public class SignInHygieneTests
{
    [Fact]
    public async Task A_locked_account_answers_like_an_unknown_user_until_the_right_password_is_given()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var host = new CtiApiFactory(clock: clock);
        var unknown = await ShapeAsync(await host.PostLoginAsync("demo", "nobody", "Wrong#2026"));
        for (var i = 1; i <= 5; i++) // the fifth locks the account, and still answers as any wrong password
            Assert.Equal(unknown, await ShapeAsync(await host.PostLoginAsync("demo", "agent2", "Wrong#2026")));
        // Locked: a wrong password still gets the unknown user's answer ...
        Assert.Equal(unknown, await ShapeAsync(await host.PostLoginAsync("demo", "agent2", "Wrong#2026")));
        // ... and only the right password learns of the lock.
        await Problem.AssertAsync(await host.PostLoginAsync("demo", "agent2", CtiApiFactory.DemoPassword), 403, "account_locked");

        clock.Advance(TimeSpan.FromMinutes(16));
        await host.LoginAsync("demo", "agent2");
    }

    // Status, content type, and the body without its per-request trace id.
    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {body.ToJsonString()}";
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_hsts_only_over_https()
    {
        using var host = new CtiApiFactory(new() { ["Softphone:WebSocketUrl"] = "wss://pbx.example.test:8089/ws" });
        var http = host.CreateClient();
        foreach (var response in new[]
                 {
                     await http.GetAsync("/health/live"), await http.GetAsync("/api/v1/session/me"),
                     await http.GetAsync("/api/v1/nothing-here"), await host.PostLoginAsync("demo", "agent1", CtiApiFactory.DemoPassword),
                 })
        {
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("connect-src 'self' wss://pbx.example.test:8089", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }

        var https = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://cti.example.test") });
        var secure = await https.GetAsync("/health/live");
        Assert.Equal("max-age=31536000; includeSubDomains", Header(secure, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Token_responses_are_not_cached()
    {
        using var host = new CtiApiFactory();
        var login = await host.PostLoginAsync("demo", "agent1", CtiApiFactory.DemoPassword);
        Assert.True(login.Headers.CacheControl?.NoStore, "login");
        var session = await login.ReadAsync<JsonElement>();
        var refresh = await host.CreateClient().PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.True(refresh.Headers.CacheControl?.NoStore, "refresh");
        Assert.True((await host.PostLoginAsync("demo", "agent1", "Wrong#2026")).Headers.CacheControl?.NoStore, "refused login");
    }

    [Fact]
    public async Task The_web_app_keeps_its_refresh_token_in_an_http_only_strict_cookie_scoped_to_the_refresh_endpoint()
    {
        using var host = new CtiApiFactory();
        var browser = host.CreateClient(); // keeps cookies like a browser
        var login = await browser.PostAsJsonAsync("/api/v1/session/login",
            new { domain = "demo", login = "agent1", password = CtiApiFactory.DemoPassword, refreshTokenAsCookie = true });
        var session = await login.ReadAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, session.GetProperty("refreshToken").ValueKind); // not readable by scripts
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("cti_refresh=", cookie);
        Assert.Contains("path=/api/v1/session/refresh", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("httponly", cookie);
        Assert.DoesNotContain("secure", cookie); // plain HTTP on loopback (the test server's localhost)

        // A refresh with no token in the body uses the cookie, and rotates it.
        var refreshed = await browser.PostAsJsonAsync("/api/v1/session/refresh", new { });
        var next = await refreshed.ReadAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(next.GetProperty("accessToken").GetString()));
        Assert.Equal(JsonValueKind.Null, next.GetProperty("refreshToken").ValueKind);
        var rotated = Assert.Single(refreshed.Headers.GetValues("Set-Cookie"));
        Assert.NotEqual(cookie.Split(';')[0], rotated.Split(';')[0]);

        // Without the cookie (another client) there is nothing to refresh with.
        await Problem.AssertAsync(await host.CreateClient().PostAsJsonAsync("/api/v1/session/refresh", new { }), 401, "invalid_credentials");

        // Signing out clears the cookie.
        browser.DefaultRequestHeaders.Authorization = new("Bearer", next.GetProperty("accessToken").GetString());
        var logout = await browser.PostAsync("/api/v1/session/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var cleared = Assert.Single(logout.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("cti_refresh=;", cleared);
        Assert.Contains("path=/api/v1/session/refresh", cleared);
        await Problem.AssertAsync(await browser.PostAsJsonAsync("/api/v1/session/refresh", new { }), 401, "invalid_credentials");
    }

    [Fact]
    public async Task The_refresh_cookie_is_secure_except_over_plain_http_on_loopback()
    {
        using var host = new CtiApiFactory();
        foreach (var (baseAddress, secure) in new[] { ("https://cti.example.test", true), ("http://cti.example.test", true), ("http://127.0.0.1", false) })
        {
            var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress) });
            var login = await client.PostAsJsonAsync("/api/v1/session/login",
                new { domain = "demo", login = "agent1", password = CtiApiFactory.DemoPassword, refreshTokenAsCookie = true });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
            Assert.True(cookie.Contains("; secure", StringComparison.Ordinal) == secure, $"{baseAddress}: {cookie}");
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");
}
