using System.Text.RegularExpressions;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Persistence;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Supervision;
using CtiBridge.Domain.Tenants;
using CtiBridge.Integration.Tests.Asterisk;
using CtiBridge.Integration.Tests.Product;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace CtiBridge.Integration.Tests.Supervision;

/// <summary>
/// Monitoring on a real Asterisk with three SIP parties, judged by the RTP each one receives: the customer is a sipp caller
/// on the demo trunk, the agent's and the supervisor's phones are sipp phones rung through PJSIP. sipp does the SIP
/// signalling only; the SDP it sends names a UDP socket of the test (<see cref="RtpPhone"/>), which says the party's tone as
/// PCMU RTP (customer 500 Hz, agent 800 Hz, supervisor 1300 Hz) and decodes what Asterisk sends it, measured by frequency.
/// The engine, the monitoring service and the adapter are the product's (ARI snoop channels and bridges).
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class MonitoringOnSipPhonesTests(RealAsterisk asterisk, ITestOutputHelper output) : IAsyncLifetime
{
    private const double CustomerTone = 500, AgentTone = 800, SupervisorTone = 1300;
    /// <summary>Amplitude above which a tone counts as received, below which as not received (16-bit scale; the phones send at 8000).</summary>
    private const double Heard = 300, NotHeard = 60;

    private static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000df");
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-000000000301");
    private static readonly Guid Sue = Guid.Parse("00000000-0000-0000-0000-000000000309");
    private static readonly Guid Sales = Guid.Parse("00000000-0000-0000-0000-0000000000c3");

    private readonly EngineSink _sink = new();
    private readonly RecordingMonitoringAuditForTests _audit = new();
    private AdapterHarness _h = null!;
    private string _dir = null!;

    public async Task InitializeAsync()
    {
        if (!asterisk.Available || Sipp.Find() is null) return;
        // What the previous test of the shared Asterisk hung up may still be going away: start on a clean PBX.
        await asterisk.AssertNothingLeftAsync();
        _h = await AdapterHarness.StartAsync(asterisk);
        _dir = Path.Combine(asterisk.Root, "sip-phones-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
    }

    public async Task DisposeAsync()
    {
        if (_h is not null) await _h.DisposeAsync();
    }

    [AsteriskAndSippFact]
    public async Task Switching_modes_on_sip_phones_changes_who_receives_the_supervisors_rtp()
    {
        await using var customer = new RtpPhone("customer", CustomerTone);
        await using var agent = new RtpPhone("agent", AgentTone);
        await using var supervisor = new RtpPhone("supervisor", SupervisorTone);
        var agentSip = LoopbackPorts.Reserve();
        var supervisorSip = LoopbackPorts.Reserve();
        await using var agentSipp = Sipp.Start(SippArgs(AnsweringPhoneScenario("agent", agent.Port), agentSip) + " -m 1 -aa");
        await using var supervisorSipp = Sipp.Start(SippArgs(AnsweringPhoneScenario("supervisor", supervisor.Port), supervisorSip) + " -m 1 -aa");

        var (center, monitoring, supervision) = Configure(agentSip, supervisorSip);

        // The customer calls Sales from the trunk; Ann's phone answers.
        center.Login(Ann, ready: true);
        await using var customerSipp = StartCustomer(customer);
        var callId = await AnnTalksAsync(center, customer, customerSipp, agent, agentSipp);

        monitoring.Start(center, supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering",
            () => $"supervisor's sipp:\n{Tail(supervisorSipp)}");
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop channel");
        await TalkAsync(supervisor, supervisorSipp);
        await Eventually(() => supervisor.PacketsReceived > 0, "RTP from Asterisk at the supervisor");

        var phases = new List<(MonitoringMode Mode, DateTime From, DateTime To)>();
        foreach (var mode in new[] { MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Barge, MonitoringMode.Monitor })
        {
            if (mode != monitoring.Current(Tenant, Sue)!.Mode) await monitoring.SwitchAsync(Tenant, supervision, Sue, mode);
            var from = DateTime.UtcNow;
            await Task.Delay(2000);
            phases.Add((mode, from, DateTime.UtcNow));
        }

        center.Hangup(Ann, callId);
        Assert.True(await customerSipp.ExitAsync(20) == 0, "customer's sipp: " + Tail(customerSipp));
        Assert.True(await agentSipp.ExitAsync(20) == 0, "agent's sipp: " + Tail(agentSipp));
        Assert.True(await supervisorSipp.ExitAsync(20) == 0, "supervisor's sipp: " + Tail(supervisorSipp));
        await Eventually(() => monitoring.Current(Tenant, Sue) is null, "the session to end with the call");
        await asterisk.AssertNothingLeftAsync();

        // The supervisor's phone was rung once and kept through every switch (each sipp phone takes one call: -m 1).
        Assert.Single(Regex.Matches(supervisorSipp.Messages, @"message received[^\n]*\n\s*\nINVITE sip:sue@"));
        output.WriteLine($"RTP packets sent / received: customer {customer.PacketsSent}/{customer.PacketsReceived}, " +
                         $"agent {agent.PacketsSent}/{agent.PacketsReceived}, supervisor {supervisor.PacketsSent}/{supervisor.PacketsReceived}");

        var settle = TimeSpan.FromMilliseconds(400); // the switch takes effect within it
        var edge = TimeSpan.FromMilliseconds(100);
        foreach (var (mode, start, end) in phases)
        {
            var (from, to) = (start + settle, end - edge);
            string Heard3(RtpPhone p) => $"{p.MillisecondsReceived(from, to):0} ms: customer {p.Amplitude(CustomerTone, from, to):0}, " +
                                         $"agent {p.Amplitude(AgentTone, from, to):0}, supervisor {p.Amplitude(SupervisorTone, from, to):0}";
            output.WriteLine($"{mode}: supervisor receives {Heard3(supervisor)}; agent receives {Heard3(agent)}; customer receives {Heard3(customer)}");

            // Every mode: the supervisor receives both parties, and the parties still receive each other.
            Assert.True(supervisor.Amplitude(CustomerTone, from, to) > Heard, $"{mode}: the supervisor receives the customer");
            Assert.True(supervisor.Amplitude(AgentTone, from, to) > Heard, $"{mode}: the supervisor receives the agent");
            Assert.True(agent.Amplitude(CustomerTone, from, to) > Heard, $"{mode}: the agent receives the customer");
            Assert.True(customer.Amplitude(AgentTone, from, to) > Heard, $"{mode}: the customer receives the agent");

            var atAgent = agent.Amplitude(SupervisorTone, from, to);
            var atCustomer = customer.Amplitude(SupervisorTone, from, to);
            Assert.True(mode == MonitoringMode.Monitor ? atAgent < NotHeard : atAgent > Heard, $"{mode}: the supervisor's tone at the agent is {atAgent:0}");
            Assert.True(mode == MonitoringMode.Barge ? atCustomer > Heard : atCustomer < NotHeard, $"{mode}: the supervisor's tone at the customer is {atCustomer:0}");
        }
        var audited = Assert.Single(_audit.Sessions);
        Assert.Equal([MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Barge, MonitoringMode.Monitor], audited.Periods.Select(p => p.Mode));
    }

    /// <summary>Tenant "demo" with Ann (her phone at <paramref name="agentSip"/>) in Sales, and Sue supervising her (phone at <paramref name="supervisorSip"/>).</summary>
    private (TenantCallCenter Center, MonitoringService Monitoring, TenantSupervision Supervision) Configure(int agentSip, int supervisorSip)
    {
        var service = new CallCenterService(_h.Pbx, _sink, _sink, TimeProvider.System, NullLogger<CallCenterService>.Instance);
        // The phones are rung as PJSIP/itest-phone-answer/<uri>: the fixture's endpoint, with each phone's own sipp as contact.
        var center = service.Configure(new TenantConfiguration(Tenant, "demo",
            new TenantCallSettings { RingTimeoutSeconds = 10, EndpointPattern = "PJSIP/itest-phone-answer/sip:{extension}" },
            [new AgentDefinition(Ann, "Ann", "301", new AgentSettings($"ann@127.0.0.1:{agentSip}", ExtensionKind.Sip, AcwMode.AfterAnswered, WrapUpSeconds: 30))],
            [new SkillGroupDefinition(Sales, "Sales", [new(Ann, 1)]) { Number = "500" }],
            [new PauseReasonDefinition("1", "Break")],
            new HashSet<string>()));
        var monitoring = new MonitoringService(service, _sink, _audit, TimeProvider.System, NullLogger<MonitoringService>.Instance);
        var supervision = new TenantSupervision(Tenant,
            new Dictionary<Guid, IReadOnlySet<Guid>> { [Sue] = new HashSet<Guid> { Ann } }, new HashSet<Guid>(), [])
        {
            Monitoring = new MonitoringPolicy(
                new Dictionary<Guid, IReadOnlyDictionary<Guid, MonitoringModes>> { [Sue] = new Dictionary<Guid, MonitoringModes> { [Ann] = MonitoringModes.All } },
                new Dictionary<Guid, string> { [Sue] = $"sue@127.0.0.1:{supervisorSip}" }),
        };
        return (center, monitoring, supervision);
    }

    /// <summary>The customer's sipp calls the demo trunk's 5551001 (Sales), its media at <paramref name="customer"/>.</summary>
    private Sipp StartCustomer(RtpPhone customer) =>
        Sipp.Start(SippArgs(CallingCustomerScenario(customer.Port), asterisk.TrunkPort) + $" -s 5551001 -m 1 -aa 127.0.0.1:{asterisk.SipPort}");

    /// <summary>Waits for Ann to answer the customer, then both talk until each receives RTP; returns the call.</summary>
    private async Task<Guid> AnnTalksAsync(TenantCallCenter center, RtpPhone customer, Sipp customerSipp, RtpPhone agent, Sipp agentSipp)
    {
        await Eventually(() => center.MonitorableCallOf(Ann) is not null, "Ann talking to the SIP customer",
            () => $"Ann {center.GetAgent(Ann).Status}; Asterisk:\n{asterisk.ConsoleTail(30)}\ncustomer's sipp:\n{Tail(customerSipp)}\nagent's sipp:\n{Tail(agentSipp)}");
        var callId = center.MonitorableCallOf(Ann)!.CallId;
        await TalkAsync(customer, customerSipp);
        await TalkAsync(agent, agentSipp);
        await Eventually(() => customer.PacketsReceived > 0 && agent.PacketsReceived > 0, "RTP from Asterisk at the customer and the agent");
        return callId;
    }

    /// <summary>
    /// The figure of docs/benchmarks.md ("Supervision: monitor request → the agent's RTP at a SIP supervisor phone"),
    /// measured only when asked for (<c>CTI_MEASURE_MONITORING_SIP=1</c>, tries in <c>CTI_MEASURE_MONITORING_TRIES</c>,
    /// default 20): one call between SIP phones; the supervisor starts and stops silent monitoring again and again (her
    /// sipp phone answers each ring at once); each try is the time from the request to the arrival, at her phone's RTP
    /// socket, of the first 20 ms packet carrying the agent's tone. It prints the figures and asserts no time.
    /// </summary>
    [AsteriskAndSippFact]
    public async Task Measure_monitor_request_to_the_agents_rtp_at_a_sip_supervisor()
    {
        if (Environment.GetEnvironmentVariable("CTI_MEASURE_MONITORING_SIP") != "1")
        {
            output.WriteLine("Not measured: set CTI_MEASURE_MONITORING_SIP=1 to measure (docs/benchmarks.md).");
            return;
        }
        var tries = int.TryParse(Environment.GetEnvironmentVariable("CTI_MEASURE_MONITORING_TRIES"), out var n) ? n : 20;
        await using var customer = new RtpPhone("customer", CustomerTone);
        await using var agent = new RtpPhone("agent", AgentTone);
        await using var supervisor = new RtpPhone("supervisor", SupervisorTone);
        var agentSip = LoopbackPorts.Reserve();
        var supervisorSip = LoopbackPorts.Reserve();
        await using var agentSipp = Sipp.Start(SippArgs(AnsweringPhoneScenario("agent", agent.Port), agentSip) + " -m 1 -aa");
        await using var supervisorSipp = Sipp.Start(SippArgs(AnsweringPhoneScenario("supervisor", supervisor.Port), supervisorSip) + $" -m {tries} -aa");
        var (center, monitoring, supervision) = Configure(agentSip, supervisorSip);
        center.Login(Ann, ready: true);
        await using var customerSipp = StartCustomer(customer);
        var callId = await AnnTalksAsync(center, customer, customerSipp, agent, agentSipp);

        var latencies = new List<double>();
        for (var i = 0; i < tries; i++)
        {
            var requested = DateTime.UtcNow;
            monitoring.Start(center, supervision, Sue, Ann, MonitoringMode.Monitor);
            await Eventually(() => supervisor.FirstArrivalWith(AgentTone, requested, threshold: 1000) is not null, "the agent's tone at the supervisor",
                () => $"supervisor's sipp:\n{Tail(supervisorSipp)}");
            latencies.Add((supervisor.FirstArrivalWith(AgentTone, requested, threshold: 1000)!.Value - requested).TotalMilliseconds);
            monitoring.Stop(Tenant, Sue);
            // The supervisor's leg and the snoop are gone (only the customer's and Ann's legs are left) before the next try.
            await Eventually(async () => (await asterisk.ChannelsAsync()).Count == 2, "the supervisor's leg to hang up");
        }
        center.Hangup(Ann, callId);
        Assert.True(await customerSipp.ExitAsync(20) == 0, "customer's sipp: " + Tail(customerSipp));
        Assert.True(await agentSipp.ExitAsync(20) == 0, "agent's sipp: " + Tail(agentSipp));
        Assert.True(await supervisorSipp.ExitAsync(20) == 0, "supervisor's sipp: " + Tail(supervisorSipp));
        await asterisk.AssertNothingLeftAsync();

        output.WriteLine($"monitor request → agent's tone at the SIP supervisor's RTP socket, {tries} tries (ms): " +
                         string.Join(", ", latencies.Select(l => l.ToString("0"))));
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        output.WriteLine($"p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, max {latencies[^1]:0} ms");
        Assert.Equal(tries, _audit.Sessions.Count);
    }

    /// <summary>Waits for Asterisk's media address in the SDP <paramref name="sipp"/> received, then the phone talks to it.</summary>
    private static async Task TalkAsync(RtpPhone phone, Sipp sipp)
    {
        await Eventually(() => RtpPhone.AsterisksMediaIn(sipp) is not null, $"Asterisk's SDP at the {phone.Name}'s sipp", () => Tail(sipp));
        phone.StartTalking(RtpPhone.AsterisksMediaIn(sipp)!);
    }

    private string SippArgs(string scenarioText, int sipPort)
    {
        var file = Path.Combine(_dir, "scenario-" + Guid.NewGuid().ToString("N")[..8] + ".xml");
        File.WriteAllText(file, scenarioText);
        // -mp: sipp opens media sockets of its own even though its SDP names the test's; keep them on reserved ports.
        return $"-sf \"{file}\" -i 127.0.0.1 -p {sipPort} -mp {LoopbackPorts.Reserve()}";
    }

    private static string Tail(Sipp sipp)
    {
        var m = sipp.Messages;
        return m[Math.Max(0, m.Length - 3000)..];
    }

    private const string Sdp = """
        v=0
        o=- 53655765 [sdp_version] IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio [rtp_port] RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        a=sendrecv
        """;

    private static string Indent(string text, string indent) => string.Join("\n", text.Split('\n').Select(l => indent + l));

    private static string Media(int rtpPort, int version) =>
        Indent(Sdp.Replace("[rtp_port]", rtpPort.ToString()).Replace("[sdp_version]", version.ToString()), "      ");

    /// <summary>A phone that answers the INVITE it is rung with, its media at <paramref name="rtpPort"/>, until a BYE (re-INVITEs answered).</summary>
    private static string AnsweringPhoneScenario(string name, int rtpPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="the {{name}}'s phone answers, media at the test's port {{rtpPort}}">
          <recv request="INVITE" />
          <send><![CDATA[

              SIP/2.0 180 Ringing
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:{{name}}@[local_ip]:[local_port];transport=[transport]>
              Content-Length: 0

            ]]></send>
          <send retrans="500"><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <sip:{{name}}@[local_ip]:[local_port];transport=[transport]>
              Content-Type: application/sdp
              Content-Length: [len]

        {{Media(rtpPort, 1)}}

            ]]></send>
          <recv request="ACK" />
        {{SippParties.TalkUntilBye("Contact: <sip:" + name + "@[local_ip]:[local_port];transport=[transport]>", Media(rtpPort, 2))}}
          <label id="end" />
        </scenario>
        """;

    /// <summary>A customer calling [service] on the trunk, its media at <paramref name="rtpPort"/>, until hung up (re-INVITEs answered).</summary>
    private static string CallingCustomerScenario(int rtpPort) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="a SIP customer calls, media at the test's port {{rtpPort}}">
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

        {{Media(rtpPort, 1)}}

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
        {{SippParties.TalkUntilBye("Contact: <sip:5550111@[local_ip]:[local_port];transport=[transport]>", Media(rtpPort, 2))}}
          <label id="end" />
        </scenario>
        """;

    private static async Task Eventually(Func<bool> condition, string what, Func<string>? diagnostics = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting for " + what + (diagnostics is null ? "" : "\n" + diagnostics()));
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
