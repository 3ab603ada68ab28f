using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Benchmarks.RealAsterisk;

/// <summary>
/// The CtiBridge side of the real-Asterisk bench (docs/benchmarks.md, "Real Asterisk: CtiBridge vs app_queue"): the
/// call-center engine (CallCenterService + TenantCallCenter) on <see cref="AsteriskPbx"/> (ARI + AMI, built as production
/// and the integration tests build it), in this process, connected to the bench Asterisk that
/// <c>bench/asterisk/run-bench.sh</c> started with asterisk-config/. Tenant "demo", skill group "Sales" (the bench
/// dialplan's 7001 runs <c>Stasis(ctibridge,queue,demo,Sales)</c>), <c>agents</c> agents with extensions 1..N whose
/// phones are <c>PJSIP/bench-agent-N</c> (the sipp UAS), all Ready, wrap-up 0. It serves calls until SIGTERM/SIGINT or
/// <c>--max-seconds</c>, then prints what it handled.
/// <para>
/// With <c>--ari-log FILE</c> it also writes, from its own ARI event stream, every dialled agent leg's StasisStart and every
/// ChannelEnteredBridge of a <c>cti-</c> bridge (Asterisk's event timestamp and this process's receive time, Unix seconds), for
/// "agent leg StasisStart → both bridged".
/// </para>
/// Usage (the script runs it; by hand: start the script with <c>KEEP=1</c> or any Asterisk with asterisk-config/ and the bench
/// endpoints): <c>dotnet CtiBridge.Benchmarks.dll load asterisk-acd --etc ETC_DIR [--agents 40] [--ari-log FILE]
/// [--max-seconds 1800]</c>. ETC_DIR is the Asterisk etc directory holding the generated <c>ctibridge.env</c>.
/// </summary>
public sealed class AsteriskAcdHarness : ILoadHarness
{
    public string Name => "asterisk-acd";

    public async Task RunAsync(string[] args)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var etc = Arg("--etc") ?? throw new ArgumentException("--etc ETC_DIR (the bench Asterisk's etc directory with ctibridge.env) is required; see bench/asterisk/run-bench.sh");
        var agentCount = int.Parse(Arg("--agents") ?? "40", CultureInfo.InvariantCulture);
        var maxSeconds = int.Parse(Arg("--max-seconds") ?? "1800", CultureInfo.InvariantCulture);
        var ariLogPath = Arg("--ari-log");

        var env = File.ReadAllLines(Path.Combine(etc, "ctibridge.env"))
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        var ariOptions = new AriOptions
        {
            BaseUrl = env["Asterisk__Ari__BaseUrl"], Username = env["Asterisk__Ari__Username"],
            Password = env["Asterisk__Ari__Password"], Application = "ctibridge",
            // As production registers it (AddAsteriskPbx), plus the bridge entries the --ari-log observer writes down.
            AllowedEvents = [.. AsteriskPbx.AriEventsUsed, .. ariLogPath is null ? Array.Empty<string>() : ["ChannelEnteredBridge"]],
        };
        var amiOptions = new AmiOptions
        {
            Host = env["Asterisk__Ami__Host"], Port = int.Parse(env["Asterisk__Ami__Port"], CultureInfo.InvariantCulture),
            Username = env["Asterisk__Ami__Username"], Secret = env["Asterisk__Ami__Secret"],
            IncludeEvents = [.. AsteriskPbx.AmiEventsUsed], // as production registers it (AddAsteriskPbx)
        };

        // As production builds it (AsteriskPbxServiceCollectionExtensions): pooled HTTP with the idle timeout below
        // Asterisk's keep-alive, ARI events, AMI for device states.
        var pbxOptions = new AsteriskPbxOptions();
        StreamWriter? ariLog = ariLogPath is null ? null : new StreamWriter(ariLogPath, append: false) { AutoFlush = false };
        var logLock = new object();
        void Log(string line) { if (ariLog is not null) lock (logLock) ariLog.WriteLine(line); }
        HttpMessageHandler transport = new SocketsHttpHandler { PooledConnectionIdleTimeout = pbxOptions.HttpPooledConnectionIdleTimeout };
        if (ariLog is not null) transport = new OriginateLogger(transport, Log);
        using var http = new HttpClient(transport);
        var ari = new AriClient(http, ariOptions);
        await using var events = new AriEventStream(ariOptions);
        await using var ami = new AmiClient(amiOptions);
        await using var pbx = new AsteriskPbx(ari, events, ami, pbxOptions, NullLogger<AsteriskPbx>.Instance);

