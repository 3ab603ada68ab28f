using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>Records what the call center published and journaled.</summary>
public sealed class RecordingSink : ICallCenterEventSink, ICallCenterJournal
{
    public List<CallCenterEvent> Events { get; } = new();
    public List<AgentStateChange> StateChanges { get; } = new();
    public List<CallRecordReady> CallRecords { get; } = new();
    public List<RecordingStarted> Recordings { get; } = new();
    public List<RecordingStopped> RecordingStops { get; } = new();
    /// <summary>The latest session of each agent (what the journal would keep in AgentSessions).</summary>
    public Dictionary<Guid, AgentSessionSnapshot> Sessions { get; } = new();

    public void Publish(CallCenterEvent e) { lock (Events) Events.Add(e); }
    public void AgentStateChanged(AgentStateChange change) { lock (StateChanges) StateChanges.Add(change); }
    public void CallEnded(CallRecordReady record) { lock (CallRecords) CallRecords.Add(record); }
    public void RecordingStarted(RecordingStarted recording) { lock (Recordings) Recordings.Add(recording); }
    public void RecordingStopped(RecordingStopped recording) { lock (RecordingStops) RecordingStops.Add(recording); }
    public void AgentSessionChanged(AgentSessionSnapshot session) { lock (Sessions) Sessions[session.AgentId] = session; }

    public IEnumerable<T> Of<T>() where T : CallCenterEvent { lock (Events) return Events.OfType<T>().ToList(); }
}

/// <summary>
/// A tenant "acme" with agents Ann, Bob and Cat (extensions 101–103) and skill groups Sales (Ann,
/// Bob) and Support (Bob priority 1, Cat priority 2), on the simulator with a manual clock.
/// </summary>
public sealed class Harness
{
    public static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    public static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly Guid Bob = Guid.Parse("00000000-0000-0000-0000-000000000002");
    public static readonly Guid Cat = Guid.Parse("00000000-0000-0000-0000-000000000003");
    public static readonly Guid Sales = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    public static readonly Guid Support = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    public ManualTimeProvider Clock { get; } = new();
    public SimulatedPbx Pbx { get; }
    public RecordingSink Sink { get; } = new();
    public CallCenterService Service { get; }
    public TenantCallCenter Center { get; private set; }

    public Harness(Func<TenantConfiguration, TenantConfiguration>? customize = null, SimulatorOptions? sim = null)
    {
        Pbx = new SimulatedPbx(Clock, sim ?? new SimulatorOptions { HonourAutoAnswer = true });
        Service = new CallCenterService(Pbx, Sink, Sink, Clock, NullLogger<CallCenterService>.Instance);
        var config = DefaultConfig();
        Center = Service.Configure(customize?.Invoke(config) ?? config);
    }

    public static TenantConfiguration DefaultConfig(AcwMode acw = AcwMode.AfterAnswered, int wrapUp = 30) => new(
        Tenant, "acme",
        new TenantCallSettings { RingTimeoutSeconds = 15, AttachedDataKeys = ["account", "reason"] },
        [
            new AgentDefinition(Ann, "Ann", "1001", new AgentSettings("101", ExtensionKind.Web, acw, wrapUp)),
            new AgentDefinition(Bob, "Bob", "1002", new AgentSettings("102", ExtensionKind.Web, acw, wrapUp)),
            new AgentDefinition(Cat, "Cat", "1003", new AgentSettings("103", ExtensionKind.Sip, acw, wrapUp)),
        ],
        [
            new SkillGroupDefinition(Sales, "Sales", [new(Ann, 1), new(Bob, 1)]) { Number = "500" },
            new SkillGroupDefinition(Support, "Support", [new(Bob, 1), new(Cat, 2)]),
        ],
        [new PauseReasonDefinition("1", "Break"), new PauseReasonDefinition("2", "Lunch")],
        new HashSet<string> { "666" });

    public void Reconfigure(Func<TenantConfiguration, TenantConfiguration> change) =>
        Center = Service.Configure(change(Center.Configuration));

    public static string Endpoint(string ext) => $"PJSIP/acme-{ext}";

    /// <summary>A customer calls a skill group; returns the customer leg id.</summary>
    public string CustomerCalls(string group = "Sales", string from = "5551234", Dictionary<string, string>? data = null) =>
        Pbx.PlaceCall("acme", group, from, data);

    public AgentStatus StatusOf(Guid agent) => Center.GetAgent(agent).Status;

    /// <summary>The leg ringing on an agent's phone (fails the test when none rings).</summary>
    public SimLeg RingingFor(string ext) => Pbx.RingingAt(Endpoint(ext)) ?? throw new Xunit.Sdk.XunitException($"nothing rings at {ext}");

    public Guid OnlyCallOf(Guid agent) => Center.CallsOf(agent).Single().CallId;

    /// <summary>No leg and no bridge left on the PBX, no call left in the call center.</summary>
    public void AssertNothingLeft()
    {
        Assert.Empty(Pbx.Legs);
        Assert.Empty(Pbx.Bridges);
        Assert.Empty(Center.ListCalls());
    }
}
