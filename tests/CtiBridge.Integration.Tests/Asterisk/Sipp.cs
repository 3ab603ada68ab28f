using System.Diagnostics;

namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>A sipp process started by a test (killed by its own id at the end if still running).</summary>
public sealed class Sipp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private Sipp(Process process, string workDir)
    {
        _process = process;
        WorkDir = workDir;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string WorkDir { get; }

    public static string? Find() =>
        Environment.GetEnvironmentVariable("CTI_SIPP_BIN") is { Length: > 0 } b ? b
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "sipp")).FirstOrDefault(File.Exists);

    /// <summary>Starts sipp with <paramref name="args"/> (message trace on, no stdin, in its own working directory).</summary>
    public static Sipp Start(string args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cti-sipp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var psi = new ProcessStartInfo(Find() ?? "sipp", args + " -nostdin -trace_msg -trace_err")
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        return new Sipp(Process.Start(psi) ?? throw new InvalidOperationException("could not start sipp"), dir);
    }

    public static string Scenario(string file) => Path.Combine(AppContext.BaseDirectory, "sipp", file);

    /// <summary>Waits for sipp to end (a failure guard); returns its exit code (0: every call succeeded).</summary>
    public async Task<int> ExitAsync(int seconds = 30)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Every SIP message sipp sent or received so far.</summary>
    public string Messages =>
        string.Join("\n", Directory.GetFiles(WorkDir, "*_messages.log").Select(f =>
        {
            using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(s).ReadToEnd();
        }));

    /// <summary>
    /// Whether Asterisk accepted this sipp's own REGISTER (a 200 OK answering it is in the trace). An endpoint can be
    /// "online" before that through a contact an earlier phone left, which still points at a port nobody listens on.
    /// </summary>
    public bool Registered =>
        Messages.Split("-----------------------------------------------").Any(m =>
            m.Contains("message received", StringComparison.Ordinal) && m.Contains("SIP/2.0 200 OK", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.IsMatch(m, @"CSeq: \d+ REGISTER"));

    /// <summary>
    /// The last line of sipp's statistics file (<c>-trace_stat</c>), by column name: e.g. <c>TotalCallCreated</c>,
    /// <c>SuccessfulCall(C)</c>, <c>FailedCall(C)</c>, <c>FailedUnexpectedMessage(C)</c> (sipp writes a last line when it ends).
    /// </summary>
    public IReadOnlyDictionary<string, string> Statistics()
    {
        var file = Directory.GetFiles(WorkDir, "*_.csv").Single();
        using var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var lines = new StreamReader(s).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var names = lines[0].Split(';');
        var values = lines[^1].Split(';');
        return names.Zip(values).Where(p => p.First.Length > 0).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>Why sipp ended, for a failure's message: its exit code, output and error log (nothing while it runs).</summary>
    public string EndDiagnostics()
    {
        if (!_process.HasExited) return "sipp running";
        var errors = string.Join("\n", Directory.GetFiles(WorkDir, "*_errors.log").Select(f => string.Join("\n", File.ReadLines(f).TakeLast(20))));
        return $"sipp exited with {_process.ExitCode}:\n{_stderr.Result}\n{string.Join("\n", _stdout.Result.Split('\n').TakeLast(30))}\n{errors}";
    }

    /// <summary>Whether sipp is still running.</summary>
    public bool Running => !_process.HasExited;

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (!_process.HasExited) { _process.Kill(); await _process.WaitForExitAsync(); }
        await Task.WhenAll(_stdout, _stderr);
        _process.Dispose();
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A test that needs Asterisk and sipp; skipped with the reason when either is missing.</summary>
public sealed class AsteriskAndSippFactAttribute : FactAttribute
{
    public AsteriskAndSippFactAttribute()
    {
        if (AsteriskBinary.Find() is null)
            Skip = "Asterisk is not installed: set CTI_ASTERISK_BIN or put 'asterisk' on PATH (see docs/asterisk.md).";
        else if (Sipp.Find() is null)
            Skip = "sipp is not installed (Debian package 'sip-tester'): set CTI_SIPP_BIN or put 'sipp' on PATH.";
    }
}

/// <summary>A theory that needs Asterisk and sipp; skipped with the reason when either is missing.</summary>
public sealed class AsteriskAndSippTheoryAttribute : TheoryAttribute
{
    public AsteriskAndSippTheoryAttribute()
    {
        if (AsteriskBinary.Find() is null)
            Skip = "Asterisk is not installed: set CTI_ASTERISK_BIN or put 'asterisk' on PATH (see docs/asterisk.md).";
        else if (Sipp.Find() is null)
            Skip = "sipp is not installed (Debian package 'sip-tester'): set CTI_SIPP_BIN or put 'sipp' on PATH.";
    }
}
