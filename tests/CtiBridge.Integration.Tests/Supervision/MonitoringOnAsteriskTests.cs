using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Supervision;
using CtiBridge.Domain.Tenants;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Supervision;

/// <summary>
/// Monitoring on a real Asterisk, judged by what each party hears. The customer, the agent's phone and the supervisor's
/// phone are Local channels whose far half runs [itest-tones]: it says its own tone (customer 500 Hz, agent 800 Hz,
/// supervisor 1300 Hz) and records what Asterisk sends it; a Goertzel filter then measures each tone in each recording.
/// The engine, the monitoring service and the adapter are the product's (ARI snoop channels and bridges).
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class MonitoringOnAsteriskTests(RealAsterisk asterisk, ITestOutputHelper output) : IAsyncLifetime
{
    private const double CustomerTone = 500, AgentTone = 800, SupervisorTone = 1300;
    /// <summary>Amplitude above which a tone counts as heard, below which as not heard (16-bit scale; see the figures logged).</summary>
    private const double Heard = 300, NotHeard = 60;

    private static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000de");
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-000000000201");
    private static readonly Guid Sue = Guid.Parse("00000000-0000-0000-0000-000000000209");
    private static readonly Guid Sales = Guid.Parse("00000000-0000-0000-0000-0000000000c2");

    private readonly EngineSink _sink = new();
    private readonly RecordingMonitoringAuditForTests _audit = new();
    private AdapterHarness _h = null!;
    private TenantCallCenter _center = null!;
    private MonitoringService _monitoring = null!;
    private string _dir = null!;

    public async Task InitializeAsync()
    {
        if (!asterisk.Available) return;
        // What the previous test of the shared Asterisk hung up may still be going away: start on a clean PBX.
        await asterisk.AssertNothingLeftAsync();
        _h = await AdapterHarness.StartAsync(asterisk);
        var service = new CallCenterService(_h.Pbx, _sink, _sink, TimeProvider.System, NullLogger<CallCenterService>.Instance);
        _center = service.Configure(new TenantConfiguration(Tenant, "demo",
            new TenantCallSettings { RingTimeoutSeconds = 10, EndpointPattern = "Local/{extension}@itest-tones/n" },
            [new AgentDefinition(Ann, "Ann", "201", new AgentSettings("t800", ExtensionKind.Sip, AcwMode.AfterAnswered, WrapUpSeconds: 30))],
            [new SkillGroupDefinition(Sales, "Sales", [new(Ann, 1)]) { Number = "500" }],
            [new PauseReasonDefinition("1", "Break")],
            new HashSet<string>()));
        _monitoring = new MonitoringService(service, _sink, _audit, TimeProvider.System, NullLogger<MonitoringService>.Instance);
        _dir = Path.Combine(asterisk.Root, "tones-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        using var r = await asterisk.Http.PostAsync($"asterisk/variable?variable=ITEST_TONES_DIR&value={Uri.EscapeDataString(_dir)}", null);
        r.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_h is not null) await _h.DisposeAsync();
    }

    private TenantSupervision Supervision => new(Tenant,
        new Dictionary<Guid, IReadOnlySet<Guid>> { [Sue] = new HashSet<Guid> { Ann } }, new HashSet<Guid>(), [])
    {
        Monitoring = new MonitoringPolicy(
            new Dictionary<Guid, IReadOnlyDictionary<Guid, MonitoringModes>> { [Sue] = new Dictionary<Guid, MonitoringModes> { [Ann] = MonitoringModes.All } },
            new Dictionary<Guid, string> { [Sue] = "t1300" }),
    };

    /// <summary>A customer (500 Hz) calls Sales and Ann (800 Hz) answers; returns the customer's leg and the call.</summary>
    private async Task<(string CustomerLeg, Guid CallId, string AgentLeg)> AnnTalksAsync()
    {
        _center.Login(Ann, ready: true);
        var leg = "itest-cust-" + Guid.NewGuid().ToString("N")[..12];
        await asterisk.OriginateAsync("Local/t500@itest-tones/n", "from-trunk-demo", "5551001", "\"Customer\" <5550100>", leg, leg + "-phone");
        MonitorableCall? call = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((call = _center.MonitorableCallOf(Ann)) is null)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Ann is not talking to the customer after 20 s: Ann {_center.GetAgent(Ann).Status}, calls [" +
                            string.Join(", ", _center.ListCalls().Select(c => c.State)) + "], channels [" +
                            string.Join(", ", (await asterisk.ChannelsAsync()).Select(c => c.Name + " " + c.State)) + "]");
            await Task.Delay(25);
        }
        return (leg, call!.CallId, call.AgentLegId);
    }

    private HeardAudio HeardBy(double tone) =>
        HeardAudio.Read(Directory.GetFiles(_dir, $"t{tone}-*.wav").Single());

    private void Log(string who, HeardAudio audio, TimeSpan span, TimeSpan skip) =>
        output.WriteLine($"{who} ({audio.Length.TotalSeconds:0.0} s): customer {audio.AmplitudeAtEnd(CustomerTone, span, skip):0}, " +
                         $"agent {audio.AmplitudeAtEnd(AgentTone, span, skip):0}, supervisor {audio.AmplitudeAtEnd(SupervisorTone, span, skip):0}");

    [AsteriskInstalledTheory]
    [InlineData(MonitoringMode.Monitor)]
    [InlineData(MonitoringMode.Whisper)]
    [InlineData(MonitoringMode.Barge)]
    public async Task Each_mode_brings_the_supervisors_voice_only_where_it_should(MonitoringMode mode)
    {
        var (customer, _, _) = await AnnTalksAsync();
        await Task.Delay(500);

        _monitoring.Start(_center, Supervision, Sue, Ann, mode);
        await Eventually(() => _monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop channel");
        await Task.Delay(2500);
        await asterisk.HangupAsync(customer);
        await Eventually(() => _monitoring.Current(Tenant, Sue) is null, "the session to end with the call");
        await asterisk.AssertNothingLeftAsync();

        var span = TimeSpan.FromSeconds(1.5);
        var skip = TimeSpan.FromSeconds(0.3);
        var atSupervisor = HeardBy(SupervisorTone);
        var atAgent = HeardBy(AgentTone);
        var atCustomer = HeardBy(CustomerTone);
        Log("supervisor hears", atSupervisor, span, skip);
        Log("agent hears", atAgent, span, skip);
        Log("customer hears", atCustomer, span, skip);

        // In every mode the supervisor hears both parties, and the two parties still hear each other.
        Assert.True(atSupervisor.AmplitudeAtEnd(CustomerTone, span, skip) > Heard, "the supervisor hears the customer");
        Assert.True(atSupervisor.AmplitudeAtEnd(AgentTone, span, skip) > Heard, "the supervisor hears the agent");
        Assert.True(atAgent.AmplitudeAtEnd(CustomerTone, span, skip) > Heard, "the agent hears the customer");
        Assert.True(atCustomer.AmplitudeAtEnd(AgentTone, span, skip) > Heard, "the customer hears the agent");

        var agentHearsSupervisor = atAgent.AmplitudeAtEnd(SupervisorTone, span, skip);
        var customerHearsSupervisor = atCustomer.AmplitudeAtEnd(SupervisorTone, span, skip);
        if (mode == MonitoringMode.Monitor) Assert.True(agentHearsSupervisor < NotHeard, $"the agent must not hear the supervisor ({agentHearsSupervisor:0})");
        else Assert.True(agentHearsSupervisor > Heard, $"the agent hears the supervisor ({agentHearsSupervisor:0})");
        if (mode == MonitoringMode.Barge) Assert.True(customerHearsSupervisor > Heard, $"the customer hears the supervisor ({customerHearsSupervisor:0})");
        else Assert.True(customerHearsSupervisor < NotHeard, $"the customer must not hear the supervisor ({customerHearsSupervisor:0})");
        Assert.Equal(MonitoringEndReason.CallEnded, Assert.Single(_audit.Sessions).EndReason);
    }

    [AsteriskInstalledFact]
    public async Task Take_over_leaves_customer_and_supervisor_hearing_each_other_and_the_agents_leg_is_gone()
    {
        var (customer, callId, agentLeg) = await AnnTalksAsync();
        await Task.Delay(500);
        _monitoring.Start(_center, Supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => _monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop channel");
        await Task.Delay(1000);

        var taken = await _monitoring.SwitchAsync(Tenant, Supervision, Sue, MonitoringMode.TakeOver);

        Assert.Equal(MonitoringMode.TakeOver, taken.Mode);
        await Eventually(async () => (await asterisk.ChannelsAsync()).All(c => c.Id != agentLeg), "the agent's leg to be gone");
        Assert.Equal(AgentStatus.WrapUp, _center.GetAgent(Ann).Status);
        Assert.Equal(CallEndReason.TakenOver, _sink.Records.Single(r => r.Call.Id == callId).Call.EndReason);
        var bridge = (await asterisk.BridgesAsync()).Single();
        Assert.Contains(customer, bridge.Channels);
        Assert.DoesNotContain(bridge.Channels, c => c == agentLeg);
        await Task.Delay(2500);
        await asterisk.HangupAsync(customer);
        await Eventually(() => _monitoring.Current(Tenant, Sue) is null, "the session to end with the customer");
        await asterisk.AssertNothingLeftAsync();

        var span = TimeSpan.FromSeconds(1.5);
        var skip = TimeSpan.FromSeconds(0.3);
        var atSupervisor = HeardBy(SupervisorTone);
        var atCustomer = HeardBy(CustomerTone);
        var atAgent = HeardBy(AgentTone);
        Log("supervisor hears", atSupervisor, span, skip);
        Log("customer hears", atCustomer, span, skip);
        output.WriteLine($"agent's recording: {atAgent.Length.TotalSeconds:0.0} s, supervisor tone anywhere: " +
                         $"{atAgent.Windows(SupervisorTone, TimeSpan.FromMilliseconds(200)).Max(w => w.Amplitude):0}");

        Assert.True(atSupervisor.AmplitudeAtEnd(CustomerTone, span, skip) > Heard, "the supervisor hears the customer");
        Assert.True(atSupervisor.AmplitudeAtEnd(AgentTone, span, skip) < NotHeard, "the agent is no longer heard");
        Assert.True(atCustomer.AmplitudeAtEnd(SupervisorTone, span, skip) > Heard, "the customer hears the supervisor");
        Assert.True(atCustomer.AmplitudeAtEnd(AgentTone, span, skip) < NotHeard, "the customer no longer hears the agent");
        // The agent's phone was hung up at the take over: its recording ended long before the customer's.
        Assert.True(atAgent.Length < atCustomer.Length - TimeSpan.FromSeconds(2), "the agent's leg left at the take over");
        Assert.True(atAgent.Windows(SupervisorTone, TimeSpan.FromMilliseconds(200)).All(w => w.Amplitude < NotHeard), "the agent never heard the supervisor");
        Assert.Equal(MonitoringEndReason.CustomerHungUp, Assert.Single(_audit.Sessions).EndReason);
    }

    [AsteriskInstalledFact]
    public async Task While_the_agent_holds_the_customer_the_supervisor_keeps_hearing_the_agent()
    {
        var (customer, callId, _) = await AnnTalksAsync();
        _monitoring.Start(_center, Supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => _monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop channel");

        await _center.HoldAsync(Ann, callId);
        await Task.Delay(2000);
        Assert.NotNull(_monitoring.Current(Tenant, Sue)); // holding is no end of the session
        await asterisk.HangupAsync(customer);
        await Eventually(() => _monitoring.Current(Tenant, Sue) is null, "the session to end with the call");
        await asterisk.AssertNothingLeftAsync();

        var atSupervisor = HeardBy(SupervisorTone);
        var span = TimeSpan.FromSeconds(1.2);
        var skip = TimeSpan.FromSeconds(0.4);
        Log("supervisor hears (agent holding)", atSupervisor, span, skip);
        Assert.True(atSupervisor.AmplitudeAtEnd(AgentTone, span, skip) > Heard, "the supervisor still hears the agent");
        Assert.True(atSupervisor.AmplitudeAtEnd(CustomerTone, span, skip) < NotHeard, "the held customer is not heard");
    }

    [AsteriskInstalledFact]
    public async Task Switching_modes_during_the_call_keeps_the_supervisors_phone_and_changes_who_hears_her()
    {
        var (customer, _, _) = await AnnTalksAsync();
        _monitoring.Start(_center, Supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => _monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop channel");
        var supervisorPhone = (await asterisk.ChannelsAsync()).Where(c => c.Name.StartsWith("Local/t1300@", StringComparison.Ordinal)).Select(c => c.Id).ToList();

        var phases = new List<(MonitoringMode Mode, DateTime From, DateTime To)>();
        foreach (var mode in new[] { MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Barge, MonitoringMode.Monitor })
        {
            if (mode != _monitoring.Current(Tenant, Sue)!.Mode) await _monitoring.SwitchAsync(Tenant, Supervision, Sue, mode);
            var from = DateTime.UtcNow;
            await Task.Delay(2000);
            phases.Add((mode, from, DateTime.UtcNow));
        }
        // The same supervisor phone throughout: no new call was made to it.
        Assert.Equal(supervisorPhone.Order(), (await asterisk.ChannelsAsync()).Where(c => c.Name.StartsWith("Local/t1300@", StringComparison.Ordinal)).Select(c => c.Id).Order());
        var hungUpAt = DateTime.UtcNow;
        await asterisk.HangupAsync(customer);
        await Eventually(() => _monitoring.Current(Tenant, Sue) is null, "the session to end with the call");
        await asterisk.AssertNothingLeftAsync();

        var atAgent = HeardBy(AgentTone);
        var atCustomer = HeardBy(CustomerTone);
        var margin = TimeSpan.FromMilliseconds(400);
        // A recording holds the frames its party received, so it is continuous only while the party is bridged: the
        // phases are placed counting back from its end (the hang-up), where the frames of the mixing bridge flow every 20 ms.
        TimeSpan At(HeardAudio audio, DateTime wall) => audio.Length - (hungUpAt - wall);
        foreach (var (mode, from, to) in phases)
        {
            // Each phase without its edges.
            var agent = atAgent.Amplitude(SupervisorTone, At(atAgent, from) + margin, At(atAgent, to) - margin);
            var cust = atCustomer.Amplitude(SupervisorTone, At(atCustomer, from) + margin, At(atCustomer, to) - margin);
            output.WriteLine($"{mode}: supervisor tone at the agent {agent:0}, at the customer {cust:0}");
            Assert.True(mode == MonitoringMode.Monitor ? agent < NotHeard : agent > Heard, $"{mode}: agent hears the supervisor at {agent:0}");
            Assert.True(mode == MonitoringMode.Barge ? cust > Heard : cust < NotHeard, $"{mode}: customer hears the supervisor at {cust:0}");
        }
        var audited = Assert.Single(_audit.Sessions);
        Assert.Equal([MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Barge, MonitoringMode.Monitor], audited.Periods.Select(p => p.Mode));
    }

    /// <summary>
    /// CtiBridge crashes while the supervisor listens and the next process takes the session back from Asterisk: the same
    /// supervisor phone keeps hearing the call, neither party hears her in monitor, a switch to barge after the restart
    /// brings her voice to both, and the session ends with the call and is audited — judged by what each party heard.
    /// </summary>
    [AsteriskInstalledFact]
    public async Task After_a_crash_the_next_process_takes_the_session_back_and_a_switch_to_barge_works_on_the_same_phone()
    {
        var (customer, _, agentLeg) = await AnnTalksAsync();
        var started = _monitoring.Start(_center, Supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => _monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop channel");
        var supervisorPhone = (await asterisk.ChannelsAsync()).Where(c => c.Name.StartsWith("Local/t1300@", StringComparison.Ordinal)).Select(c => c.Id).Order().ToList();

        await _h.StopLikeACrashAsync(); // CtiBridge stops: the supervisor's phone and the snoop stay bridged, listening
        var sink = new EngineSink();
        MonitoringService next = null!;
        await using var restarted = await AdapterHarness.StartAsync(asterisk, beforeStart: pbx =>
        {
            var service = new CallCenterService(pbx, sink, sink, TimeProvider.System, NullLogger<CallCenterService>.Instance);
            var center = service.Configure(_center.Configuration);
            next = new MonitoringService(service, sink, _audit, TimeProvider.System, NullLogger<MonitoringService>.Instance);
            var now = DateTimeOffset.UtcNow; // Ann's kept session (she was on the call), restored before the PBX connects
            center.RestoreSessions([new AgentSessionSnapshot(Tenant, Ann, now, AgentStatus.OnCall, null, PendingState.None, null, null, null, [], now, now, null)]);
        });
        await Eventually(() => next.Current(Tenant, Sue) is not null, "the session taken back by the next process");
        var view = next.Current(Tenant, Sue)!;
        Assert.Equal((started.SessionId, MonitoringMode.Monitor, MonitoringState.Active), (view.SessionId, view.Mode, view.State));

        var phases = new List<(MonitoringMode Mode, DateTime From, DateTime To)>();
        foreach (var mode in new[] { MonitoringMode.Monitor, MonitoringMode.Barge })
        {
            if (mode != next.Current(Tenant, Sue)!.Mode) await next.SwitchAsync(Tenant, Supervision, Sue, mode);
            var from = DateTime.UtcNow;
            await Task.Delay(2000);
            phases.Add((mode, from, DateTime.UtcNow));
        }
        Assert.Equal(supervisorPhone, (await asterisk.ChannelsAsync()).Where(c => c.Name.StartsWith("Local/t1300@", StringComparison.Ordinal)).Select(c => c.Id).Order());
        var hungUpAt = DateTime.UtcNow;
        await asterisk.HangupAsync(customer);
        await Eventually(() => next.Current(Tenant, Sue) is null, "the session to end with the call");
        await asterisk.AssertNothingLeftAsync();

        var atAgent = HeardBy(AgentTone);
        var atCustomer = HeardBy(CustomerTone);
        var margin = TimeSpan.FromMilliseconds(400);
        TimeSpan At(HeardAudio audio, DateTime wall) => audio.Length - (hungUpAt - wall);
        foreach (var (mode, from, to) in phases)
        {
            var agent = atAgent.Amplitude(SupervisorTone, At(atAgent, from) + margin, At(atAgent, to) - margin);
            var cust = atCustomer.Amplitude(SupervisorTone, At(atCustomer, from) + margin, At(atCustomer, to) - margin);
            output.WriteLine($"after the restart, {mode}: supervisor tone at the agent {agent:0}, at the customer {cust:0}");
            Assert.True(mode == MonitoringMode.Monitor ? agent < NotHeard : agent > Heard, $"{mode}: agent hears the supervisor at {agent:0}");
            Assert.True(mode == MonitoringMode.Monitor ? cust < NotHeard : cust > Heard, $"{mode}: customer hears the supervisor at {cust:0}");
        }
        var audited = Assert.Single(_audit.Sessions);
        Assert.Equal(started.SessionId, audited.Id);
        Assert.Equal(MonitoringEndReason.CallEnded, audited.EndReason);
        Assert.Equal([MonitoringMode.Monitor, MonitoringMode.Barge], audited.Periods.Select(p => p.Mode));
    }

    /// <summary>
    /// The customer is a SIP caller played by sipp on the demo trunk, sending a 500 Hz tone as PCMU RTP (<c>rtp_stream</c> of a
    /// generated μ-law WAV): the supervisor hears the customer's RTP through the snoop on the agent's leg, and the agent too.
    /// (What sipp receives is not captured: sipp keeps no received audio.)
    /// </summary>
    [AsteriskAndSippFact]
    public async Task A_sip_customers_rtp_reaches_the_supervisor_through_the_snoop()
    {
        var wav = Path.Combine(_dir, "customer-500hz-ulaw.wav");
        File.WriteAllBytes(wav, UlawTone(CustomerTone, seconds: 1));
        var scenario = Path.Combine(_dir, "sip-customer.xml");
        File.WriteAllText(scenario, SipCustomerScenario(wav));
        _center.Login(Ann, ready: true);
        await using var sipp = Sipp.Start($"-sf \"{scenario}\" -s 5551001 -i 127.0.0.1 -p {asterisk.TrunkPort} -mp {LoopbackPorts.Reserve()} " +
                                          $"-m 1 -aa 127.0.0.1:{asterisk.SipPort}");
        await Eventually(() => _center.MonitorableCallOf(Ann) is not null, "Ann talking to the SIP customer");
        _monitoring.Start(_center, Supervision, Sue, Ann, MonitoringMode.Barge);
        await Eventually(() => _monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop channel");
        await Task.Delay(2500);
        _center.Hangup(Ann, _center.MonitorableCallOf(Ann)!.CallId);
        var exit = await sipp.ExitAsync(20);
        Assert.True(exit == 0, "sipp: " + sipp.Messages[Math.Max(0, sipp.Messages.Length - 4000)..]);
        await Eventually(() => _monitoring.Current(Tenant, Sue) is null, "the session to end with the call");
        await asterisk.AssertNothingLeftAsync();

        var span = TimeSpan.FromSeconds(1.5);
        var skip = TimeSpan.FromSeconds(0.3);
        var atSupervisor = HeardBy(SupervisorTone);
        var atAgent = HeardBy(AgentTone);
        Log("supervisor hears", atSupervisor, span, skip);
        Log("agent hears", atAgent, span, skip);
        Assert.True(atSupervisor.AmplitudeAtEnd(CustomerTone, span, skip) > Heard, "the supervisor hears the SIP customer's RTP");
        Assert.True(atSupervisor.AmplitudeAtEnd(AgentTone, span, skip) > Heard, "the supervisor hears the agent");
        Assert.True(atAgent.AmplitudeAtEnd(CustomerTone, span, skip) > Heard, "the agent hears the SIP customer");
        Assert.True(atAgent.AmplitudeAtEnd(SupervisorTone, span, skip) > Heard, "the agent hears the barging supervisor");
    }

    /// <summary>A μ-law (G.711, WAV format 7) 8 kHz mono tone, what sipp's rtp_stream sends as PCMU.</summary>
    private static byte[] UlawTone(double hertz, double seconds)
    {
        var n = (int)(HeardAudio.SampleRate * seconds);
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8); w.Write(50 + n); w.Write("WAVE"u8);
        w.Write("fmt "u8); w.Write(18); w.Write((short)7); w.Write((short)1); w.Write(HeardAudio.SampleRate); w.Write(HeardAudio.SampleRate);
        w.Write((short)1); w.Write((short)8); w.Write((short)0);
        w.Write("fact"u8); w.Write(4); w.Write(n);
        w.Write("data"u8); w.Write(n);
        for (var i = 0; i < n; i++) w.Write(G711.LinearToUlaw((short)(8000 * Math.Sin(2 * Math.PI * hertz * i / HeardAudio.SampleRate))));
        w.Flush();
        return ms.ToArray();
    }

    private static string SipCustomerScenario(string wav) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="a SIP customer says a tone until hung up">
          <send retrans="500"><![CDATA[

              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer" <sip:5550111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:5550111@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 0
              a=rtpmap:0 PCMU/8000

            ]]></send>
          <recv response="100" optional="true" />
          <recv response="180" optional="true" />
          <recv response="183" optional="true" />
          <recv response="200" rrs="true" />
          <send><![CDATA[

              ACK [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: "Customer" <sip:5550111@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              [last_To:]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Contact: <sip:5550111@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Length: 0

            ]]></send>
          <nop><action><exec rtp_stream="{{wav}},-1,0" /></action></nop>
          <label id="talk" />
          <recv request="INVITE" optional="true" next="reinvite" />
          <recv request="BYE" timeout="60000" />
          <send next="end"><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]></send>
          <label id="reinvite" />
          <send retrans="500"><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:5550111@[local_ip]:[local_port];transport=[transport]>
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=user1 53655765 2353687638 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 0
              a=rtpmap:0 PCMU/8000

            ]]></send>
          <recv request="ACK" next="talk" />
          <label id="end" />
        </scenario>
        """;

    /// <summary>
    /// The figure of docs/benchmarks.md ("Supervision: monitor request → the monitored tone at the supervisor"), measured
    /// only when asked for (<c>CTI_MEASURE_MONITORING=1</c>, tries in <c>CTI_MEASURE_MONITORING_TRIES</c>, default 20): one
    /// call, the supervisor starts and stops silent monitoring again and again; each try is the time from the request to the
    /// first 20 ms of the supervisor's recording carrying the agent's tone, placed on the wall clock from the recording's end
    /// (the supervisor's hang-up). It prints the figures and asserts no time.
    /// </summary>
    [AsteriskInstalledFact]
    public async Task Measure_monitor_request_to_the_agents_tone_at_the_supervisor()
    {
        if (Environment.GetEnvironmentVariable("CTI_MEASURE_MONITORING") != "1")
        {
            output.WriteLine("Not measured: set CTI_MEASURE_MONITORING=1 to measure (docs/benchmarks.md).");
            return;
        }
        var tries = int.TryParse(Environment.GetEnvironmentVariable("CTI_MEASURE_MONITORING_TRIES"), out var n) ? n : 20;
        var (customer, _, _) = await AnnTalksAsync();
        await Task.Delay(500);
        var latencies = new List<double>();
        var upper = new List<double>();
        for (var i = 0; i < tries; i++)
        {
            var before = Directory.GetFiles(_dir, "t1300-*.wav").ToHashSet();
            var requested = DateTime.UtcNow;
            _monitoring.Start(_center, Supervision, Sue, Ann, MonitoringMode.Monitor);
            await Task.Delay(1500);
            var stopped = DateTime.UtcNow;
            _monitoring.Stop(Tenant, Sue);
            await Eventually(async () => !(await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Local/t1300@", StringComparison.Ordinal)),
                "the supervisor's phone to hang up");
            var gone = DateTime.UtcNow;
            var file = Directory.GetFiles(_dir, "t1300-*.wav").Single(f => !before.Contains(f));
            var heard = HeardAudio.Read(file);
            var first = heard.Windows(AgentTone, TimeSpan.FromMilliseconds(20)).First(w => w.Amplitude > 1000).At;
            // The recording ended between the stop request and the moment its channel was seen gone: the figure is taken
            // from the stop (a lower bound), the bound from the moment it was seen gone is kept too.
            latencies.Add((stopped - (heard.Length - first) - requested).TotalMilliseconds);
            upper.Add((gone - (heard.Length - first) - requested).TotalMilliseconds);
            await Task.Delay(200);
        }
        await asterisk.HangupAsync(customer);
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        output.WriteLine($"monitor request → agent's tone at the supervisor, {tries} tries (ms): " +
                         string.Join(", ", latencies.Select(l => l.ToString("0"))));
        output.WriteLine($"p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, max {latencies[^1]:0} ms");
        upper.Sort();
        output.WriteLine($"upper bounds (from the channel seen gone): p50 {upper[upper.Count / 2]:0} ms, p95 {upper[Math.Min(upper.Count - 1, (int)Math.Ceiling(0.95 * upper.Count) - 1)]:0} ms");
        Assert.Equal(tries, _audit.Sessions.Count);
    }

    private static async Task Eventually(Func<bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what);
            await Task.Delay(25);
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what);
            await Task.Delay(25);
        }
    }
}

/// <summary>Keeps the sessions the monitoring service hands to the audit log.</summary>
public sealed class RecordingMonitoringAuditForTests : IMonitoringAuditLog
{
    private readonly List<MonitoringSession> _sessions = [];
    public void SessionEnded(MonitoringSession session) { lock (_sessions) _sessions.Add(session); }
    public IReadOnlyList<MonitoringSession> Sessions { get { lock (_sessions) return _sessions.ToList(); } }
}
