using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CtiBridge.Application.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Api.Tests;

/// <summary>
/// A test host of the real Program on its own temp SQLite file, in sandbox mode (demo tenant seeded),
/// with fast password hashing, a fixed signing key and a bootstrap key for tenant creation.
/// </summary>
public sealed class CtiApiFactory : WebApplicationFactory<Program>
{
    public const string BootstrapKey = "test-bootstrap-key-0123456789";
    public const string DemoPassword = "Quiet-Harbor-2026";
    /// <summary>The password of "boss", the first admin of the other tenants tests create.</summary>
    public const string OtherTenantAdminPassword = "Lantern-Fjord-2026";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-api-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly Dictionary<string, string?> _settings;

    public CtiApiFactory(Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(_dir);
        Clock = clock;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dir, "test.db")}",
            ["Sandbox:Enabled"] = "true",
            ["Auth:PasswordIterations"] = "1000",
            ["Auth:Jwt:SigningKey"] = "test-signing-key-that-is-long-enough-0123456789",
            ["Admin:BootstrapKey"] = BootstrapKey,
            ["RateLimiting:Login:PermitLimit"] = "1000",
            ["RateLimiting:Login:PerIpPermitLimit"] = "1000",
        };
        foreach (var (k, v) in settings ?? new()) _settings[k] = v;
    }

    public TimeProvider? Clock { get; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        if (Clock is not null)
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton(Clock)));
        if (CheckContract)
            builder.ConfigureServices(s => s.AddSingleton(OpenApiDocument.ApiContract.Recorder(_contractViolations)));
        if (MoreServices is { } configure) builder.ConfigureServices(configure);
    }

    /// <summary>More service registrations for one test (e.g. a hub filter that reproduces a race).</summary>
    public Action<IServiceCollection>? MoreServices { get; init; }

    /// <summary>Every /api response is checked against docs/openapi.json (<see cref="OpenApiDocument.ApiContract"/>).</summary>
    public bool CheckContract { get; init; } = true;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _contractViolations = new();

    /// <summary>Takes (and so forgives) the responses of this host that the OpenAPI document does not describe.</summary>
    public IReadOnlyList<string> TakeContractViolations()
    {
        var taken = new List<string>();
        while (_contractViolations.TryDequeue(out var v)) taken.Add(v);
        return taken;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        // The test that made these requests fails here: the API answered something docs/openapi.json does not say.
        if (disposing && !_contractViolations.IsEmpty)
            throw new Xunit.Sdk.XunitException("Responses that docs/openapi.json does not describe:\n" + string.Join("\n", _contractViolations.Distinct()));
    }

    public Task<HttpResponseMessage> PostLoginAsync(string domain, string login, string password) =>
        CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain, login, password });

    public async Task<SessionResponse> LoginAsync(string domain, string login, string password = DemoPassword)
    {
        var response = await PostLoginAsync(domain, login, password);
        Assert.True(response.IsSuccessStatusCode, $"login {domain}/{login}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SessionResponse>(Json))!;
    }

    /// <summary>A client carrying the bearer token of <paramref name="login"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string domain, string login, string password = DemoPassword)
    {
        var session = await LoginAsync(domain, login, password);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        return client;
    }

    /// <summary>Creates a second tenant (with admin <c>boss</c>) through the bootstrap key and returns the admin's client.</summary>
    public async Task<HttpClient> CreateTenantAsync(string domain)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Bootstrap-Key", BootstrapKey);
        var response = await client.PostAsJsonAsync("/api/v1/admin/tenants",
            new { domain, name = domain.ToUpperInvariant(), adminUsername = "boss", adminPassword = OtherTenantAdminPassword });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await ClientForAsync(domain, "boss", OtherTenantAdminPassword);
    }
}

/// <summary>Reads ProblemDetails bodies.</summary>
public static class Problem
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static async Task AssertAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Equal(status, json.GetProperty("status").GetInt32());
    }
}
