using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CtiBridge.TestSupport;

/// <summary>
/// A throw-away PostgreSQL server for the test run: Debian's postgresql (initdb + pg_ctl) in a temp
/// directory on 127.0.0.1 and a free port, trust auth, stopped and deleted at the end. Started on first
/// use. PostgreSQL refuses to run as root, so as root it runs through <c>runuser -u postgres</c>.
/// Missing binaries fail the PostgreSQL tests loudly, unless <c>CTI_SKIP_POSTGRES=1</c> (then they are
/// reported as skipped, with the reason).
/// </summary>
public class PostgresInstance
{
    public const string SkipVariable = "CTI_SKIP_POSTGRES";
    public static bool SkipRequested => Environment.GetEnvironmentVariable(SkipVariable) == "1";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _dir;
    private string? _bin;
    private int _port;
    private Exception? _startFailure;

    /// <summary>The server's admin connection string (database <c>postgres</c>).</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        await EnsureStartedAsync();
        var name = "cti_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name}";
    }

    private async Task EnsureStartedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_startFailure is not null) throw new InvalidOperationException("PostgreSQL test server failed to start.", _startFailure);
            if (_dir is not null) return;
            try { await StartAsync(); }
            catch (Exception e) { _startFailure = e; throw; }
        }
        finally { _gate.Release(); }
    }

    private static string FindBin()
    {
        var env = Environment.GetEnvironmentVariable("CTI_PG_BIN");
        if (!string.IsNullOrEmpty(env) && File.Exists(Path.Combine(env, "initdb"))) return env;
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b == "/usr/lib/postgresql/15/bin").ThenByDescending(b => b).ToList()
            : new List<string>();
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (looked for /usr/lib/postgresql/*/bin/initdb). " +
            "Install them with `apt-get install -y postgresql`, point CTI_PG_BIN at the bin folder, " +
            $"or set {SkipVariable}=1 to skip the PostgreSQL half of the data tests.");
    }

    private async Task StartAsync()
    {
        _bin = FindBin();
        _port = FreePort();
        _dir = Path.Combine(Path.GetTempPath(), "ctibridge-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dir);
        var data = Path.Combine(_dir, "data");
        if (IsRoot) await RunAsync("chown", $"postgres:postgres {_dir}", asPostgres: false);
        await RunAsync(Path.Combine(_bin, "initdb"), $"-D {data} -A trust -U postgres -E UTF8 --no-sync", asPostgres: true);
        await RunPgCtlStartAsync();
    }

    private Task RunPgCtlStartAsync() => RunAsync(Path.Combine(_bin!, "pg_ctl"),
        $"-D {Path.Combine(_dir!, "data")} -l {Path.Combine(_dir!, "server.log")} -w -t 60 -o \"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off\" start",
        asPostgres: true);

    /// <summary>
    /// Stops the server as an outage would (fast shutdown: clients' connections are cut), keeping its data; <see
    /// cref="StartAgainAsync"/> brings it back on the same port.
    /// </summary>
    public async Task StopAsync()
    {
        if (_dir is null || _bin is null) throw new InvalidOperationException("The server was never started.");
        await RunAsync(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_dir, "data")} -m fast -w stop", asPostgres: true);
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/> (same data, port and settings).</summary>
    public Task StartAgainAsync()
    {
        if (_dir is null || _bin is null) throw new InvalidOperationException("The server was never started.");
        return RunPgCtlStartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dir is null || _bin is null) return;
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_dir, "data")} -m immediate -w stop", asPostgres: true);
        }
        finally
        {
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static async Task RunAsync(string file, string args, bool asPostgres)
    {
        var psi = asPostgres && IsRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {args}")
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"`{psi.FileName} {psi.Arguments}` exited with {p.ExitCode}:\n{await stdout}\n{await stderr}");
    }
}
