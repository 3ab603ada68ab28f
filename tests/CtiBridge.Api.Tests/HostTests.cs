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
}
