using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Setup;

/// <summary>
/// The first-run command as an operator runs it: the service's own program with <c>setup</c>, in a directory of its own,
/// against an empty database (README, docs/asterisk.md).
/// </summary>
public sealed class FirstRunSetupTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ctibridge-setup-" + Guid.NewGuid().ToString("N")[..12]);

    public FirstRunSetupTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    private sealed record Run(int ExitCode, string Output);

    /// <summary>Runs CtiBridge.Api (built beside the tests) in <paramref name="workingDirectory"/> with these arguments.</summary>
    private static async Task<Run> RunApiAsync(string workingDirectory, string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CtiBridge.Api.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("Asterisk__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["Auth__PasswordIterations"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout + await stderr);
    }

    private static CtiApiFactory HostOn(string databaseFile) => new(new()
    {
        ["Database:ConnectionString"] = $"Data Source={databaseFile}",
        ["Sandbox:Enabled"] = "true", // no PBX needed; the sandbox seeds its demo tenant only into an empty database
    });

    [Fact]
    public async Task Setup_creates_the_first_tenant_and_its_admin_who_can_sign_in_and_prints_what_to_do_next()
    {
        var data = Path.Combine(_root, "var-data");

        var run = await RunApiAsync(_root, "Copper-Meadow-Signal-41\n", "setup", "--tenant", "acme", "--name", "Acme Support",
            "--admin", "boss", "--password-stdin", "--data", data);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Created tenant 'acme' (Acme Support) and its admin 'boss'", run.Output);
        Assert.Contains("Next:", run.Output);
        Assert.Contains("docs/asterisk.md", run.Output);
        Assert.True(File.Exists(Path.Combine(data, "ctibridge.db")), "the database is in --data");
        Assert.False(Directory.Exists(Path.Combine(_root, "data")));

        using var host = HostOn(Path.Combine(data, "ctibridge.db"));
        var session = await host.LoginAsync("acme", "boss", "Copper-Meadow-Signal-41");
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        var tenants = await client.GetAsync("/api/v1/admin/tenants");          // platform admin: may create further tenants
        Assert.Equal(HttpStatusCode.OK, tenants.StatusCode);
        var domains = System.Text.Json.JsonDocument.Parse(await tenants.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(t => t.GetProperty("domain").GetString()).ToList();
        Assert.Equal(["acme"], domains);                                        // and no demo tenant beside it
    }

    [Fact]
    public async Task Without_a_password_on_input_one_is_generated_printed_once_and_works_and_data_goes_to_the_working_directory()
    {
        var run = await RunApiAsync(_root, null, "setup", "--tenant", "acme");

        Assert.True(run.ExitCode == 0, run.Output);
        var line = run.Output.Split('\n').Single(l => l.StartsWith("Admin password (shown once", StringComparison.Ordinal));
        var password = line[(line.LastIndexOf(' ') + 1)..].Trim();
        Assert.Equal(20, password.Length);
        var database = Path.Combine(_root, "data", "ctibridge.db");                // data/ of the directory it ran in
        Assert.True(File.Exists(database));

        using var host = HostOn(database);
        await host.LoginAsync("acme", "admin", password);
    }

    [Fact]
    public async Task Setup_refuses_to_run_a_second_time_and_changes_nothing()
    {
        var first = await RunApiAsync(_root, "Copper-Meadow-Signal-41", "setup", "--tenant", "acme", "--admin", "boss", "--password-stdin");
        Assert.True(first.ExitCode == 0, first.Output);

        var second = await RunApiAsync(_root, "Other-Harbor-Lantern-77", "setup", "--tenant", "acme2", "--admin", "boss", "--password-stdin");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("Refused: this database already has tenants (acme)", second.Output);
        Assert.Contains("Nothing was changed", second.Output);
        using var host = HostOn(Path.Combine(_root, "data", "ctibridge.db"));
        await host.LoginAsync("acme", "boss", "Copper-Meadow-Signal-41");         // the first admin's password stands
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostLoginAsync("acme2", "boss", "Other-Harbor-Lantern-77")).StatusCode);
    }

    [Fact]
    public async Task A_weak_password_or_a_bad_domain_is_refused_and_creates_nothing()
    {
        var weak = await RunApiAsync(_root, "password", "setup", "--tenant", "acme", "--password-stdin");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("Refused (weak_password)", weak.Output);

        var badDomain = await RunApiAsync(_root, "Copper-Meadow-Signal-41", "setup", "--tenant", "Acme Corp", "--password-stdin");
        Assert.Equal(1, badDomain.ExitCode);
        Assert.Contains("Refused: domain:", badDomain.Output);

        var good = await RunApiAsync(_root, "Copper-Meadow-Signal-41", "setup", "--tenant", "acme", "--password-stdin");
        Assert.True(good.ExitCode == 0, good.Output);                            // nothing was left behind by the refusals
    }

    [Fact]
    public async Task The_service_keeps_its_files_in_the_data_directory_setting_unless_a_file_setting_names_its_own()
    {
        var data = Path.Combine(_root, "cti-data");
        using var host = new CtiApiFactory(new()
        {
            ["Data:Directory"] = data,
            ["Database:ConnectionString"] = "",
            ["Auth:Jwt:SigningKey"] = "",
        });
        await host.LoginAsync("demo", "admin");                                    // seeds the database, signs a token

        Assert.True(File.Exists(Path.Combine(data, "ctibridge.db")));
        Assert.True(File.Exists(Path.Combine(data, "jwt-signing.key")));
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        Assert.Equal(Path.Combine(data, "keys"), configuration["DataProtection:KeysFolder"]);

        using var named = new CtiApiFactory(new() { ["Data:Directory"] = data, ["DataProtection:KeysFolder"] = Path.Combine(_root, "elsewhere") });
        _ = named.CreateClient();
        Assert.Equal(Path.Combine(_root, "elsewhere"), named.Services.GetRequiredService<IConfiguration>()["DataProtection:KeysFolder"]);
    }

    [Fact]
    public async Task Setup_without_a_tenant_prints_its_usage()
    {
        var run = await RunApiAsync(_root, null, "setup");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage: dotnet run --project src/CtiBridge.Api -- setup --tenant <domain>", run.Output);
        Assert.False(Directory.Exists(Path.Combine(_root, "data")));             // no database made for a usage error
    }
}