        IDisposable? observer = null;
        if (ariLog is not null)
        {
            // A separate subscription (its own lanes): observing costs a little CPU, never delays the adapter's handling.
            observer = events.Subscribe((e, _) =>
            {
                var now = NowUnix();
                string? line = e switch
                {
                    StasisStartEvent s when s.Args.Count > 0 && s.Args[0] == pbxOptions.DialledAppArg =>
                        $"{Unix(s.Timestamp)}\t{now}\tStasisStart\t{s.Channel.Id}\t{s.Channel.Name}\t\t",
                    StasisStartEvent s => $"{Unix(s.Timestamp)}\t{now}\tCustomerStasisStart\t{s.Channel.Id}\t{s.Channel.Name}\t\t",
                    ChannelEnteredBridgeEvent b when b.Bridge.Id.StartsWith("cti-", StringComparison.Ordinal) =>
                        $"{Unix(b.Timestamp)}\t{now}\tEnteredBridge\t{b.Channel?.Id}\t{b.Channel?.Name}\t{b.Bridge.Id}\t{b.Bridge.Channels.Count}",
                    _ => null,
                };
                if (line is not null) Log(line);
                return ValueTask.CompletedTask;
            });
        }

        var sink = new CountingSink();
        var service = new CallCenterService(pbx, sink, sink, TimeProvider.System, NullLogger<CallCenterService>.Instance);
        pbx.Subscribe(service);
        var tenant = Guid.Parse("00000000-0000-0000-0000-0000000000be");
        var agents = Enumerable.Range(1, agentCount).Select(i => new AgentDefinition(Guid.NewGuid(), $"Agent {i}", $"{i}",
            new AgentSettings($"{i}", ExtensionKind.Sip, AcwMode.Disabled, WrapUpSeconds: 0))).ToList();
        var sales = new SkillGroupDefinition(Guid.NewGuid(), "Sales", agents.Select(a => new SkillGroupMember(a.Id, 1)).ToList());
        var center = service.Configure(new TenantConfiguration(tenant, "demo",
            new TenantCallSettings { RingTimeoutSeconds = 15, EndpointPattern = "PJSIP/bench-agent-{extension}" },
            agents, [sales], [new PauseReasonDefinition("1", "Break")], new HashSet<string>()));

        await pbx.StartAsync(waitForConnection: true).WaitAsync(TimeSpan.FromSeconds(30));
        await ami.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var a in agents) center.Login(a.Id, ready: true);
        var ready = center.ListAgents().Count(a => a.Status == AgentStatus.Ready);
        Console.WriteLine($"ready: {ready}/{agentCount} agents Ready on {ariOptions.BaseUrl} (pid {Environment.ProcessId})");
        Console.Out.Flush();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;

        observer?.Dispose();
        if (ariLog is not null) { lock (ariLog) ariLog.Flush(); await ariLog.DisposeAsync(); }
        Console.WriteLine($"asterisk-acd: {agentCount} agents; calls ended {sink.Ended} ({string.Join(", ", sink.Reasons)}); " +
                          $"process CPU {cpu.TotalSeconds:F2} s over {clock.Elapsed.TotalSeconds:F0} s; still live {center.ListCalls().Count}");
    }

    /// <summary>Logs when each originate request (POST /channels) leaves this process and when its answer came back.</summary>
    private sealed class OriginateLogger(HttpMessageHandler inner, Action<string> log) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            if (request.Method != HttpMethod.Post || !path.EndsWith("/channels", StringComparison.Ordinal)) return await base.SendAsync(request, ct);
            var sent = NowUnix();
            var response = await base.SendAsync(request, ct);
            var channel = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["channelId"];
            log($"{sent}\t{NowUnix()}\tOriginate\t{channel}\t\t\t");
            return response;
        }
    }

    private static string NowUnix() => Unix(DateTimeOffset.UtcNow);

    private static string Unix(DateTimeOffset t) =>
        ((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond).ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>Counts ended calls by reason; publishes nowhere (the SignalR fan-out has its own benchmark).</summary>
    private sealed class CountingSink : ICallCenterEventSink, ICallCenterJournal
    {
        private readonly Dictionary<CallEndReason, int> _reasons = new();
        public int Ended;

        public IEnumerable<string> Reasons { get { lock (_reasons) return _reasons.Select(kv => $"{kv.Key} {kv.Value}").ToList(); } }

        public void Publish(CallCenterEvent e) { }
        public void AgentStateChanged(AgentStateChange change) { }
        public void RecordingStarted(RecordingStarted recording) { }

        public void CallEnded(CallRecordReady record)
        {
            Interlocked.Increment(ref Ended);
            lock (_reasons) _reasons[record.Call.EndReason ?? CallEndReason.Normal] = _reasons.GetValueOrDefault(record.Call.EndReason ?? CallEndReason.Normal) + 1;
        }
    }
}
