using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Security;

/// <summary>The data folder is private to the service account, and stored secrets are encrypted (docs/auth.md).</summary>
public class DataFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ctibridge-data-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private CtiApiFactory NewHost() => new(new()
    {
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(_root, "data", "cti.db")}",
        ["DataProtection:KeysFolder"] = Path.Combine(_root, "data", "keys"),
        ["Webhooks:AllowHttp"] = "true",
    });

    // The webhook host resolves to a public address (webhook targets must be public), deliveries go to the receiver.
    private static WebApplicationFactory<Program> WithWebhookTarget(CtiApiFactory root, HttpMessageHandler? receiver = null) =>
        root.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<CtiBridge.Api.Webhooks.IHostAddressResolver>(new Webhooks.FakeDns { ["hooks.test"] = [Webhooks.FakeDns.PublicAddress] });
            if (receiver is not null)
                s.AddHttpClient(CtiBridge.Api.Webhooks.WebhookDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => receiver);
        }));

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, string login)
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login, password = CtiApiFactory.DemoPassword });
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.ReadAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task The_data_folder_is_created_0700_and_its_files_0600()
    {
        if (OperatingSystem.IsWindows()) return;
        using var root = NewHost();
        using var host = WithWebhookTarget(root);
        var admin = await SignInAsync(host, "admin");
        await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti", eventTypes = new[] { "agentStateChanged" } }).OkAsync(System.Net.HttpStatusCode.Created);

        var data = Path.Combine(_root, "data");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(data, "keys")));
        var files = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("cti.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".xml", StringComparison.Ordinal)); // a data protection key
        foreach (var file in files)
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file}: {File.GetUnixFileMode(file)}");
    }

    /// <summary>A webhook receiver that accepts everything and keeps what it got.</summary>
    private sealed class Receiver : HttpMessageHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string Body, string Signature)> Accepted { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Accepted.Enqueue((await request.Content!.ReadAsStringAsync(ct), request.Headers.GetValues("X-CtiBridge-Signature").Single()));
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Webhook_secrets_are_stored_encrypted_and_a_plain_one_of_an_older_version_still_signs_and_is_encrypted_at_start()
    {
        Guid id;
        using (var firstRoot = NewHost())
        using (var first = WithWebhookTarget(firstRoot))
        {
            var admin = await SignInAsync(first, "admin");
            var created = await (await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = "http://hooks.test/cti", eventTypes = new[] { "agentStateChanged" } }))
                .ReadAsync<JsonElement>();
            var secret = created.GetProperty("secret").GetString()!;
            id = created.GetProperty("endpoint").GetProperty("id").GetGuid();
            Assert.DoesNotContain(secret, await StoredSecretAsync(id));
        }
        SqliteConnection.ClearAllPools();

        // What an older version stored: the secret in plain text.
        await ExecAsync($"UPDATE WebhookEndpoints SET Secret = 'legacy-plain-secret' WHERE upper(Id) = '{id.ToString().ToUpperInvariant()}'");
        var receiver = new Receiver();
        using var root = NewHost();
        using var host = WithWebhookTarget(root, receiver);
        var agent = await SignInAsync(host, "agent1");
        Assert.DoesNotContain("legacy-plain-secret", await StoredSecretAsync(id)); // encrypted at start

        await agent.LoginReadyAsync();
        for (var i = 0; i < 200 && receiver.Accepted.IsEmpty; i++) await Task.Delay(50);
        var (body, signature) = Assert.Single(receiver.Accepted);
        var t = long.Parse(signature.Split(',')[0][2..]);
        Assert.Equal(CtiBridge.Api.Webhooks.WebhookDispatcher.Sign("legacy-plain-secret", t, body), signature);
    }

    private async Task<string> StoredSecretAsync(Guid id)
    {
        await using var conn = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "cti.db")}");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT Secret FROM WebhookEndpoints WHERE upper(Id) = '{id.ToString().ToUpperInvariant()}'";
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task ExecAsync(string sql)
    {
        await using var conn = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "cti.db")}");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }
}
