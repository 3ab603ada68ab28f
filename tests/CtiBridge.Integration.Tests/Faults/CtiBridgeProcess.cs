using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CtiBridge.Integration.Tests.Faults;

/// <summary>
/// CtiBridge's Api as its own process (the built <c>CtiBridge.Api.dll</c>, production mode), so a test can kill it
/// with SIGKILL — no shutdown code runs — and start the next one over the same database.
/// </summary>
public sealed class CtiBridgeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StreamWriter? _log;

    private CtiBridgeProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        // CTI_NODE_LOG_DIR keeps each process's whole output in a file of its own (to read after a run, failed or not).
        var logDir = Environment.GetEnvironmentVariable("CTI_NODE_LOG_DIR");
        if (!string.IsNullOrEmpty(logDir))
        {
            Directory.CreateDirectory(logDir);
            _log = new StreamWriter(Path.Combine(logDir, $"{DateTime.UtcNow:HHmmss}-{new Uri(url).Port}-{process.Id}.log")) { AutoFlush = true };
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            _log?.WriteLine(line);
        }
    }

    /// <summary>The last lines the process wrote.</summary>
    public string OutputTail(int lines = 30)
    {
        string all; lock (_output) all = _output.ToString();
        var split = all.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', split.Skip(Math.Max(0, split.Length - lines)));
    }

    /// <summary>Every line the process wrote that <paramref name="match"/> accepts.</summary>
    public IReadOnlyList<string> OutputLines(Func<string, bool> match)
    {
        string all; lock (_output) all = _output.ToString();
        return all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(match).ToList();
    }

    /// <summary>A free loopback URL for <see cref="Start"/> (when the settings must name it, e.g. <c>Cluster:Address</c>).</summary>
    public static string ReserveUrl() => $"http://127.0.0.1:{LoopbackPorts.Reserve()}";

    /// <summary>
    /// Starts the Api with <paramref name="settings"/> (appsettings keys) on <paramref name="url"/> or a free loopback port;
    /// its CtiBridge log level is Information, or what <c>CTI_NODE_LOG_LEVEL</c> says (e.g. Debug, to diagnose a failure).
    /// </summary>
    public static CtiBridgeProcess Start(IReadOnlyDictionary<string, string?> settings, string? url = null)
    {
        var dll = ApiDll();
        url ??= ReserveUrl();
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {url}")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (k, v) in settings) psi.Environment[k.Replace(":", "__")] = v;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__CtiBridge"] = Environment.GetEnvironmentVariable("CTI_NODE_LOG_LEVEL") ?? "Information";
        return new CtiBridgeProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start CtiBridge"), url);
    }

    /// <summary>The Api's own build output (built with the solution: the tests reference the project).</summary>
    private static string ApiDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CtiBridge.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("CtiBridge.sln not found above " + AppContext.BaseDirectory);
        var config = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(dir.FullName, "src", "CtiBridge.Api", "bin", config, "net10.0", "CtiBridge.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not built");
    }

    /// <summary>SIGKILL: the process ends at once, nothing of its shutdown runs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public HttpClient Client(string? token = null)
    {
        var c = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(20) };
        if (token is not null) c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return c;
    }

    public async Task<HttpClient> SignInAsync(string domain, string login, string password)
    {
        var client = Client();
        var r = await client.PostAsJsonAsync("/api/v1/session/login", new { domain, login, password });
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"login {domain}/{login}: {(int)r.StatusCode} {body}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>The process's resident memory (VmRSS of /proc/&lt;pid&gt;/status) in KiB; null once it has ended.</summary>
    public long? ResidentKilobytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException) { return null; } // the process has ended meanwhile
    }

    /// <summary>Whether the process has ended, and its exit code.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public async Task<bool> ReadyAsync()
    {
        if (_process.HasExited) throw new InvalidOperationException($"CtiBridge exited with {_process.ExitCode}:\n{OutputTail()}");
        try
        {
            using var c = Client();
            using var r = await c.GetAsync("/health/ready");
            return r.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_output) _log?.Dispose();
    }
}
