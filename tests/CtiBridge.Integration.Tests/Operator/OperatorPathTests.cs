using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CtiBridge.Integration.Tests.Asterisk;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Operator;

/// <summary>
/// docs/asterisk.md followed literally, as a new operator would: its marked shell blocks run in order with bash on the
/// real Asterisk of this machine, from empty directories, to a queue call through the IVR answered by a sipp desk phone
/// registered with the SIP credentials the admin API gave, checked through the API (OperatorDocument says how blocks are
/// marked). What the test does besides, printed as it happens: its own settings block (temporary directories, free
/// loopback ports), Asterisk's ports moved to those ports after the configuration is copied (as every real-Asterisk
/// test does), the install step skipped (Asterisk is installed in the standard places here), and everything it started
/// stopped at the end.
/// </summary>
public sealed class OperatorPathTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cti-operator-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<(string Mark, Process Process, StringBuilder Output)> _background = [];
    private string StateFile => Path.Combine(_root, "shell-state.sh");
    private string Etc => Path.Combine(_root, "asterisk", "etc");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var (mark, process, _) in _background)
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                output.WriteLine($"test: stopped the background step '{mark}'");
            }
        var conf = Path.Combine(Etc, "asterisk.conf");
        if (File.Exists(conf) && File.Exists(Path.Combine(_root, "asterisk", "run", "asterisk.ctl")))
            await RunProcessAsync("asterisk", ["-C", conf, "-rx", "core stop now"], TimeSpan.FromSeconds(20));
        if (Environment.GetEnvironmentVariable("CTI_KEEP_ASTERISK_DIR") is null)
            try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [OperatorToolsFact]
    public async Task Docs_asterisk_md_followed_as_written_takes_an_empty_machine_to_a_queue_call_answered_on_a_registered_desk_phone()
    {
        var repo = OperatorDocument.RepositoryRoot();
        var doc = OperatorDocument.Read(Path.Combine(repo, "docs", "asterisk.md"));
        // The path the page promises, in this order (a step dropped from the page fails here, not silently).
        Assert.Equal(
            ["settings", "skip", "copy-config", "credentials", "skip", "start-asterisk", "setup", "background", "tenant",
             "background", "phone-registered", "agent", "background", "check-call", "hang-up", "stop"],
            doc.Steps.Select(s => s.Kind switch
            {
                OperatorDocument.StepKind.Skip => "skip",
                OperatorDocument.StepKind.Background => "background",
                _ => s.Mark,
            }).ToArray());

        // The test's settings block: empty directories of its own, free loopback ports.
        int http = LoopbackPorts.Reserve(), ami = LoopbackPorts.Reserve(), sip = LoopbackPorts.Reserve(),
            trunk = LoopbackPorts.Reserve(), phone = LoopbackPorts.Reserve(), cti = LoopbackPorts.Reserve();
        var settings = new Dictionary<string, string>
        {
            ["REPO"] = repo,
            ["ETC"] = Etc,
            ["AST"] = Path.Combine(_root, "asterisk"),
            ["WORK"] = Path.Combine(_root, "ctibridge"),
            ["CTI"] = $"http://127.0.0.1:{cti}",
            ["SIP"] = $"127.0.0.1:{sip}",
            ["TRUNK_PORT"] = trunk.ToString(),
            ["PHONE_PORT"] = phone.ToString(),
            ["ADMIN_PASSWORD"] = "Granite-Orchard-Lamp-58",
            ["AGENT_PASSWORD"] = "Velvet-Harbour-Crane-31",
        };
        var settingsStep = doc.Steps.Single(s => s.Kind == OperatorDocument.StepKind.Settings);
        Assert.Equal(VariablesOf(settingsStep.Script).Order(), settings.Keys.Order());  // the page's settings, every one supplied
        File.WriteAllText(StateFile, string.Concat(settings.Select(kv => $"export {kv.Key}={Quote(kv.Value)}\n")) + $"cd {Quote(_root)}\n");
        output.WriteLine("test: settings block replaced by\n" + string.Join("\n", settings.Select(kv => $"  {kv.Key}={kv.Value}")));

        foreach (var step in doc.Steps)
        {
            switch (step.Kind)
            {
                case OperatorDocument.StepKind.Settings:
                    continue;
                case OperatorDocument.StepKind.Skip:
                    output.WriteLine($"test: SKIPPED step ({step.Reason}):\n{Indent(step.Script)}");
                    continue;
                case OperatorDocument.StepKind.Background:
                    await StartBackgroundAsync(step);
                    continue;
                default:
                    await RunStepAsync(step);
                    break;
            }
            if (step.Mark == "copy-config")
            {
                // Test only: Asterisk's ports moved to free loopback ports (as RealAsterisk does for every real-Asterisk test).
                Rewrite("http.conf", @"^bindport\s*=.*$", $"bindport = {http}");
                Rewrite("manager.conf", @"^port\s*=.*$", $"port = {ami}");
                Rewrite("pjsip.conf", @"^bind\s*=\s*0\.0\.0\.0:5060$", $"bind = 127.0.0.1:{sip}");
                Rewrite("pjsip.conf", @"^bind\s*=\s*0\.0\.0\.0$", "bind = 127.0.0.1");
                Rewrite("pjsip.conf", @"127\.0\.0\.1:5070", $"127.0.0.1:{trunk}");
                output.WriteLine($"test: moved Asterisk to loopback ports: HTTP/ARI {http}, AMI {ami}, SIP {sip}, trunk {trunk}");
            }
        }

        // What the page promised besides its own checks: CtiBridge's data in the working directory it was started from.
        Assert.True(File.Exists(Path.Combine(settings["WORK"], "data", "ctibridge.db")), "data/ctibridge.db in $WORK");
        Assert.True(File.Exists(Path.Combine(Etc, "provisioned", "pjsip_provisioned.conf")), "the provisioned endpoints file");
        Assert.Contains("demo-2001", File.ReadAllText(Path.Combine(Etc, "provisioned", "pjsip_provisioned.conf")));
    }

    private async Task RunStepAsync(OperatorDocument.Step step)
    {
        output.WriteLine($"test: step '{step.Mark}':\n{Indent(step.Script)}");
        var (code, text) = await RunProcessAsync("bash", ["-c", Wrap(step.Script, saveState: true)], TimeSpan.FromMinutes(6));
        output.WriteLine(Indent(text.TrimEnd(), "  | "));
        Assert.True(code == 0, $"step '{step.Mark}' failed (exit {code}):\n{text}\n{BackgroundOutput()}\n{AsteriskLogTail()}");
        File.Move(StateFile + ".next", StateFile, overwrite: true);
    }

    /// <summary>The end of Asterisk's own log, for a failed step's message (why it did not start, say).</summary>
    private string AsteriskLogTail()
    {
        var log = Path.Combine(_root, "asterisk", "log", "messages.log");
        if (!File.Exists(log)) log = Path.Combine(_root, "asterisk", "log", "messages");
        return File.Exists(log) ? "Asterisk's log ends:\n" + string.Join("\n", File.ReadLines(log).TakeLast(25)) : "(no Asterisk log)";
    }

    private async Task StartBackgroundAsync(OperatorDocument.Step step)
    {
        output.WriteLine($"test: step started in the background, until `{step.Until}`:\n{Indent(step.Script)}");
        var psi = Bash(Wrap(step.Script, saveState: false));
        var process = Process.Start(psi)!;
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _background.Add((step.Mark, process, text));

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            var (code, _) = await RunProcessAsync("bash", ["-c", Wrap(step.Until!, saveState: false)], TimeSpan.FromSeconds(30));
            if (code == 0) break;
            if (process.HasExited)
                Assert.Fail($"the background step ended (exit {process.ExitCode}) before `{step.Until}` held:\n{text}");
            if (DateTime.UtcNow > deadline) Assert.Fail($"`{step.Until}` did not hold within 5 minutes:\n{BackgroundOutput()}");
            await Task.Delay(500);
        }
        output.WriteLine("test: until-check holds");
    }

    /// <summary>The block in the operator's shell as the previous blocks left it (variables, working directory).</summary>
    private string Wrap(string script, bool saveState) =>
        "set -euo pipefail\nset -a\n. " + Quote(StateFile) + "\n" + script + "\n"
        + (saveState ? $"{{ export -p; echo \"cd $(printf %q \"$PWD\")\"; }} > {Quote(StateFile + ".next")}\n" : "");

    private static ProcessStartInfo Bash(string script)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("Asterisk__", StringComparison.Ordinal)
                     || k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("Data__", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["PATH"] = (psi.Environment["PATH"] ?? "") + ":/usr/sbin:/usr/local/sbin";
        psi.Environment["CTI_SKIP_TOOLBAR"] = "1";  // the web app's npm build is not what this test checks
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return psi;
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string file, string[] args, TimeSpan timeout)
    {
        var psi = file == "bash" ? Bash(args[1]) : new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"timed out after {timeout}\n{await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private string BackgroundOutput() =>
        string.Join("\n", _background.Select(b => { lock (b.Output) return $"--- background '{b.Mark}':\n{b.Output}"; }));

    private void Rewrite(string file, string pattern, string replacement)
    {
        var path = Path.Combine(Etc, file);
        File.WriteAllText(path, Regex.Replace(File.ReadAllText(path), pattern, replacement, RegexOptions.Multiline));
    }

    private static IEnumerable<string> VariablesOf(string settingsScript) =>
        settingsScript.Split('\n').Select(l => Regex.Match(l, @"^([A-Z_]+)=")).Where(m => m.Success).Select(m => m.Groups[1].Value);

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Indent(string text, string prefix = "    ") => string.Join("\n", text.Split('\n').Select(l => prefix + l));
}

/// <summary>Needs Asterisk, sipp, curl and jq (the tools docs/asterisk.md uses); skipped, with the reason, when one is missing.</summary>
public sealed class OperatorToolsFactAttribute : FactAttribute
{
    public OperatorToolsFactAttribute()
    {
        if (AsteriskBinary.Find() is null)
            Skip = "Asterisk is not installed: set CTI_ASTERISK_BIN or put 'asterisk' on PATH (see docs/asterisk.md).";
        else if (Sipp.Find() is null)
            Skip = "sipp is not installed (Debian package 'sip-tester'): set CTI_SIPP_BIN or put 'sipp' on PATH.";
        else if ((Missing("curl") ?? Missing("jq")) is { } tool)
            Skip = $"'{tool}' is not installed: docs/asterisk.md uses it.";
    }

    private static string? Missing(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(d => File.Exists(Path.Combine(d, tool))) ? null : tool;
}
