using System.Diagnostics;

namespace CtiBridge.Api.Tests.Setup;

/// <summary>
/// The service started on a database it cannot reach stops with one clear line and exit code 1 — for each provider,
/// SQL Server included (whose client refused to open any connection while the build ran in invariant globalization
/// mode) — instead of an unhandled exception and its stack trace. Runs the real CtiBridge.Api process.
/// </summary>
public class DatabaseAtStartTests
{
    [Theory]
    [InlineData("SqlServer", "Server=127.0.0.1,{port};Database=cti;User Id=cti;Password=x;TrustServerCertificate=True;Connect Timeout=3", "A network-related or instance-specific error")]
    [InlineData("PostgreSQL", "Host=127.0.0.1;Port={port};Database=cti;Username=cti;Password=x;Timeout=3", "Connection refused")]
    public async Task An_unreachable_database_stops_the_service_with_a_clear_message_and_exit_code_1(string provider, string connectionString, string reason)
    {
        var port = ClosedPort();
        var api = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [api])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__ConnectionString"] = connectionString.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["Sandbox__Enabled"] = "true";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ClosedPort()}";
        start.Environment["Data__Directory"] = Directory.CreateTempSubdirectory("ctibridge-dbstart-").FullName;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"Cannot start: the {(provider == "PostgreSQL" ? "PostgreSql" : provider)} database", output);
        Assert.Contains(reason, output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("Globalization Invariant Mode", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    private static int ClosedPort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }
}
