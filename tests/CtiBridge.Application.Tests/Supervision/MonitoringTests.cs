using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Application.Tests.CallCenter;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Supervision;
using CtiBridge.Domain.Tenants;
using CtiBridge.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.Supervision;

/// <summary>Keeps the sessions the service hands to the audit log.</summary>
public sealed class RecordingMonitoringAudit : IMonitoringAuditLog
{
    public List<MonitoringSession> Sessions { get; } = new();
    public void SessionEnded(MonitoringSession session) { lock (Sessions) Sessions.Add(session); }
}

/// <summary>
/// Supervision on the simulator: Sue supervises team Front (Ann and Bob; monitor, whisper, barge, take over allowed) and
/// team Back (Bob only; monitor). Cat is in no team of hers. Sue's device is extension 201 (PJSIP/acme-201). Who hears
/// whom is read from the simulator's audio model (bridges and snoop legs), not from the API's state.
/// </summary>
public class MonitoringTests
{
    private static readonly Guid Sue = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Ted = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
    private const string SueDevice = "PJSIP/acme-201";

    private sealed class Setup
    {
        public Harness H { get; }
        public MonitoringService Monitoring { get; }
        public RecordingMonitoringAudit Audit { get; } = new();
        public TenantSupervision Supervision { get; set; }

        public Setup(bool tellParties = false, MonitoringModes annModes = MonitoringModes.All, bool sueHasDevice = true, SimulatorOptions? sim = null,
            string noticeSound = "beep")
        {
            H = new Harness(c => c with { Settings = c.Settings with { TellMonitoredParties = tellParties, MonitoringNoticeSound = noticeSound } }, sim);
            Monitoring = new MonitoringService(H.Service, H.Sink, Audit, H.Clock, NullLogger<MonitoringService>.Instance);
            Supervision = new TenantSupervision(Tenant,
                new Dictionary<Guid, IReadOnlySet<Guid>> { [Sue] = new HashSet<Guid> { Ann, Bob }, [Ted] = new HashSet<Guid>() },
                new HashSet<Guid>(), [])
            {
                Monitoring = new MonitoringPolicy(
                    new Dictionary<Guid, IReadOnlyDictionary<Guid, MonitoringModes>>
                    {
                        [Sue] = new Dictionary<Guid, MonitoringModes> { [Ann] = annModes, [Bob] = MonitoringModes.Monitor },
                    },
                    sueHasDevice ? new Dictionary<Guid, string> { [Sue] = "201", [Ted] = "202" } : new Dictionary<Guid, string> { [Ted] = "202" }),
            };
        }

        public TenantCallCenter Center => H.Center;
        public SimulatedPbx Pbx => H.Pbx;

        /// <summary>Ann answers a Sales customer; returns the customer's and Ann's legs.</summary>
        public (string Customer, string AnnLeg, Guid CallId) AnnTalks()
        {
            H.Center.Login(Ann, ready: true);
            var customer = H.CustomerCalls("Sales");
            var annLeg = H.RingingFor("101").Id;
            H.Pbx.Answer(annLeg);
            return (customer, annLeg, H.OnlyCallOf(Ann));
        }

        public MonitoringView Start(MonitoringMode mode, Guid? agent = null, Guid? supervisor = null) =>
            Monitoring.Start(Center, Supervision, supervisor ?? Sue, agent ?? Ann, mode);

        public Task<MonitoringView> Switch(MonitoringMode mode) => Monitoring.SwitchAsync(Tenant, Supervision, Sue, mode);

        /// <summary>The supervisor's device leg (dialled to 201).</summary>
        public string SueLeg => Pbx.Legs.Single(l => l.Endpoint == SueDevice).Id;

        public IReadOnlyList<SimLeg> Snoops => Pbx.Legs.Where(l => l.SnoopOf is not null).ToList();
    }

    private static CtiException Refused(Action action) => Assert.Throws<CtiException>(action);

    [Fact]
    public void Silent_monitor_lets_the_supervisor_hear_agent_and_customer_while_neither_hears_her()
    {
        var s = new Setup();
        var (customer, ann, callId) = s.AnnTalks();

        var view = s.Start(MonitoringMode.Monitor);

        Assert.Equal(callId, view.CallId);
        var sue = s.SueLeg;
        Assert.True(s.Pbx.Leg(sue)!.AutoAnswer);
        Assert.True(s.Pbx.Hears(sue, ann));
        Assert.True(s.Pbx.Hears(sue, customer));
        Assert.False(s.Pbx.Hears(ann, sue));
        Assert.False(s.Pbx.Hears(customer, sue));
        Assert.True(s.Pbx.Hears(ann, customer)); // the call itself goes on
        var current = s.Monitoring.Current(Tenant, Sue)!;
        Assert.Equal(MonitoringState.Active, current.State);
        Assert.Equal(MonitoringMode.Monitor, current.Mode);
        // Silent: the monitored parties hear no beep and the agent gets no event.
        Assert.Empty(s.Pbx.Leg(ann)!.Played);
        Assert.Empty(s.Pbx.Leg(customer)!.Played);
        var started = Assert.Single(s.H.Sink.Of<MonitoringStartedEvent>());
        Assert.Equal([Sue], started.Agents);
    }

    [Fact]
    public void Whisper_reaches_the_agent_only()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();

        s.Start(MonitoringMode.Whisper);

