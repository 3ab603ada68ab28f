using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CtiBridge.Integration.Tests.Asterisk;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// The real CtiBridge Api (<c>Program</c>) in production mode — no sandbox, no seeded tenant — pointed at the test
/// <see cref="RealAsterisk"/>: ARI + AMI with the generated credentials, endpoint provisioning into the include file
/// asterisk-config/pjsip.conf names. Everything a test does goes through the public HTTP API.
/// </summary>
public sealed class ProductHost : WebApplicationFactory<Program>
{
    public const string BootstrapKey = "product-test-bootstrap-key-0123456789";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly string _dir;
    private readonly Dictionary<string, string?> _settings;

    /// <param name="dataDirectory">
    /// The directory of the SQLite database: a new temporary one by default; another host's <see cref="DataDirectory"/> to
    /// start the next process over the same database (a restart).
    /// </param>
    public ProductHost(RealAsterisk asterisk, Dictionary<string, string?>? extra = null, string? dataDirectory = null)
    {
        Asterisk = asterisk;
        _dir = dataDirectory ?? Path.Combine(Path.GetTempPath(), "cti-product-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(_dir);
        _settings = new()
        {
            ["Sandbox:Enabled"] = "false",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dir, "cti.db")}",
            ["Auth:PasswordIterations"] = "1000",
            ["Auth:Jwt:SigningKey"] = "product-test-signing-key-long-enough-0123456789",
            ["Admin:BootstrapKey"] = BootstrapKey,
            ["RateLimiting:Login:PermitLimit"] = "1000",
            ["RateLimiting:Login:PerIpPermitLimit"] = "1000",
            ["Asterisk:Ari:BaseUrl"] = asterisk.AriUrl,
            ["Asterisk:Ari:Username"] = asterisk.AriUser,
            ["Asterisk:Ari:Password"] = asterisk.AriPassword,
            ["Asterisk:Ari:Application"] = "ctibridge",
            ["Asterisk:Ami:Host"] = "127.0.0.1",
            ["Asterisk:Ami:Port"] = asterisk.AmiPort.ToString(),
            ["Asterisk:Ami:Username"] = asterisk.AmiUser,
            ["Asterisk:Ami:Secret"] = asterisk.AmiSecret,
            ["Asterisk:Provisioning:IncludeFile"] = Path.Combine(asterisk.Etc, "provisioned", "pjsip_provisioned.conf"),
        };
        foreach (var (k, v) in extra ?? new()) _settings[k] = v;
    }

    public RealAsterisk Asterisk { get; }

    /// <summary>The configuration the host runs with (keys as in appsettings: <c>Database:Provider</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Where the database lives (deleted when the host is disposed, unless <see cref="KeepDataOnDispose"/>).</summary>
    public string DataDirectory => _dir;

    /// <summary>Set before disposing a host that a next host takes over (a restart): its database is left for the next one.</summary>
    public bool KeepDataOnDispose { get; set; }

    /// <summary>CtiBridge's own log lines (Information and above), with their time, for a failure's message.</summary>
    public LogLines Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureLogging(l => l.AddProvider(Log));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepDataOnDispose) return;
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Waits until /health/ready says the service is up with its PBX connected (a failure guard, not a sleep).</summary>
    public async Task WaitReadyAsync(int seconds = 30)
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        string last = "";
        while (true)
        {
            using var r = await client.GetAsync("/health/ready");
            last = await r.Content.ReadAsStringAsync();
            if (r.StatusCode == HttpStatusCode.OK) return;
            if (DateTime.UtcNow > deadline) Assert.Fail("CtiBridge not ready (PBX connection): " + last);
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// After the host is disposed: waits until Asterisk has dropped its Stasis application (the closed ARI WebSocket),
    /// so that the next test's host registers "ctibridge" afresh rather than racing the old session's clean-up.
    /// </summary>
    public static async Task WaitAppUnregisteredAsync(RealAsterisk asterisk, int seconds = 10)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while ((await asterisk.GetJsonAsync("applications")).EnumerateArray().FirstOrDefault(a => a.GetProperty("name").GetString() == "ctibridge")
               is { ValueKind: JsonValueKind.Object } app)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("Asterisk still lists the ctibridge ARI application after the host stopped: " + app + "\n"
                            + await asterisk.CliAsync("ari show app ctibridge") + "\n" + await asterisk.CliAsync("http show status"));
            await Task.Delay(50);
        }
    }

    /// <summary>A client carrying a bearer token of <paramref name="login"/> in <paramref name="domain"/>.</summary>
    public async Task<HttpClient> SignInAsync(string domain, string login, string password)
    {
        var client = CreateClient();
        var r = await client.PostAsJsonAsync("/api/v1/session/login", new { domain, login, password });
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"login {domain}/{login}: {(int)r.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>Small helpers on the public API's JSON.</summary>
public static class Api
{
    public static async Task<JsonElement> SendAsync(this HttpClient client, HttpMethod method, string path, object? body = null,
        HttpStatusCode? expect = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: ProductHost.Json);
        using var r = await client.SendAsync(request);
        var text = await r.Content.ReadAsStringAsync();
        if (expect is { } e ? r.StatusCode != e : !r.IsSuccessStatusCode)
            Assert.Fail($"{method} {path}: {(int)r.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> GetJsonAsync(this HttpClient c, string path) => c.SendAsync(HttpMethod.Get, path);
    public static Task<JsonElement> PostJsonAsync(this HttpClient c, string path, object? body = null, HttpStatusCode? expect = null) =>
        c.SendAsync(HttpMethod.Post, path, body ?? new { }, expect);
    public static Task<JsonElement> PutJsonAsync(this HttpClient c, string path, object body, HttpStatusCode? expect = null) =>
        c.SendAsync(HttpMethod.Put, path, body, expect);

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).ToString();
}

/// <summary>Keeps the last few thousand log lines of the host's CtiBridge categories in memory.</summary>
public sealed class LogLines : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(DateTimeOffset At, string Line)> _lines = new();

    /// <summary>The lines written since <paramref name="since"/>, oldest first.</summary>
    public string Since(DateTimeOffset since) =>
        string.Join("\n", _lines.Where(l => l.At >= since).Select(l => $"{l.At:HH:mm:ss.fff} {l.Line}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private void Add(string line)
    {
        _lines.Enqueue((DateTimeOffset.UtcNow, line));
        while (_lines.Count > 5000) _lines.TryDequeue(out _);
    }

    private sealed class Logger(LogLines sink, string category) : ILogger
    {
        private readonly string _short = category[(category.LastIndexOf('.') + 1)..];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => level >= LogLevel.Information && category.StartsWith("CtiBridge", StringComparison.Ordinal);
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(level)) sink.Add($"{level.ToString()[..4]} {_short}: {formatter(state, exception)}" + (exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message));
        }
    }
}
