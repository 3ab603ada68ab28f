using System.Text.RegularExpressions;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Persistence;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
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
    private const double CustomerTone = 500, AgentTone = 800, ConsultedTone = 1700, SupervisorTone = 1300;
    private const string AnnsNumber = "5550177";
    /// <summary>Asterisk's <c>beep</c> sound, the default monitoring notice: 700 Hz for 0.42 s, arriving at about 5,000; below <see cref="NoBeep"/> there was none.</summary>
    private const double NoticeBeepTone = 700, NoBeep = 1000;
    /// <summary>Amplitude above which a tone counts as received, below which as not received (16-bit scale; the phones send at 8000).</summary>
    private const double Heard = 300, NotHeard = 60;

    private static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000df");
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-000000000301");
    private static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-000000000302");
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

    /// <summary>How the agent's leg reaches her: a desk phone (PJSIP endpoint) or, for a phone-only remote agent, her own number dialled out through the tenant's trunk.</summary>
    public enum AgentPhone { DeskPhone, RemoteNumber }

    /// <summary>
    /// One call goes monitor → whisper → barge → monitor → take over on the same supervisor phone, each phase judged by the
    /// RTP each phone received; for a desk-phone agent and for a phone-only remote agent (her leg an outbound call on the
    /// trunk to her number). After the take over the customer and the supervisor receive each other, the agent's phone got
    /// its BYE and receives nothing, she is in wrap-up and the call record ends as taken over.
    /// </summary>
    [AsteriskAndSippTheory]
    [InlineData(AgentPhone.DeskPhone)]
    [InlineData(AgentPhone.RemoteNumber)]
    public async Task Switching_modes_then_taking_over_on_sip_phones_changes_who_receives_whom(AgentPhone agentPhone)
    {
        await using var customer = new RtpPhone("customer", CustomerTone);
        await using var agent = new RtpPhone("agent", AgentTone);
        await using var supervisor = new RtpPhone("supervisor", SupervisorTone);
        var agentSip = LoopbackPorts.Reserve();
        var supervisorSip = LoopbackPorts.Reserve();
        await using var agentSipp = AnsweringPhone(agent, agentSip);
        await using var supervisorSipp = AnsweringPhone(supervisor, supervisorSip);

        var (center, monitoring, supervision) = Configure(agentSip, supervisorSip, agentPhone);

        // The customer calls Sales from the trunk; Ann's phone answers.
        center.Login(Ann, ready: true);
        await using var customerSipp = StartCustomer(customer);
        var callId = await AnnTalksAsync(center, customer, customerSipp, agent, agentSipp);
        var annsLeg = center.MonitorableCallOf(Ann)!.AgentLegId;
        var annsChannel = (await asterisk.ChannelsAsync()).Single(c => c.Id == annsLeg).Name;
        // A desk phone is its PJSIP endpoint; a remote agent's leg is a call out on the tenant's trunk to her number.
        Assert.StartsWith(agentPhone == AgentPhone.DeskPhone ? "PJSIP/itest-phone-answer-" : "PJSIP/demo-trunk-", annsChannel);
        Assert.Single(Regex.Matches(agentSipp.Messages,
            @"message received[^\n]*\n\s*\nINVITE sip:" + (agentPhone == AgentPhone.DeskPhone ? "ann@" : AnnsNumber + "@")));

        var monitoringStarted = DateTime.UtcNow;
        monitoring.Start(center, supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering",
            () => $"supervisor's sipp:\n{Tail(supervisorSipp)}");
        await Eventually(async () => (await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop channel");
        await TalkAsync(supervisor, supervisorSipp);
        await Eventually(() => supervisor.PacketsReceived > 0, "RTP from Asterisk at the supervisor");

        var phases = new List<Phase>();
        foreach (var mode in new[] { MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Barge, MonitoringMode.Monitor })
            phases.Add(await PhaseAsync(mode.ToString(), () => mode == monitoring.Current(Tenant, Sue)!.Mode
                ? Task.CompletedTask : monitoring.SwitchAsync(Tenant, supervision, Sue, mode), supervisor, agent, customer));

        var takeOver = await PhaseAsync("TakeOver", async () =>
        {
            var taken = await monitoring.SwitchAsync(Tenant, supervision, Sue, MonitoringMode.TakeOver);
            Assert.Equal(MonitoringMode.TakeOver, taken.Mode);
            // The agent's leg is gone: her phone got the BYE (its scenario ends there).
            Assert.True(await agentSipp.ExitAsync(20) == 0, "agent's sipp: " + Tail(agentSipp));
            // Asterisk destroys the channel just after the phone's 200 OK to the BYE, not before it.
            await Eventually(async () => (await asterisk.ChannelsAsync()).All(c => c.Id != annsLeg), "the agent's leg gone from Asterisk");
        }, supervisor, customer);
        // She is in wrap-up, and the call record says the call was handed over.
        Assert.Equal(AgentStatus.WrapUp, center.GetAgent(Ann).Status);
        Assert.Equal(CallEndReason.TakenOver, _sink.Records.Single(r => r.Call.Id == callId).Call.EndReason);
        Assert.Null(center.MonitorableCallOf(Ann));

        // The supervisor hangs up the taken-over call: the customer's phone gets its BYE too.
        monitoring.Stop(Tenant, Sue);
        Assert.True(await customerSipp.ExitAsync(20) == 0, "customer's sipp: " + Tail(customerSipp));
        Assert.True(await supervisorSipp.ExitAsync(20) == 0, "supervisor's sipp: " + Tail(supervisorSipp));
        await asterisk.AssertNothingLeftAsync();

        // The supervisor's phone was rung once and kept through every switch and the take over (each sipp phone takes one call: -m 1).
        Assert.Single(Regex.Matches(supervisorSipp.Messages, @"message received[^\n]*\n\s*\nINVITE sip:sue@"));
        output.WriteLine($"RTP packets sent / received: customer {customer.PacketsSent}/{customer.PacketsReceived}, " +
                         $"agent {agent.PacketsSent}/{agent.PacketsReceived}, supervisor {supervisor.PacketsSent}/{supervisor.PacketsReceived}");

        foreach (var phase in phases)
        {
            var mode = Enum.Parse<MonitoringMode>(phase.Name);
            Log(phase, supervisor, agent, customer);
            // Every mode: the supervisor receives both parties, and the parties still receive each other.
            Receives(phase, supervisor, CustomerTone, AgentTone);
            Receives(phase, agent, CustomerTone);
            Receives(phase, customer, AgentTone);
            // The supervisor's tone: nobody in monitor, only the agent in whisper, both in barge.
            if (mode == MonitoringMode.Monitor) DoesNotReceive(phase, agent, SupervisorTone);
            else Receives(phase, agent, SupervisorTone);
            if (mode == MonitoringMode.Barge) Receives(phase, customer, SupervisorTone);
            else DoesNotReceive(phase, customer, SupervisorTone);
        }
        // The tenant does not tell monitored parties: no notice beep reached either of them, at the start or at a switch.
        var agentBeep = agent.PeakAmplitude(NoticeBeepTone, monitoringStarted, takeOver.From);
        var customerBeep = customer.PeakAmplitude(NoticeBeepTone, monitoringStarted, takeOver.From);
        output.WriteLine($"notice beep ({NoticeBeepTone} Hz, loudest 200 ms): agent {agentBeep:0}, customer {customerBeep:0}");
        Assert.True(agentBeep < NoBeep && customerBeep < NoBeep, $"no notice beep when the tenant does not tell: agent {agentBeep:0}, customer {customerBeep:0}");
        Log(takeOver, supervisor, agent, customer);
        Receives(takeOver, supervisor, CustomerTone);
        DoesNotReceive(takeOver, supervisor, AgentTone);
        Receives(takeOver, customer, SupervisorTone);
        DoesNotReceive(takeOver, customer, AgentTone);
        Assert.True(agent.MillisecondsReceived(takeOver.From, takeOver.To) == 0, "the agent's phone receives nothing after the take over");

        var audited = Assert.Single(_audit.Sessions);
        Assert.Equal([MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Barge, MonitoringMode.Monitor, MonitoringMode.TakeOver],
            audited.Periods.Select(p => p.Mode));
        Assert.Equal(MonitoringEndReason.Stopped, audited.EndReason);
    }

    /// <summary>
    /// Whisper while the customer sends no RTP at all (a trunk with silence suppression, a caller whose media never
    /// started). A two-party bridge passes frames on, so with nothing from the customer the agent's leg was written nothing
    /// and the whisper was lost (the agent received 0 ms of audio); the session adds a silent party to the call's bridge
    /// while the supervisor speaks to the agent, Asterisk then mixes, and the agent receives the supervisor. After a switch
    /// to monitor the silent party is gone and the agent does not receive the supervisor.
    /// </summary>
    [AsteriskAndSippFact]
    public async Task Whisper_reaches_the_agent_while_the_customer_sends_nothing()
    {
        await using var customer = new RtpPhone("customer", CustomerTone);
        await using var agent = new RtpPhone("agent", AgentTone);
        await using var supervisor = new RtpPhone("supervisor", SupervisorTone);
        var agentSip = LoopbackPorts.Reserve();
        var supervisorSip = LoopbackPorts.Reserve();
        await using var agentSipp = AnsweringPhone(agent, agentSip);
        await using var supervisorSipp = AnsweringPhone(supervisor, supervisorSip);
        var (center, monitoring, supervision) = Configure(agentSip, supervisorSip, AgentPhone.DeskPhone);
        center.Login(Ann, ready: true);
        await using var customerSipp = StartCustomer(customer); // the customer's phone never talks
        await Eventually(() => center.MonitorableCallOf(Ann) is not null, "Ann talking to the silent customer", () => Tail(agentSipp));
        await TalkAsync(agent, agentSipp);

        monitoring.Start(center, supervision, Sue, Ann, MonitoringMode.Whisper);
        await Eventually(() => monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await Eventually(async () => (await _h.Ari.Bridges.ListAsync()).Any(b => b.Channels.Count == 3 && b.Technology == "softmix"),
            "the call's bridge mixing (the silent party in it)");
        await TalkAsync(supervisor, supervisorSipp);
        var whisper = await PhaseAsync("Whisper", () => Task.CompletedTask, supervisor);
        var monitor = await PhaseAsync("Monitor", () => monitoring.SwitchAsync(Tenant, supervision, Sue, MonitoringMode.Monitor), supervisor);
        Log(whisper, supervisor, agent, customer);
        Log(monitor, supervisor, agent, customer);
        Receives(whisper, supervisor, AgentTone);
        Receives(whisper, agent, SupervisorTone);
        DoesNotReceive(whisper, customer, SupervisorTone);
        DoesNotReceive(monitor, agent, SupervisorTone);
        await Eventually(async () => !(await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Local/s@cti-silent", StringComparison.Ordinal)),
            "the silent party gone after the switch to monitor");
        monitoring.Stop(Tenant, Sue);
    }

    /// <summary>
    /// What docs/supervision.md says is monitored during a consultation and a conference, judged by the RTP of four SIP
    /// phones: the customer (500 Hz), Ann (800 Hz), Bob whom she consults (1700 Hz) and the supervisor (1300 Hz).
    /// Consultation: the supervisor receives Ann and Bob, not the held customer; her whisper reaches Ann only. Conference:
    /// the supervisor receives all three; monitor reaches nobody, whisper only Ann, barge all three; take over is refused
    /// and the session goes on. Ann leaving the conference ends the session (the snoop goes with her leg); the customer
    /// and Bob talk on.
    /// </summary>
    [AsteriskAndSippFact]
    public async Task A_consultation_and_a_conference_are_monitored_as_documented()
    {
        await using var customer = new RtpPhone("customer", CustomerTone);
        await using var agent = new RtpPhone("agent", AgentTone);
        await using var consulted = new RtpPhone("consulted", ConsultedTone);
        await using var supervisor = new RtpPhone("supervisor", SupervisorTone);
        var agentSip = LoopbackPorts.Reserve();
        var consultedSip = LoopbackPorts.Reserve();
        var supervisorSip = LoopbackPorts.Reserve();
        await using var agentSipp = AnsweringPhone(agent, agentSip);
        await using var consultedSipp = AnsweringPhone(consulted, consultedSip);
        await using var supervisorSipp = AnsweringPhone(supervisor, supervisorSip);
        var (center, monitoring, supervision) = Configure(agentSip, supervisorSip, AgentPhone.DeskPhone, consultedSip);

        center.Login(Ann, ready: true);
        center.Login(Bob, ready: true); // in no skill group: the queue call is not offered to him
        await using var customerSipp = StartCustomer(customer);
        var callId = await AnnTalksAsync(center, customer, customerSipp, agent, agentSipp);
        monitoring.Start(center, supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await TalkAsync(supervisor, supervisorSipp);
        await Eventually(() => supervisor.FirstArrivalWith(AgentTone, DateTime.MinValue, threshold: 1000) is not null, "the agent's tone at the supervisor");

        var consulting = DateTime.UtcNow;
        center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        await TalkAsync(consulted, consultedSipp);
        await Eventually(() => consulted.FirstArrivalWith(AgentTone, consulting, threshold: 1000) is not null, "Ann's tone at Bob's phone");
        var consultMonitor = await PhaseAsync("Consultation, monitor", () => Task.CompletedTask, supervisor, agent, consulted);
        var consultWhisper = await PhaseAsync("Consultation, whisper", () => monitoring.SwitchAsync(Tenant, supervision, Sue, MonitoringMode.Whisper), supervisor, agent, consulted);

        var conferencing = DateTime.UtcNow;
        center.ConferenceConsult(Ann, callId);
        RtpPhone[] everyone = [supervisor, agent, customer, consulted];
        await Eventually(() => customer.FirstArrivalWith(ConsultedTone, conferencing, threshold: 1000) is not null, "Bob's tone at the customer");
        var conferenceMonitor = await PhaseAsync("Conference, monitor", () => monitoring.SwitchAsync(Tenant, supervision, Sue, MonitoringMode.Monitor), everyone);
        var conferenceWhisper = await PhaseAsync("Conference, whisper", () => monitoring.SwitchAsync(Tenant, supervision, Sue, MonitoringMode.Whisper), everyone);
        var conferenceBarge = await PhaseAsync("Conference, barge", () => monitoring.SwitchAsync(Tenant, supervision, Sue, MonitoringMode.Barge), everyone);

        var refused = await Assert.ThrowsAsync<CtiException>(() => monitoring.SwitchAsync(Tenant, supervision, Sue, MonitoringMode.TakeOver));
        Assert.Equal(ErrorCodes.TakeOverNotPossible, refused.Code);
        Assert.Equal(MonitoringMode.Barge, monitoring.Current(Tenant, Sue)!.Mode);

        // Ann leaves the conference: her leg, and the snoop on it, end; so does the session. The customer and Bob talk on.
        center.Hangup(Ann, callId);
        Assert.True(await agentSipp.ExitAsync(20) == 0, "agent's sipp: " + Tail(agentSipp));
        await Eventually(() => monitoring.Current(Tenant, Sue) is null, "the session to end with Ann's leg");
        Assert.True(await supervisorSipp.ExitAsync(20) == 0, "supervisor's sipp: " + Tail(supervisorSipp));
        var afterAnn = DateTime.UtcNow;
        await Eventually(() => customer.FirstArrivalWith(ConsultedTone, afterAnn, threshold: 1000) is not null, "Bob's tone at the customer after Ann left");
        center.Hangup(Bob, callId);
        Assert.True(await customerSipp.ExitAsync(20) == 0, "customer's sipp: " + Tail(customerSipp));
        Assert.True(await consultedSipp.ExitAsync(20) == 0, "Bob's sipp: " + Tail(consultedSipp));
        await asterisk.AssertNothingLeftAsync();

        foreach (var phase in new[] { consultMonitor, consultWhisper, conferenceMonitor, conferenceWhisper, conferenceBarge })
            Log(phase, supervisor, agent, customer, consulted);

        // Consultation: Ann and Bob at the supervisor, not the held customer; the customer receives neither; whisper reaches Ann only.
        foreach (var phase in new[] { consultMonitor, consultWhisper })
        {
            Receives(phase, supervisor, AgentTone, ConsultedTone);
            DoesNotReceive(phase, supervisor, CustomerTone);
            Receives(phase, consulted, AgentTone);
            Receives(phase, agent, ConsultedTone);
            DoesNotReceive(phase, customer, AgentTone, ConsultedTone, SupervisorTone);
            DoesNotReceive(phase, consulted, SupervisorTone, CustomerTone);
        }
        DoesNotReceive(consultMonitor, agent, SupervisorTone);
        Receives(consultWhisper, agent, SupervisorTone);

        // Conference: everyone at the supervisor; her tone at nobody in monitor, Ann only in whisper, all three in barge.
        foreach (var phase in new[] { conferenceMonitor, conferenceWhisper, conferenceBarge })
        {
            Receives(phase, supervisor, CustomerTone, AgentTone, ConsultedTone);
            Receives(phase, customer, AgentTone, ConsultedTone);
            Receives(phase, agent, CustomerTone, ConsultedTone);
            Receives(phase, consulted, CustomerTone, AgentTone);
        }
        DoesNotReceive(conferenceMonitor, agent, SupervisorTone);
        DoesNotReceive(conferenceMonitor, customer, SupervisorTone);
        DoesNotReceive(conferenceMonitor, consulted, SupervisorTone);
        Receives(conferenceWhisper, agent, SupervisorTone);
        DoesNotReceive(conferenceWhisper, customer, SupervisorTone);
        DoesNotReceive(conferenceWhisper, consulted, SupervisorTone);
        Receives(conferenceBarge, agent, SupervisorTone);
        Receives(conferenceBarge, customer, SupervisorTone);
        Receives(conferenceBarge, consulted, SupervisorTone);

        var audited = Assert.Single(_audit.Sessions);
        Assert.Equal(MonitoringEndReason.CallEnded, audited.EndReason);
        Assert.Equal([MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Barge],
            audited.Periods.Select(p => p.Mode));
    }

    /// <summary>
    /// The ways a session ends on a real Asterisk besides the call's end, judged by SIP phones: the supervisor's phone hangs
    /// up (the snoop goes, the call goes on: the customer still receives Ann); then a new session ends when Ann transfers
    /// the call to Bob (her leg, and the snoop on it, end; the supervisor's phone gets its BYE and receives nothing more
    /// while the customer and Bob receive each other).
    /// </summary>
    [AsteriskAndSippFact]
    public async Task A_session_ends_cleanly_when_the_supervisor_hangs_up_and_when_the_agent_transfers_the_call()
    {
        await using var customer = new RtpPhone("customer", CustomerTone);
        await using var agent = new RtpPhone("agent", AgentTone);
        await using var transferee = new RtpPhone("transferee", ConsultedTone);
        await using var supervisor = new RtpPhone("supervisor", SupervisorTone);
        var agentSip = LoopbackPorts.Reserve();
        var transfereeSip = LoopbackPorts.Reserve();
        var supervisorSip = LoopbackPorts.Reserve();
        await using var agentSipp = AnsweringPhone(agent, agentSip);
        await using var transfereeSipp = AnsweringPhone(transferee, transfereeSip);
        // The supervisor's phone takes two calls, one per session.
        await using var supervisorSipp = AnsweringPhone(supervisor, supervisorSip, calls: 2);
        var (center, monitoring, supervision) = Configure(agentSip, supervisorSip, AgentPhone.DeskPhone, transfereeSip);
        center.Login(Ann, ready: true);
        center.Login(Bob, ready: true);
        await using var customerSipp = StartCustomer(customer);
        var callId = await AnnTalksAsync(center, customer, customerSipp, agent, agentSipp);
        var annsLeg = center.MonitorableCallOf(Ann)!.AgentLegId;

        // 1. The supervisor's phone hangs up.
        var started = DateTime.UtcNow;
        monitoring.Start(center, supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        await TalkAsync(supervisor, supervisorSipp);
        await Eventually(() => supervisor.FirstArrivalWith(AgentTone, started, threshold: 1000) is not null, "the agent's tone at the supervisor");
        var suesChannel = (await asterisk.ChannelsAsync()).Single(c => c.Name.StartsWith("PJSIP/itest-phone-answer-", StringComparison.Ordinal) && c.Id != annsLeg);
        await asterisk.HangupAsync(suesChannel.Id);
        await Eventually(() => monitoring.Current(Tenant, Sue) is null, "the session to end with the supervisor's hang-up");
        await Eventually(async () => !(await asterisk.ChannelsAsync()).Any(c => c.Name.StartsWith("Snoop/", StringComparison.Ordinal)), "the snoop to go");
        Assert.Equal(MonitoringEndReason.SupervisorHungUp, Assert.Single(_audit.Sessions).EndReason);
        var afterHangUp = await PhaseAsync("After the supervisor hung up", () => Task.CompletedTask, customer, agent);
        Log(afterHangUp, customer, agent);
        Receives(afterHangUp, customer, AgentTone);
        Receives(afterHangUp, agent, CustomerTone);
        Assert.NotNull(center.MonitorableCallOf(Ann));

        // 2. A new session; Ann transfers the customer to Bob.
        started = DateTime.UtcNow;
        monitoring.Start(center, supervision, Sue, Ann, MonitoringMode.Whisper);
        await Eventually(() => monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering again");
        await Eventually(() => supervisor.FirstArrivalWith(AgentTone, started, threshold: 1000) is not null, "the agent's tone at the supervisor again");
        center.BlindTransfer(Ann, callId, new TransferTarget(AgentId: Bob));
        Assert.True(await agentSipp.ExitAsync(20) == 0, "agent's sipp: " + Tail(agentSipp));
        await Eventually(() => monitoring.Current(Tenant, Sue) is null, "the session to end with the transfer");
        Assert.True(await supervisorSipp.ExitAsync(20) == 0, "supervisor's sipp: " + Tail(supervisorSipp));
        Assert.Equal(MonitoringEndReason.CallEnded, _audit.Sessions[1].EndReason);
        await TalkAsync(transferee, transfereeSipp);
        var afterTransfer = await PhaseAsync("After the transfer", () => Task.CompletedTask, customer, transferee);
        Log(afterTransfer, customer, transferee, supervisor);
        Receives(afterTransfer, customer, ConsultedTone);
        Receives(afterTransfer, transferee, CustomerTone);
        Assert.True(supervisor.MillisecondsReceived(afterTransfer.From, afterTransfer.To) == 0, "the supervisor's phone receives nothing after the transfer");

        center.Hangup(Bob, callId);
        Assert.True(await customerSipp.ExitAsync(20) == 0, "customer's sipp: " + Tail(customerSipp));
        Assert.True(await transfereeSipp.ExitAsync(20) == 0, "Bob's sipp: " + Tail(transfereeSipp));
        await asterisk.AssertNothingLeftAsync();
    }

    /// <summary>
    /// The tenant tells monitored parties: Asterisk's beep (700 Hz) reaches the agent's and the customer's phones when the
    /// supervisor's audio starts and again at a switch of mode.
    /// </summary>
    [AsteriskAndSippTheory]
    [InlineData("beep", NoticeBeepTone)]
    // A tenant naming another sound: Asterisk's descending-2tone.wav, 875 Hz for 0.1 s then 425 Hz.
    [InlineData("descending-2tone", 875.0)]
    public async Task When_the_tenant_tells_monitored_parties_the_agent_and_the_customer_receive_the_notice_at_the_start_and_at_a_switch(
        string noticeSound, double noticeTone)
    {
        await using var customer = new RtpPhone("customer", CustomerTone);
        await using var agent = new RtpPhone("agent", AgentTone);
        await using var supervisor = new RtpPhone("supervisor", SupervisorTone);
        var agentSip = LoopbackPorts.Reserve();
        var supervisorSip = LoopbackPorts.Reserve();
        await using var agentSipp = AnsweringPhone(agent, agentSip);
        await using var supervisorSipp = AnsweringPhone(supervisor, supervisorSip);
        var (center, monitoring, supervision) = Configure(agentSip, supervisorSip, tellMonitoredParties: true, noticeSound: noticeSound);
        center.Login(Ann, ready: true);
        await using var customerSipp = StartCustomer(customer);
        var callId = await AnnTalksAsync(center, customer, customerSipp, agent, agentSipp);

        var started = DateTime.UtcNow;
        monitoring.Start(center, supervision, Sue, Ann, MonitoringMode.Monitor);
        await Eventually(() => monitoring.Current(Tenant, Sue)?.State == MonitoringState.Active, "the supervisor's phone answering");
        Assert.True(monitoring.Current(Tenant, Sue)!.PartiesTold);
        await TalkAsync(supervisor, supervisorSipp);
        var atStart = await PhaseAsync("Monitor", () => Task.CompletedTask, agent, customer);
        var atSwitch = await PhaseAsync("Whisper", () => monitoring.SwitchAsync(Tenant, supervision, Sue, MonitoringMode.Whisper), agent, customer);

        center.Hangup(Ann, callId);
        Assert.True(await customerSipp.ExitAsync(20) == 0, "customer's sipp: " + Tail(customerSipp));
        Assert.True(await agentSipp.ExitAsync(20) == 0, "agent's sipp: " + Tail(agentSipp));
        Assert.True(await supervisorSipp.ExitAsync(20) == 0, "supervisor's sipp: " + Tail(supervisorSipp));
        await asterisk.AssertNothingLeftAsync();

        // From the request to the end of the first phase; from the switch (400 ms before the phase) to its end.
        var switchedAt = atSwitch.From - TimeSpan.FromMilliseconds(400);
        var beeps = new[]
        {
            ("at the start", agent.PeakAmplitude(noticeTone, started, switchedAt), customer.PeakAmplitude(noticeTone, started, switchedAt)),
            ("at the switch", agent.PeakAmplitude(noticeTone, switchedAt, atSwitch.To), customer.PeakAmplitude(noticeTone, switchedAt, atSwitch.To)),
        };
        foreach (var (when, atAgent, atCustomer) in beeps)
        {
            output.WriteLine($"notice '{noticeSound}' {when} ({noticeTone} Hz, loudest 200 ms): agent {atAgent:0}, customer {atCustomer:0}");
            Assert.True(atAgent > 2 * NoBeep, $"the agent receives the beep {when}: {atAgent:0}");
            Assert.True(atCustomer > 2 * NoBeep, $"the customer receives the beep {when}: {atCustomer:0}");
        }
        Log(atStart, supervisor, agent, customer);
        Receives(atStart, supervisor, CustomerTone, AgentTone);
        DoesNotReceive(atStart, customer, SupervisorTone);
    }

    /// <summary>A span of the call in which one thing holds (a mode, a consultation, a conference), in wall-clock time.</summary>
    private sealed record Phase(string Name, DateTime From, DateTime To);

    /// <summary>
    /// Runs <paramref name="change"/>, then lets the call run: the phase starts 400 ms after the change (it takes effect
    /// within them) and lasts until each of <paramref name="listeners"/> has received 1.5 s of audio in it — two seconds on
    /// a quiet machine; longer when a loaded one stalls the RTP for a while (at most 20 s).
    /// </summary>
    private static async Task<Phase> PhaseAsync(string name, Func<Task> change, params RtpPhone[] listeners)
    {
        await change();
        var from = DateTime.UtcNow + TimeSpan.FromMilliseconds(400);
        await Task.Delay(1900);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (listeners.Any(l => l.MillisecondsReceived(from, DateTime.UtcNow) < 1500) && DateTime.UtcNow < deadline) await Task.Delay(50);
        return new Phase(name, from, DateTime.UtcNow);
    }

    private static readonly (double Hz, string Name)[] Tones =
        [(CustomerTone, "customer"), (AgentTone, "agent"), (ConsultedTone, "consulted"), (SupervisorTone, "supervisor")];

    private void Log(Phase phase, params RtpPhone[] listeners) =>
        output.WriteLine($"{phase.Name}: " + string.Join("; ", listeners.Select(p =>
            $"{p.Name} receives ({p.MillisecondsReceived(phase.From, phase.To):0} ms) " +
            string.Join(", ", Tones.Where(t => t.Hz != p.ToneHertz).Select(t => $"{t.Name} {p.Amplitude(t.Hz, phase.From, phase.To):0}")))));

    private static void Receives(Phase phase, RtpPhone listener, params double[] tones)
    {
        foreach (var hz in tones)
        {
            var a = listener.Amplitude(hz, phase.From, phase.To);
            Assert.True(a > Heard, $"{phase.Name}: the {listener.Name}'s phone should receive {hz} Hz, amplitude {a:0} " +
                                   $"in {listener.MillisecondsReceived(phase.From, phase.To):0} ms of audio received");
        }
    }

    private static void DoesNotReceive(Phase phase, RtpPhone listener, params double[] tones)
    {
        foreach (var hz in tones)
        {
            var a = listener.Amplitude(hz, phase.From, phase.To);
            Assert.True(a < NotHeard, $"{phase.Name}: the {listener.Name}'s phone should not receive {hz} Hz, amplitude {a:0}");
        }
    }

    /// <summary>
    /// Tenant "demo": Ann in Sales, reached on her desk phone at <paramref name="agentSip"/> or, as a phone-only remote agent,
    /// on her number through the trunk (which the test points at <paramref name="agentSip"/>); Bob (no group) on his desk
    /// phone at <paramref name="consultedSip"/>; Sue supervising Ann, her phone at <paramref name="supervisorSip"/>.
    /// </summary>
    private (TenantCallCenter Center, MonitoringService Monitoring, TenantSupervision Supervision) Configure(
        int agentSip, int supervisorSip, AgentPhone agentPhone = AgentPhone.DeskPhone, int consultedSip = 0, bool tellMonitoredParties = false,
        string noticeSound = "beep")
    {
        var service = new CallCenterService(_h.Pbx, _sink, _sink, TimeProvider.System, NullLogger<CallCenterService>.Instance);
        var ann = agentPhone == AgentPhone.DeskPhone
            ? new AgentSettings($"ann@127.0.0.1:{agentSip}", ExtensionKind.Sip, AcwMode.AfterAnswered, WrapUpSeconds: 30)
            : new AgentSettings("301", ExtensionKind.Remote, AcwMode.AfterAnswered, WrapUpSeconds: 30, MobileNumber: AnnsNumber);
        // Desk phones are rung as PJSIP/itest-phone-answer/<uri>: the fixture's endpoint, with each phone's own sipp as
        // contact. Numbers go out on the demo trunk (the product's trunk endpoint), here to the remote agent's sipp.
        var center = service.Configure(new TenantConfiguration(Tenant, "demo",
            new TenantCallSettings
            {
                RingTimeoutSeconds = 10,
                TellMonitoredParties = tellMonitoredParties,
                MonitoringNoticeSound = noticeSound,
                EndpointPattern = "PJSIP/itest-phone-answer/sip:{extension}",
                TrunkPattern = $"PJSIP/{{tenant}}-trunk/sip:{{number}}@127.0.0.1:{agentSip}",
            },
            [
                new AgentDefinition(Ann, "Ann", "301", ann),
                new AgentDefinition(Bob, "Bob", "302", new AgentSettings($"bob@127.0.0.1:{consultedSip}", ExtensionKind.Sip)),
            ],
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
        await using var agentSipp = AnsweringPhone(agent, agentSip);
        await using var supervisorSipp = AnsweringPhone(supervisor, supervisorSip, calls: tries);
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

    /// <summary>A sipp phone on <paramref name="sipPort"/> that answers <paramref name="calls"/> calls with <paramref name="phone"/>'s media.</summary>
    private Sipp AnsweringPhone(RtpPhone phone, int sipPort, int calls = 1) =>
        Sipp.Start(SippArgs(AnsweringPhoneScenario(phone.Name, phone.Port), sipPort) + $" -m {calls} -aa");

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
