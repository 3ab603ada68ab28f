using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace CtiBridge.Api.Tests;

/// <summary>Bad input is always a 400 ProblemDetails with a code, never a 500.</summary>
public class ValidationTests : IClassFixture<ValidationTests.Host>
{
    public sealed class Host : IDisposable
    {
        public CtiApiFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private readonly CtiApiFactory _host;

    public ValidationTests(Host host) => _host = host.Factory;

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Missing_login_fields_are_reported_per_field()
    {
        var response = await _host.CreateClient().PostAsync("/api/v1/session/login", Raw("{}"));
        await Problem.AssertAsync(response, 400, "validation_failed");
        var errors = (await Problem.ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("domain", out _));
        Assert.True(errors.TryGetProperty("login", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData("{\"domain\":\"demo\",\"login\":1,\"password\":\"x\"}", "login")]
    [InlineData("{\"domain\":[],\"login\":\"a\",\"password\":\"x\"}", "domain")]
    [InlineData("{\"domain\":\"demo\",\"login\":\"a\",\"password\":true}", "password")]
    public async Task Wrong_json_types_are_400_naming_the_field(string json, string field)
    {
        var response = await _host.CreateClient().PostAsync("/api/v1/session/login", Raw(json));
        await Problem.AssertAsync(response, 400, "validation_failed");
        Assert.True((await Problem.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("{\"domain\":\"demo\",")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    public async Task Malformed_or_empty_bodies_are_400(string json)
    {
        await Problem.AssertAsync(await _host.CreateClient().PostAsync("/api/v1/session/login", Raw(json)), 400, "validation_failed");
    }

    [Fact]
    public async Task Over_long_strings_are_400()
    {
        await Problem.AssertAsync(await _host.PostLoginAsync(new string('d', 64), "agent1", "x"), 400, "validation_failed");
        var admin = await _host.ClientForAsync("demo", "admin");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = new string('u', 65), displayName = new string('n', 101), roles = new[] { "agent" }, password = "Copper-Kettle-2026" });
        await Problem.AssertAsync(response, 400, "validation_failed");
        var errors = (await Problem.ReadAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "1", note = new string('n', 201) }), 400, "validation_failed");
    }

    [Fact]
    public async Task Invalid_values_in_admin_inputs_are_400_with_codes()
    {
        var admin = await _host.ClientForAsync("demo", "admin");
        await Problem.AssertAsync(await admin.PostAsync("/api/v1/admin/skill-groups", Raw("{\"name\":\"X\",\"noAgentRule\":\"Teleport\"}")), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsync("/api/v1/admin/skill-groups", Raw("{\"name\":\"X\",\"maxWaitSeconds\":\"soon\"}")), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/pause-reasons", new { code = 12, name = "Nap" }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "x y", displayName = "X", roles = new[] { "wizard" }, password = "Copper-Kettle-2026" }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new { username = "weak", displayName = "X", roles = new[] { "agent" }, password = "password" }), 400, "weak_password");
        await Problem.AssertAsync(await admin.PutAsync("/api/v1/admin/tenant", Raw("{\"name\":\"Demo\",\"settings\":{\"attachedDataKeys\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}}")), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/skill-groups", new { name = "X", businessHours = new { timeZone = "Mars/Olympus", rules = Array.Empty<object>() } }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/admin/users/not-a-guid"), 404, "not_found");
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_problem_with_a_code()
    {
        var response = await _host.CreateClient().PostAsync("/api/v1/session/login", new StringContent("domain=demo", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("http_error", (await Problem.ReadAsync(response)).GetProperty("code").GetString());
    }
}