        var sue = s.SueLeg;
        Assert.True(s.Pbx.Hears(ann, sue));
        Assert.False(s.Pbx.Hears(customer, sue));
        Assert.True(s.Pbx.Hears(sue, ann));
        Assert.True(s.Pbx.Hears(sue, customer));
    }

    [Fact]
    public void Barge_makes_a_three_way_call()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();

        s.Start(MonitoringMode.Barge);

        var sue = s.SueLeg;
        Assert.True(s.Pbx.Hears(ann, sue));
        Assert.True(s.Pbx.Hears(customer, sue));
        Assert.True(s.Pbx.Hears(sue, ann));
        Assert.True(s.Pbx.Hears(sue, customer));
    }

    [Fact]
    public async Task Switching_modes_keeps_the_supervisors_leg_and_records_each_mode_with_its_times()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        s.Start(MonitoringMode.Monitor);
        var sue = s.SueLeg;
        var dialled = 0;
        s.Pbx.LegDialled += l => { if (l.Endpoint == SueDevice) dialled++; };

        s.H.Clock.Advance(TimeSpan.FromSeconds(10));
        var whisper = await s.Switch(MonitoringMode.Whisper);
        Assert.Equal(MonitoringMode.Whisper, whisper.Mode);
        Assert.True(s.Pbx.Hears(ann, sue));
        Assert.False(s.Pbx.Hears(customer, sue));
        s.H.Clock.Advance(TimeSpan.FromSeconds(5));
        await s.Switch(MonitoringMode.Barge);
        Assert.True(s.Pbx.Hears(customer, sue));
        s.H.Clock.Advance(TimeSpan.FromSeconds(5));
        await s.Switch(MonitoringMode.Monitor);
        Assert.False(s.Pbx.Hears(ann, sue));
        Assert.False(s.Pbx.Hears(customer, sue));
        Assert.True(s.Pbx.Hears(sue, customer));

        Assert.Equal(0, dialled);                   // no new call to the supervisor
        Assert.Equal(sue, s.SueLeg);                // the same device leg throughout
        Assert.Single(s.Snoops);                    // each mode's snoop replaced the previous one
        Assert.Equal(3, s.H.Sink.Of<MonitoringModeChangedEvent>().Count());
        // Switching to the mode in use changes nothing.
        await s.Switch(MonitoringMode.Monitor);
        Assert.Equal(3, s.H.Sink.Of<MonitoringModeChangedEvent>().Count());

        s.H.Clock.Advance(TimeSpan.FromSeconds(7));
        s.Monitoring.Stop(Tenant, Sue);
        var audited = Assert.Single(s.Audit.Sessions);
        Assert.Equal(Sue, audited.SupervisorId);
        Assert.Equal(Ann, audited.AgentId);
        Assert.Equal(MonitoringEndReason.Stopped, audited.EndReason);
        Assert.Equal([MonitoringMode.Monitor, MonitoringMode.Whisper, MonitoringMode.Barge, MonitoringMode.Monitor],
            audited.Periods.Select(p => p.Mode));
        Assert.Equal([10.0, 5.0, 5.0, 7.0], audited.Periods.Select(p => (p.To!.Value - p.From).TotalSeconds));
        // Stopping leaves the call as it was: no supervisor leg, no snoop, no session bridge.
        Assert.Null(s.Pbx.Leg(sue));
        Assert.Empty(s.Snoops);
        Assert.Single(s.Pbx.Bridges);
        Assert.True(s.Pbx.Hears(ann, customer));
        Assert.Equal(AgentStatus.OnCall, s.H.StatusOf(Ann));
    }

    [Fact]
    public async Task Take_over_leaves_the_customer_with_the_supervisor_and_sends_the_agent_to_wrap_up()
    {
        var s = new Setup();
        var (customer, ann, callId) = s.AnnTalks();
        s.Start(MonitoringMode.Monitor);
        var sue = s.SueLeg;

        var view = await s.Switch(MonitoringMode.TakeOver);

        Assert.Equal(MonitoringMode.TakeOver, view.Mode);
        Assert.Null(s.Pbx.Leg(ann));                 // the agent's leg is gone
        Assert.True(s.Pbx.Hears(customer, sue));
        Assert.True(s.Pbx.Hears(sue, customer));
        Assert.Empty(s.Snoops);
        Assert.Equal(AgentStatus.WrapUp, s.H.StatusOf(Ann));
        Assert.Empty(s.Center.ListCalls());
        var record = Assert.Single(s.H.Sink.CallRecords);
        Assert.Equal(callId, record.Call.Id);
        Assert.Equal(CallEndReason.TakenOver, record.Call.EndReason);
        Assert.Equal(CallEndReason.TakenOver, record.Call.Customer!.EndReason);
        // No mode follows a take over.
        var again = await Assert.ThrowsAsync<CtiException>(() => s.Switch(MonitoringMode.Monitor));
        Assert.Equal(ErrorCodes.TakeOverNotPossible, again.Code);

        // The customer hangs up: the supervisor's leg goes too and the session ends.
        s.Pbx.HangupFromDevice(customer);
        Assert.Null(s.Pbx.Leg(sue));
        Assert.Empty(s.Pbx.Legs);
        Assert.Empty(s.Pbx.Bridges);
        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        var audited = Assert.Single(s.Audit.Sessions);
        Assert.Equal(MonitoringEndReason.CustomerHungUp, audited.EndReason);
        Assert.Equal([MonitoringMode.Monitor, MonitoringMode.TakeOver], audited.Periods.Select(p => p.Mode));
    }

    [Fact]
    public void Starting_in_take_over_hands_the_customer_over_once_the_supervisor_answers()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();

        s.Start(MonitoringMode.TakeOver);

        var sue = s.SueLeg;
        Assert.Null(s.Pbx.Leg(ann));
        Assert.True(s.Pbx.Hears(customer, sue));
        Assert.True(s.Pbx.Hears(sue, customer));
        Assert.Equal(AgentStatus.WrapUp, s.H.StatusOf(Ann));

        // Stopping after a take over ends the customer's call too.
        s.Monitoring.Stop(Tenant, Sue);
        Assert.Empty(s.Pbx.Legs);
        Assert.Empty(s.Pbx.Bridges);
    }

    [Fact]
    public async Task Take_over_is_refused_during_a_consultation_and_monitoring_goes_on()
    {
        var s = new Setup();
        var (customer, ann, callId) = s.AnnTalks();
        s.Center.Login(Bob, ready: true);
        s.Start(MonitoringMode.Monitor);
        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        s.Pbx.Answer(s.H.RingingFor("102").Id);

        var refused = await Assert.ThrowsAsync<CtiException>(() => s.Switch(MonitoringMode.TakeOver));

        Assert.Equal(ErrorCodes.TakeOverNotPossible, refused.Code);
        Assert.Equal(MonitoringMode.Monitor, s.Monitoring.Current(Tenant, Sue)!.Mode);
        Assert.NotNull(s.Pbx.Leg(ann));
        Assert.Single(s.Snoops);
        // During the consultation the supervisor hears the agent and whom the agent consults, not the held customer.
        var bobLeg = s.Pbx.Legs.Single(l => l.Endpoint == Endpoint("102")).Id;
        Assert.True(s.Pbx.Hears(s.SueLeg, ann));
        Assert.True(s.Pbx.Hears(s.SueLeg, bobLeg));
        Assert.False(s.Pbx.Hears(s.SueLeg, customer));
    }

    [Fact]
    public void Starting_in_take_over_is_refused_during_a_consultation_a_conference_and_self_service_and_nothing_rings()
    {
        var s = new Setup();
        var (_, ann, callId) = s.AnnTalks();
        s.Center.Login(Bob, ready: true);
        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        s.Pbx.Answer(s.H.RingingFor("102").Id);
        Assert.Equal(ErrorCodes.TakeOverNotPossible, Refused(() => s.Start(MonitoringMode.TakeOver)).Code);

        s.Center.ConferenceConsult(Ann, callId);
        Assert.Equal(ErrorCodes.TakeOverNotPossible, Refused(() => s.Start(MonitoringMode.TakeOver)).Code);

        var t = new Setup();
        var (_, _, selfServiceCall) = t.AnnTalks();
        t.Center.StartSelfService(Ann, selfServiceCall, "pin");
        Assert.Equal(ErrorCodes.TakeOverNotPossible, Refused(() => t.Start(MonitoringMode.TakeOver)).Code);

        // Nothing rang, the calls go on, and monitoring the conference is allowed.
        Assert.DoesNotContain(s.Pbx.Legs, l => l.Endpoint == SueDevice);
        Assert.DoesNotContain(t.Pbx.Legs, l => l.Endpoint == SueDevice);
        Assert.NotNull(s.Pbx.Leg(ann));
        s.Start(MonitoringMode.Monitor);
        Assert.Equal((MonitoringState.Active, MonitoringMode.Monitor), (s.Monitoring.Current(Tenant, Sue)!.State, s.Monitoring.Current(Tenant, Sue)!.Mode));
    }

    [Fact]
    public async Task A_call_that_became_a_consultation_while_the_device_rang_is_monitored_silently_instead_of_taken_over()
    {
        var s = new Setup(sim: new SimulatorOptions { HonourAutoAnswer = false });
        var (customer, ann, callId) = s.AnnTalks();
        s.Start(MonitoringMode.TakeOver);
        var sue = s.SueLeg;
        s.Center.Login(Bob, ready: true);
        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        var bobLeg = s.H.RingingFor("102").Id;
        s.Pbx.Answer(bobLeg);

        s.Pbx.Answer(sue);

        var view = s.Monitoring.Current(Tenant, Sue)!;
        Assert.Equal((MonitoringState.Active, MonitoringMode.Monitor), (view.State, view.Mode));
        // Nothing was handed over: Ann keeps her call and consults Bob, and Sue hears them, silently.
        Assert.NotNull(s.Pbx.Leg(ann));
        Assert.Equal(AgentStatus.OnCall, s.H.StatusOf(Ann));
        Assert.True(s.Pbx.Hears(sue, ann));
        Assert.True(s.Pbx.Hears(sue, bobLeg));
        Assert.False(s.Pbx.Hears(ann, sue));
        Assert.False(s.Pbx.Hears(customer, sue));
        s.Monitoring.Stop(Tenant, Sue);
        Assert.Equal([MonitoringMode.Monitor], Assert.Single(s.Audit.Sessions).Periods.Select(p => p.Mode));
    }

    [Fact]
    public async Task While_the_agent_holds_the_customer_the_supervisor_keeps_hearing_the_agent()
    {
        var s = new Setup();
        var (customer, ann, callId) = s.AnnTalks();
        s.Start(MonitoringMode.Monitor);

        await s.Center.HoldAsync(Ann, callId);

        Assert.True(s.Pbx.Hears(s.SueLeg, ann));
        Assert.False(s.Pbx.Hears(s.SueLeg, customer));
        Assert.NotNull(s.Monitoring.Current(Tenant, Sue));
        await s.Center.ResumeAsync(Ann, callId);
        Assert.True(s.Pbx.Hears(s.SueLeg, customer));
    }

    [Fact]
    public async Task While_the_agent_holds_the_customer_whisper_and_barge_reach_only_the_agent_and_barge_reaches_both_after_the_resume()
    {
        var s = new Setup();
        var (customer, ann, callId) = s.AnnTalks();
        s.Start(MonitoringMode.Whisper);
        var sue = s.SueLeg;

        await s.Center.HoldAsync(Ann, callId);
        Assert.True(s.Pbx.Hears(ann, sue));
        Assert.False(s.Pbx.Hears(customer, sue));
        await s.Switch(MonitoringMode.Barge);
        Assert.True(s.Pbx.Hears(ann, sue));
        Assert.False(s.Pbx.Hears(customer, sue)); // the held customer hears music, not the conversation

        await s.Center.ResumeAsync(Ann, callId);
        Assert.True(s.Pbx.Hears(ann, sue));
        Assert.True(s.Pbx.Hears(customer, sue));
        Assert.True(s.Pbx.Hears(sue, customer));
    }

    [Fact]
    public void A_cancelled_consultation_brings_the_customer_back_to_the_supervisor_and_a_completed_one_ends_the_session()
    {
        var s = new Setup();
        var (customer, ann, callId) = s.AnnTalks();
        s.Center.Login(Bob, ready: true);
        s.Start(MonitoringMode.Monitor);
        var sue = s.SueLeg;

        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        s.Pbx.Answer(s.H.RingingFor("102").Id);
        Assert.False(s.Pbx.Hears(sue, customer));
        s.Center.CancelConsult(Ann, callId);
        Assert.True(s.Pbx.Hears(sue, customer));
        Assert.True(s.Pbx.Hears(sue, ann));

        s.Center.StartConsult(Ann, callId, new TransferTarget(AgentId: Bob));
        s.Pbx.Answer(s.H.RingingFor("102").Id);
        s.Center.CompleteConsult(Ann, callId);

        // Ann's leg left with the transfer: the session ends with it, Sue's device is hung up, the customer talks to Bob.
        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        Assert.Null(s.Pbx.Leg(sue));
        Assert.Null(s.Pbx.Leg(ann));
        Assert.Equal(MonitoringEndReason.CallEnded, Assert.Single(s.Audit.Sessions).EndReason);
        var bobLeg = s.Pbx.Legs.Single(l => l.Endpoint == Endpoint("102")).Id;
        Assert.True(s.Pbx.Hears(customer, bobLeg));
    }

    [Fact]
    public void The_session_ends_when_the_call_ends()
    {
        var s = new Setup();
        var (customer, _, _) = s.AnnTalks();
        s.Start(MonitoringMode.Barge);
        var sue = s.SueLeg;

        s.Pbx.HangupFromDevice(customer);

        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        Assert.Null(s.Pbx.Leg(sue));
        Assert.Empty(s.Pbx.Legs);
        Assert.Empty(s.Pbx.Bridges);
        var ended = Assert.Single(s.H.Sink.Of<MonitoringEndedEvent>());
        Assert.Equal(MonitoringEndReason.CallEnded, ended.Session.EndReason);
        Assert.Equal(MonitoringEndReason.CallEnded, Assert.Single(s.Audit.Sessions).EndReason);
    }

    [Fact]
    public void The_session_ends_when_the_agent_transfers_the_call()
    {
        var s = new Setup();
        var (customer, _, callId) = s.AnnTalks();
        s.Center.Login(Bob, ready: true);
        s.Start(MonitoringMode.Monitor);
        var sue = s.SueLeg;

        s.Center.BlindTransfer(Ann, callId, new TransferTarget(AgentId: Bob));

        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        Assert.Null(s.Pbx.Leg(sue));
        Assert.Empty(s.Snoops);
        Assert.NotNull(s.Pbx.Leg(customer)); // the customer goes on to Bob
        Assert.Equal(MonitoringEndReason.CallEnded, Assert.Single(s.Audit.Sessions).EndReason);
    }

    [Fact]
    public void The_session_ends_when_the_supervisor_hangs_up_and_the_call_goes_on()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        s.Start(MonitoringMode.Whisper);

        s.Pbx.HangupFromDevice(s.SueLeg);

        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        Assert.Empty(s.Snoops);
        Assert.True(s.Pbx.Hears(ann, customer));
        Assert.Equal(AgentStatus.OnCall, s.H.StatusOf(Ann));
        Assert.Equal(MonitoringEndReason.SupervisorHungUp, Assert.Single(s.Audit.Sessions).EndReason);
        // She may start again.
        s.Start(MonitoringMode.Monitor);
        Assert.NotNull(s.Monitoring.Current(Tenant, Sue));
    }

    [Fact]
    public void A_supervisor_device_that_does_not_answer_ends_the_session()
    {
        var s = new Setup(sim: new SimulatorOptions { HonourAutoAnswer = false });
        s.AnnTalks();
        var view = s.Start(MonitoringMode.Monitor);
        Assert.Equal(MonitoringState.Connecting, view.State);

        s.H.Clock.Advance(MonitoringService.RingTimeout + TimeSpan.FromSeconds(1));

        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        Assert.Equal(MonitoringEndReason.SupervisorUnreachable, Assert.Single(s.Audit.Sessions).EndReason);
        Assert.Empty(s.H.Sink.Of<MonitoringStartedEvent>());
    }

    [Fact]
    public async Task A_call_that_ends_while_the_supervisor_device_rings_ends_the_session_at_answer()
    {
        var s = new Setup(sim: new SimulatorOptions { HonourAutoAnswer = false });
        var (customer, _, _) = s.AnnTalks();
        s.Start(MonitoringMode.Monitor);
        // A change of mode while it rings only changes the mode to start in.
        var switched = await s.Switch(MonitoringMode.Whisper);
        Assert.Equal(MonitoringMode.Whisper, switched.Mode);
        Assert.Equal(MonitoringState.Connecting, switched.State);
        var sue = s.SueLeg;
        s.Pbx.HangupFromDevice(customer);

        s.Pbx.Answer(sue);

        Assert.Null(s.Pbx.Leg(sue));
        Assert.Empty(s.Snoops);
        Assert.Equal(MonitoringEndReason.CallEnded, Assert.Single(s.Audit.Sessions).EndReason);
    }

    [Fact]
    public void When_the_tenant_tells_monitored_parties_they_hear_a_beep_and_the_agent_gets_the_events()
    {
        var s = new Setup(tellParties: true);
        var (customer, ann, _) = s.AnnTalks();

        s.Start(MonitoringMode.Monitor);

        Assert.Equal([MonitoringService.NoticeSound], s.Pbx.Leg(ann)!.Played);
        Assert.Equal([MonitoringService.NoticeSound], s.Pbx.Leg(customer)!.Played);
        var started = Assert.Single(s.H.Sink.Of<MonitoringStartedEvent>());
        Assert.Equal([Sue, Ann], started.Agents);
        Assert.True(started.Session.PartiesTold);
    }

    [Fact]
    public void A_tenant_that_names_an_announcement_has_it_played_instead_of_the_beep()
    {
        var s = new Setup(tellParties: true, noticeSound: "custom/call-monitored");
        var (customer, ann, _) = s.AnnTalks();

        s.Start(MonitoringMode.Monitor);

        Assert.Equal(["sound:custom/call-monitored"], s.Pbx.Leg(ann)!.Played);
        Assert.Equal(["sound:custom/call-monitored"], s.Pbx.Leg(customer)!.Played);
    }

    // ---------------------------------------------------------------- refusals

    [Fact]
    public void An_agent_outside_the_supervisors_teams_is_refused()
    {
        var s = new Setup();
        s.Center.Login(Cat, ready: true);
        s.H.CustomerCalls("Support");
        s.Pbx.Answer(s.H.RingingFor("103").Id);

        var refused = Refused(() => s.Start(MonitoringMode.Monitor, agent: Cat));

        Assert.Equal(ErrorCodes.NotYourAgent, refused.Code);
        Assert.Equal(ErrorKind.Forbidden, refused.Kind);
        Assert.DoesNotContain(s.Pbx.Legs, l => l.Endpoint == SueDevice);
        // Ted leads a team without Ann.
        Assert.Equal(ErrorCodes.NotYourAgent, Refused(() => s.Start(MonitoringMode.Monitor, supervisor: Ted)).Code);
    }

    [Fact]
    public async Task A_mode_the_team_does_not_allow_is_refused_at_start_and_at_a_switch()
    {
        var s = new Setup(annModes: MonitoringModes.Monitor | MonitoringModes.Whisper);
        s.AnnTalks();

        var barge = Refused(() => s.Start(MonitoringMode.Barge));
        Assert.Equal(ErrorCodes.MonitoringModeNotAllowed, barge.Code);
        Assert.Equal(ErrorKind.Forbidden, barge.Kind);
        Assert.Equal(ErrorCodes.MonitoringModeNotAllowed, Refused(() => s.Start(MonitoringMode.TakeOver)).Code);
        Assert.Null(s.Monitoring.Current(Tenant, Sue));

        s.Start(MonitoringMode.Monitor);
        var refused = await Assert.ThrowsAsync<CtiException>(() => s.Switch(MonitoringMode.Barge));
        Assert.Equal(ErrorCodes.MonitoringModeNotAllowed, refused.Code);
        Assert.Equal(MonitoringMode.Monitor, s.Monitoring.Current(Tenant, Sue)!.Mode);
        await s.Switch(MonitoringMode.Whisper);
    }

    [Fact]
    public void A_tenant_admin_may_use_every_mode_on_every_agent()
    {
        var s = new Setup();
        s.Supervision = s.Supervision with { Admins = new HashSet<Guid> { Ted } };
        s.Center.Login(Cat, ready: true);
        s.H.CustomerCalls("Support");
        s.Pbx.Answer(s.H.RingingFor("103").Id);

        var view = s.Start(MonitoringMode.Barge, agent: Cat, supervisor: Ted);

        Assert.Equal(MonitoringState.Connecting, view.State); // as the request returns: the device was asked to answer
        Assert.Equal(MonitoringState.Active, s.Monitoring.Current(Tenant, Ted)!.State);
    }

    [Fact]
    public void A_supervisor_monitors_one_call_at_a_time()
    {
        var s = new Setup();
        s.AnnTalks();
        s.Center.Login(Bob, ready: true);
        s.H.CustomerCalls("Sales");
        s.Pbx.Answer(s.H.RingingFor("102").Id);
        s.Start(MonitoringMode.Monitor);

        var refused = Refused(() => s.Start(MonitoringMode.Monitor, agent: Bob));

        Assert.Equal(ErrorCodes.AlreadyMonitoring, refused.Code);
        Assert.Equal(ErrorKind.Conflict, refused.Kind);
        Assert.Single(s.Pbx.Legs, l => l.Endpoint == SueDevice);
    }

    [Fact]
    public void An_agent_who_is_not_on_a_call_is_refused()
    {
        var s = new Setup();
        Assert.Equal(ErrorCodes.AgentNotOnCall, Refused(() => s.Start(MonitoringMode.Monitor)).Code); // logged out
        s.Center.Login(Ann, ready: true);
        Assert.Equal(ErrorCodes.AgentNotOnCall, Refused(() => s.Start(MonitoringMode.Monitor)).Code); // Ready
        var customer = s.H.CustomerCalls("Sales");
        Assert.Equal(ErrorCodes.AgentNotOnCall, Refused(() => s.Start(MonitoringMode.Monitor)).Code); // ringing
        s.Pbx.Answer(s.H.RingingFor("101").Id);
        s.Pbx.HangupFromDevice(customer);
        Assert.Equal(AgentStatus.WrapUp, s.H.StatusOf(Ann));
        Assert.Equal(ErrorCodes.AgentNotOnCall, Refused(() => s.Start(MonitoringMode.Monitor)).Code); // in wrap-up
        Assert.DoesNotContain(s.Pbx.Legs, l => l.Endpoint == SueDevice);
    }

    [Fact]
    public void A_supervisor_without_a_device_is_refused()
    {
        var s = new Setup(sueHasDevice: false);
        s.AnnTalks();

        var refused = Refused(() => s.Start(MonitoringMode.Monitor));

        Assert.Equal(ErrorCodes.NoSupervisorDevice, refused.Code);
    }

    [Fact]
    public async Task Changing_or_stopping_without_a_session_is_refused()
    {
        var s = new Setup();
        var stop = Refused(() => s.Monitoring.Stop(Tenant, Sue));
        Assert.Equal(ErrorCodes.NotMonitoring, stop.Code);
        Assert.Equal(ErrorKind.NotFound, stop.Kind);
        Assert.Equal(ErrorCodes.NotMonitoring, (await Assert.ThrowsAsync<CtiException>(() => s.Switch(MonitoringMode.Barge))).Code);
    }

    /// <summary>The next process over the same PBX (as after a restart of CtiBridge): a new engine and service, Ann logged in again.</summary>
    private static (TenantCallCenter Center, MonitoringService Monitoring, RecordingSink Sink, RecordingMonitoringAudit Audit) Restart(Setup s,
        Action? whileDown = null)
    {
        var sink = new RecordingSink();
        var service = new CallCenterService(s.Pbx, sink, sink, s.H.Clock, NullLogger<CallCenterService>.Instance);
        var center = service.Configure(s.Center.Configuration);
        var audit = new RecordingMonitoringAudit();
        var monitoring = new MonitoringService(service, sink, audit, s.H.Clock, NullLogger<MonitoringService>.Instance);
        center.Login(Ann, ready: false); // her session comes back (RestartTests); the call then puts her on it again
        whileDown?.Invoke();
        s.Pbx.ReportCallsAfterRestart();
        return (center, monitoring, sink, audit);
    }

    [Fact]
    public async Task After_a_restart_the_session_is_taken_back_as_it_was_and_can_switch_and_stop()
    {
        var s = new Setup();
        var (customer, annLeg, callId) = s.AnnTalks();
        var started = s.Start(MonitoringMode.Monitor);
        await s.Switch(MonitoringMode.Whisper);
        var sue = s.SueLeg;

        var (_, monitoring, sink, audit) = Restart(s);

        var view = monitoring.Current(Tenant, Sue);
        Assert.NotNull(view);
        Assert.Equal((started.SessionId, callId, Ann, MonitoringMode.Whisper), (view.SessionId, view.CallId, view.AgentId, view.Mode));
        Assert.Single(sink.Of<MonitoringStartedEvent>());
        Assert.True(s.Pbx.Hears(annLeg, sue));     // still whispering to Ann, on the same device leg
        Assert.False(s.Pbx.Hears(customer, sue));

        await monitoring.SwitchAsync(Tenant, s.Supervision, Sue, MonitoringMode.Barge);
        Assert.True(s.Pbx.Hears(customer, sue));
        Assert.Equal(sue, s.SueLeg);
        Assert.Single(s.Snoops); // the snoop of before the restart replaced, not added to

        monitoring.Stop(Tenant, Sue);
        Assert.Null(monitoring.Current(Tenant, Sue));
        Assert.DoesNotContain(s.Pbx.Legs, l => l.Id == sue);
        Assert.Empty(s.Snoops);
        Assert.True(s.Pbx.Hears(annLeg, customer)); // the call goes on
        var ended = Assert.Single(audit.Sessions);
        Assert.Equal(started.SessionId, ended.Id);
        Assert.Equal([MonitoringMode.Whisper, MonitoringMode.Barge], ended.Periods.Select(p => p.Mode));
    }

    [Fact]
    public void After_a_restart_a_monitoring_leg_whose_call_ended_meanwhile_is_hung_up()
    {
        var s = new Setup();
        var (customer, _, _) = s.AnnTalks();
        s.Start(MonitoringMode.Monitor);
        var sue = s.SueLeg;

        var (_, monitoring, _, _) = Restart(s, whileDown: () => s.Pbx.HangupFromDevice(customer));

        Assert.Null(monitoring.Current(Tenant, Sue));
        Assert.DoesNotContain(s.Pbx.Legs, l => l.Id == sue);
    }

    // ---------------------------------------------------------------- the listening line

    private static MonitoringLineView OpenLine(Setup s, ExtensionKind kind = ExtensionKind.Web) =>
        s.Monitoring.OpenLine(s.Center, s.Supervision, Sue, kind);

    [Fact]
    public void On_an_open_listening_line_a_session_rings_nothing_and_the_lines_leg_hears_the_call_at_once()
    {
        var s = new Setup();
        var (customer, ann, callId) = s.AnnTalks();
        var line = OpenLine(s);
        Assert.Equal(MonitoringLineState.Open, s.Monitoring.CurrentLine(Tenant, Sue)!.State); // the browser answered by itself
        var lineLeg = s.SueLeg;
        Assert.True(s.Pbx.Leg(lineLeg)!.AutoAnswer);
        Assert.False(s.Pbx.Hears(lineLeg, ann));  // an open line is silent

        var view = s.Start(MonitoringMode.Monitor);

        Assert.Equal(MonitoringState.Active, view.State);   // no ringing: active from the request
        Assert.Equal(callId, view.CallId);
        Assert.Equal(lineLeg, s.SueLeg);                     // still the one leg to her device: nothing was dialled
        Assert.True(s.Pbx.Hears(lineLeg, ann));
        Assert.True(s.Pbx.Hears(lineLeg, customer));
        Assert.False(s.Pbx.Hears(ann, lineLeg));
        Assert.False(s.Pbx.Hears(customer, lineLeg));
        Assert.Single(s.H.Sink.Of<MonitoringStartedEvent>());
        var inUse = s.Monitoring.CurrentLine(Tenant, Sue)!;
        Assert.Equal((line.LineId, MonitoringLineState.InUse, view.SessionId), (inUse.LineId, inUse.State, inUse.SessionId));
        Assert.Equal("supervisor", s.Pbx.Leg(lineLeg)!.Variables["CTI_ROLE"]); // what a restart reads
        Assert.Equal(view.SessionId.ToString("N"), s.Pbx.Leg(lineLeg)!.Variables[MonitoringService.LegVariables.Session]);
    }

    [Fact]
    public async Task Stopping_a_session_on_the_line_keeps_the_line_for_the_next_session_and_modes_switch_on_it()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        OpenLine(s);
        var lineLeg = s.SueLeg;
        s.Start(MonitoringMode.Monitor);
        await s.Switch(MonitoringMode.Whisper);
        Assert.True(s.Pbx.Hears(ann, lineLeg));
        Assert.False(s.Pbx.Hears(customer, lineLeg));

        s.Monitoring.Stop(Tenant, Sue);

        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        Assert.Empty(s.Snoops);
        Assert.NotNull(s.Pbx.Leg(lineLeg));                  // the line's leg stays up
        Assert.False(s.Pbx.Hears(lineLeg, ann));
        Assert.Equal(MonitoringLineState.Open, s.Monitoring.CurrentLine(Tenant, Sue)!.State);
        Assert.Equal("", s.Pbx.Leg(lineLeg)!.Variables[MonitoringService.LegVariables.Session]); // no session to take back
        var audited = Assert.Single(s.Audit.Sessions);
        Assert.Equal(MonitoringEndReason.Stopped, audited.EndReason);
        Assert.Equal([MonitoringMode.Monitor, MonitoringMode.Whisper], audited.Periods.Select(p => p.Mode));
        Assert.True(s.Pbx.Hears(ann, customer));

        // The next session runs on the same leg.
        var again = s.Start(MonitoringMode.Barge);
        Assert.Equal(MonitoringState.Active, again.State);
        Assert.Equal(lineLeg, s.SueLeg);
        Assert.True(s.Pbx.Hears(customer, lineLeg));
        Assert.True(s.Pbx.Hears(ann, lineLeg));
    }

    [Fact]
    public async Task Take_over_on_the_line_keeps_the_line_once_the_customer_hangs_up()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        OpenLine(s);
        var lineLeg = s.SueLeg;
        s.Start(MonitoringMode.Monitor);

        await s.Switch(MonitoringMode.TakeOver);
        Assert.Null(s.Pbx.Leg(ann));
        Assert.True(s.Pbx.Hears(customer, lineLeg));
        Assert.True(s.Pbx.Hears(lineLeg, customer));
        Assert.Equal(AgentStatus.WrapUp, s.H.StatusOf(Ann));

        s.Pbx.HangupFromDevice(customer);

        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        Assert.Equal(MonitoringEndReason.CustomerHungUp, Assert.Single(s.Audit.Sessions).EndReason);
        Assert.NotNull(s.Pbx.Leg(lineLeg));
        Assert.Equal(MonitoringLineState.Open, s.Monitoring.CurrentLine(Tenant, Sue)!.State);
    }

    [Fact]
    public void The_supervisor_hanging_up_the_line_ends_the_line_and_its_session_and_the_call_goes_on()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        OpenLine(s);
        var lineLeg = s.SueLeg;
        s.Start(MonitoringMode.Monitor);

        s.Pbx.HangupFromDevice(lineLeg);

        Assert.Null(s.Monitoring.Current(Tenant, Sue));
        Assert.Null(s.Monitoring.CurrentLine(Tenant, Sue));
        Assert.Empty(s.Snoops);
        Assert.Equal(MonitoringEndReason.SupervisorHungUp, Assert.Single(s.Audit.Sessions).EndReason);
        Assert.True(s.Pbx.Hears(ann, customer));
        Assert.Single(s.Pbx.Bridges);                        // the call's; the line's bridge is gone
        // Without a line the next session rings her device again.
        Assert.Equal(MonitoringState.Connecting, s.Start(MonitoringMode.Monitor).State);
        Assert.NotEqual(lineLeg, s.SueLeg);
    }

    [Fact]
    public void Closing_the_line_ends_a_session_on_it_as_stopped_and_hangs_the_leg_up()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        OpenLine(s);
        var lineLeg = s.SueLeg;
        s.Start(MonitoringMode.Monitor);

        s.Monitoring.CloseLine(Tenant, Sue);

        Assert.Null(s.Pbx.Leg(lineLeg));
        Assert.Null(s.Monitoring.CurrentLine(Tenant, Sue));
        Assert.Equal(MonitoringEndReason.Stopped, Assert.Single(s.Audit.Sessions).EndReason);
        Assert.Single(s.Pbx.Bridges);
        Assert.True(s.Pbx.Hears(ann, customer));
        s.Monitoring.CloseLine(Tenant, Sue);                 // no line: nothing to do
    }

    [Fact]
    public void Asking_for_a_line_twice_gives_the_same_line_and_a_start_while_it_rings_dials_as_before()
    {
        var s = new Setup(sim: new SimulatorOptions { HonourAutoAnswer = false });
        s.AnnTalks();
        var line = OpenLine(s);
        Assert.Equal(MonitoringLineState.Ringing, line.State);
        Assert.Equal(line.LineId, OpenLine(s).LineId);
        Assert.Single(s.Pbx.Legs, l => l.Endpoint == SueDevice);

        var view = s.Start(MonitoringMode.Monitor);

        Assert.Equal(MonitoringState.Connecting, view.State);
        Assert.Equal(2, s.Pbx.Legs.Count(l => l.Endpoint == SueDevice)); // the session's own leg rings beside the line's
    }

    [Fact]
    public void A_line_is_refused_for_a_desk_phone_and_without_a_device()
    {
        var phone = Refused(() => OpenLine(new Setup(), ExtensionKind.Sip));
        Assert.Equal(ErrorCodes.ListeningLineNeedsWebDevice, phone.Code);
        var none = Refused(() => OpenLine(new Setup(sueHasDevice: false)));
        Assert.Equal(ErrorCodes.NoSupervisorDevice, none.Code);
    }

    [Fact]
    public async Task After_a_restart_a_session_on_the_line_is_taken_back_in_the_lines_bridge()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        OpenLine(s);
        var lineLeg = s.SueLeg;
        var started = s.Start(MonitoringMode.Whisper);

        var (_, monitoring, _, audit) = Restart(s);

        Assert.Equal(started.SessionId, monitoring.Current(Tenant, Sue)!.SessionId);
        Assert.True(s.Pbx.Hears(ann, lineLeg));
        await monitoring.SwitchAsync(Tenant, s.Supervision, Sue, MonitoringMode.Barge);
        Assert.True(s.Pbx.Hears(customer, lineLeg));         // the new snoop went into the line's bridge
        Assert.Single(s.Snoops);
        monitoring.Stop(Tenant, Sue);
        Assert.Empty(s.Snoops);
        Assert.Equal(MonitoringEndReason.Stopped, Assert.Single(audit.Sessions).EndReason);
        Assert.True(s.Pbx.Hears(ann, customer));
    }

    [Fact]
    public void A_desk_that_has_just_started_replaces_the_line_of_a_page_that_is_gone()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        var first = OpenLine(s);
        var oldLeg = s.SueLeg;
        s.Start(MonitoringMode.Monitor);

        var second = s.Monitoring.OpenLine(s.Center, s.Supervision, Sue, ExtensionKind.Web, replace: true);

        Assert.NotEqual(first.LineId, second.LineId);
        Assert.Null(s.Pbx.Leg(oldLeg));
        Assert.Equal(MonitoringEndReason.SupervisorHungUp, Assert.Single(s.Audit.Sessions).EndReason);
        Assert.Equal(MonitoringLineState.Open, s.Monitoring.CurrentLine(Tenant, Sue)!.State);
        s.Start(MonitoringMode.Monitor);
        Assert.True(s.Pbx.Hears(s.SueLeg, ann));
        Assert.True(s.Pbx.Hears(ann, customer));
    }

    // ---------------------------------------------------------------- the silent party (whisper with a silent customer)

    private static IReadOnlyList<SimLeg> Mixers(Setup s) => s.Pbx.Legs.Where(l => l.Endpoint == MonitoringService.MixerEndpoint).ToList();

    [Fact]
    public async Task While_the_supervisor_speaks_to_the_agent_a_silent_party_is_in_the_calls_bridge_and_only_then()
    {
        var s = new Setup();
        var (customer, ann, callId) = s.AnnTalks();

        s.Start(MonitoringMode.Monitor);
        Assert.Empty(Mixers(s));
        await s.Switch(MonitoringMode.Whisper);
        var mixer = Assert.Single(Mixers(s));
        var bridge = s.Pbx.Bridges.Single(b => b.CallId == callId);
        Assert.Equal(new[] { customer, ann, mixer.Id }.ToHashSet(), bridge.Members); // three parties: Asterisk mixes
        Assert.Equal(MonitoringService.MixerRole, mixer.Variables["CTI_ROLE"]);
        Assert.True(s.Pbx.Hears(ann, s.SueLeg));
        Assert.False(s.Pbx.Hears(customer, s.SueLeg));
        await s.Switch(MonitoringMode.Barge);
        Assert.Equal(mixer.Id, Assert.Single(Mixers(s)).Id);                 // kept, not added again
        await s.Switch(MonitoringMode.Monitor);
        Assert.Empty(Mixers(s));
        await s.Switch(MonitoringMode.Whisper);
        Assert.Single(Mixers(s));

        s.Monitoring.Stop(Tenant, Sue);
        Assert.Empty(Mixers(s));
        Assert.Equal(new[] { customer, ann }.ToHashSet(), s.Pbx.Bridges.Single(b => b.CallId == callId).Members);
        Assert.True(s.Pbx.Hears(ann, customer));
    }

    [Fact]
    public async Task The_silent_party_goes_at_a_take_over_and_when_the_call_ends()
    {
        var s = new Setup();
        var (customer, _, _) = s.AnnTalks();
        s.Start(MonitoringMode.Whisper);
        Assert.Single(Mixers(s));
        await s.Switch(MonitoringMode.TakeOver);
        Assert.Empty(Mixers(s));
        s.Pbx.HangupFromDevice(customer);
        Assert.Empty(s.Pbx.Legs);

        var t = new Setup();
        var (customer2, _, _) = t.AnnTalks();
        t.Start(MonitoringMode.Barge);
        Assert.Single(Mixers(t));
        t.Pbx.HangupFromDevice(customer2);                                   // the call ends: the session with it
        Assert.Equal(MonitoringEndReason.CallEnded, Assert.Single(t.Audit.Sessions).EndReason);
        Assert.Empty(Mixers(t));
    }

    [Fact]
    public async Task After_a_restart_a_whispering_session_keeps_its_silent_party_and_takes_it_away_at_the_end()
    {
        var s = new Setup();
        var (customer, ann, _) = s.AnnTalks();
        s.Start(MonitoringMode.Whisper);
        var mixer = Assert.Single(Mixers(s)).Id;

        var (center, monitoring, _, _) = Restart(s);

        Assert.Equal(MonitoringMode.Whisper, monitoring.Current(Tenant, Sue)!.Mode); // the call was taken back past the silent party
        Assert.Single(center.ListCalls());
        await monitoring.SwitchAsync(Tenant, s.Supervision, Sue, MonitoringMode.Monitor);
        Assert.Null(s.Pbx.Leg(mixer));
        monitoring.Stop(Tenant, Sue);
        Assert.True(s.Pbx.Hears(ann, customer));
    }
}
