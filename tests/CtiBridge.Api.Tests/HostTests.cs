using System.Net;
using System.Text.Json;

namespace CtiBridge.Api.Tests;

public class HostTests : IClassFixture<HostTests.Host>
{
    public sealed class Host : IDisposable
    {
        public CtiApiFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private readonly CtiApiFactory _host;

    public HostTests(Host host) => _host = host.Factory;

    [Fact]
    public async Task Liveness_answers_without_checks()
    {
        var response = await _host.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_the_database_and_the_pbx()
    {
        var response = await _host.CreateClient().GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.True(body.GetProperty("checks").TryGetProperty("pbx", out var pbx));
        Assert.Equal("Healthy", pbx.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Swagger_serves_the_documented_api_with_a_bearer_scheme()
    {
        var response = await _host.CreateClient().GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/session/login", "/api/v1/session/me", "/api/v1/admin/users", "/api/v1/admin/skill-groups/{id}/members" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from swagger.json");
        Assert.Contains("Signs in with tenant domain", paths.GetProperty("/api/v1/session/login").GetProperty("post").GetProperty("summary").GetString());
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_method_on_an_existing_path_is_405_problem_details_naming_the_allowed_methods()
    {
        var client = _host.CreateClient();
        var wrong = await client.DeleteAsync("/api/v1/session/login");
        await Problem.AssertAsync(wrong, 405, "method_not_allowed");
        Assert.Equal(["POST"], wrong.Content.Headers.Allow);
        var get = await client.GetAsync($"/api/v1/calls/{Guid.NewGuid()}/hold");
        await Problem.AssertAsync(get, 405, "method_not_allowed");
        Assert.Equal(["POST"], get.Content.Headers.Allow);
        var users = await client.PatchAsync("/api/v1/admin/users", null);
        await Problem.AssertAsync(users, 405, "method_not_allowed");
        Assert.Equal(["GET", "POST"], users.Content.Headers.Allow.Order());
        // A path that exists for no method stays 404.
        await Problem.AssertAsync(await client.DeleteAsync("/api/v1/nothing-here"), 404, "not_found");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_problem_details()
    {
        var response = await _host.CreateClient().PostAsync("/api/v1/session/login", new StringContent("domain=demo", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        await Problem.AssertAsync(response, 415, "http_error");
    }

    [Fact]
    public async Task Unknown_api_routes_are_404_problem_details()
    {
        await Problem.AssertAsync(await _host.CreateClient().GetAsync("/api/v1/nothing-here"), 404, "not_found");
    }

    [Fact]
    public async Task Only_a_browser_asking_for_a_toolbar_page_gets_the_page_other_unknown_paths_are_404()
    {
        var webRoot = Directory.CreateTempSubdirectory("ctibridge-webroot-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(webRoot, "index.html"), "<!doctype html><title>toolbar</title>");
            using var host = new CtiApiFactory(new() { ["webroot"] = webRoot });
            var client = host.CreateClient();

            async Task<HttpResponseMessage> GetAsync(string path, string accept)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Accept", accept);
                return await client.SendAsync(request);
            }
            const string browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
            const string prometheus = "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.1";

            // A browser navigating to a client-side route gets the toolbar.
            foreach (var page in new[] { "/", "/admin/users", "/supervisor", "/records/" + Guid.NewGuid() })
            {
                var response = await GetAsync(page, browser);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("<title>toolbar</title>", await response.Content.ReadAsStringAsync());
            }
            // With Prometheus off, /metrics is nobody's page: a scraper, curl and even a browser get 404.
            foreach (var accept in new[] { prometheus, "*/*", browser })
                await Problem.AssertAsync(await GetAsync("/metrics", accept), 404, "not_found");
            // Unknown service paths and missing files are 404, whatever the client accepts.
            foreach (var path in new[] { "/health/readyz", "/health/live/extra", "/api/v1/nothing-here", "/app/missing-chunk.js", "/favicon.ico" })
                await Problem.AssertAsync(await GetAsync(path, browser), 404, "not_found");
            // Under /hubs the sign-in comes first (401), but never the page.
            Assert.NotEqual("text/html", (await GetAsync("/hubs/nothing", browser)).Content.Headers.ContentType?.MediaType);
            // A script or scraper that does not ask for HTML never gets the page.
            await Problem.AssertAsync(await GetAsync("/admin/users", "*/*"), 404, "not_found");
            await Problem.AssertAsync(await GetAsync("/admin/users", "application/json"), 404, "not_found");
        }
        finally { Directory.Delete(webRoot, recursive: true); }
    }
}
