using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using CtiBridge.Simulator;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using static CtiBridge.Application.Tests.CallCenter.Harness;

namespace CtiBridge.Application.Tests.CallCenter;

/// <summary>
/// Two PBX servers, one tenant placed on each (docs/architecture.md, "Several Asterisk servers"): each tenant's calls and
/// commands stay on its own server, and what a server reports about itself reaches only its tenants.
/// </summary>
public class SeveralPbxServersTests
{
    private static readonly Guid NorthTenant = Guid.Parse("00000000-0000-0000-0000-0000000000ab");
    private static readonly Guid Nia = Guid.Parse("00000000-0000-0000-0000-000000000011");
    private static readonly Guid NorthSales = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    private readonly ManualTimeProvider _clock = new();
    private readonly SimulatedPbx _main;
    private readonly SimulatedPbx _north;
    private readonly RecordingSink _sink = new();
    private readonly CallCenterService _service;
    private readonly TenantCallCenter _acme;
    private readonly TenantCallCenter _northCo;

    public SeveralPbxServersTests()
    {
        _main = new SimulatedPbx(_clock, new SimulatorOptions { HonourAutoAnswer = true });
        _north = new SimulatedPbx(_clock, new SimulatorOptions { HonourAutoAnswer = true });
        _service = new CallCenterService(new PbxServers(new Dictionary<string, IPbx> { [PbxServers.DefaultName] = _main, ["north"] = _north }),
            _sink, _sink, _clock, NullLogger<CallCenterService>.Instance);
        _acme = _service.Configure(DefaultConfig());
        _northCo = _service.Configure(NorthConfig());
    }

    private static TenantConfiguration NorthConfig(string? server = "north") => new(
        NorthTenant, "northco",
        new TenantCallSettings { RingTimeoutSeconds = 15 },
        [new AgentDefinition(Nia, "Nia", "2001", new AgentSettings("201", ExtensionKind.Sip, AcwMode.AfterAnswered, 30))],
        [new SkillGroupDefinition(NorthSales, "Sales", [new(Nia, 1)])],
        [], new HashSet<string>()) { AsteriskServer = server };

    [Fact]
    public void Each_tenants_calls_ring_and_connect_on_its_own_server_only()
    {
        _acme.Login(Ann, ready: true);
        _northCo.Login(Nia, ready: true);

        var acmeCaller = _main.PlaceCall("acme", "Sales", "5551000");
        var northCaller = _north.PlaceCall("northco", "Sales", "5552000");

        // Ann's phone rings on the default server, Nia's on north; neither server has the other's legs or bridges.
        var annRings = _main.RingingAt(Endpoint("101")) ?? throw new Xunit.Sdk.XunitException("Ann's phone does not ring");
        var niaRings = _north.RingingAt("PJSIP/northco-201") ?? throw new Xunit.Sdk.XunitException("Nia's phone does not ring");
        Assert.Null(_north.RingingAt(Endpoint("101")));
        Assert.Null(_main.RingingAt("PJSIP/northco-201"));
        _main.Answer(annRings.Id);
        _north.Answer(niaRings.Id);

        Assert.Equal(AgentStatus.OnCall, _acme.GetAgent(Ann).Status);
        Assert.Equal(AgentStatus.OnCall, _northCo.GetAgent(Nia).Status);
        Assert.Contains(acmeCaller, _main.Bridges.Single().Members);
        Assert.Contains(northCaller, _north.Bridges.Single().Members);
        Assert.Equal("north", _service.ServerOf(NorthTenant));
        Assert.Equal(PbxServers.DefaultName, _service.ServerOf(Tenant));

        // A hang-up from Nia's toolbar goes to north: her caller's leg ends there, Ann's call goes on.
        _northCo.Hangup(Nia, _northCo.CallsOf(Nia).Single().CallId);
        Assert.Null(_north.Leg(northCaller));
        Assert.Empty(_north.Bridges);
        Assert.NotNull(_main.Leg(acmeCaller));
        Assert.Equal(CallState.Connected, _acme.CallsOf(Ann).Single().State);
    }

    [Fact]
    public void A_call_of_a_tenant_arriving_on_a_server_it_is_not_placed_on_is_refused_there()
    {
        _acme.Login(Ann, ready: true);

        var stray = _north.PlaceCall("acme", "Sales", "5551000"); // a dialplan on north that names acme

        Assert.Null(_north.Leg(stray)); // hung up on north, where it arrived
        Assert.Empty(_acme.ListCalls());
        Assert.Equal(AgentStatus.Ready, _acme.GetAgent(Ann).Status);
        Assert.Null(_main.RingingAt(Endpoint("101")));
    }

    [Fact]
    public void A_server_losing_its_connection_is_reported_to_its_tenants_only()
    {
        _north.SetConnected(false);

        var reported = _sink.Of<PbxConnectionChangedEvent>();
        Assert.Equal([NorthTenant], reported.Select(e => e.TenantId));
        Assert.False(reported.Single().Connected);
    }

    [Fact]
    public void A_tenant_moved_while_loaded_stays_on_its_server_until_it_is_next_loaded()
    {
        _northCo.Login(Nia, ready: true);
        var caller = _north.PlaceCall("northco", "Sales", "5552000");
        _north.Answer((_north.RingingAt("PJSIP/northco-201") ?? throw new Xunit.Sdk.XunitException("no ring")).Id);

        var same = _service.Configure(NorthConfig(server: null)); // an admin moved it to the default server

        Assert.Same(_northCo, same);
        Assert.Equal("north", _service.ServerOf(NorthTenant));
        same.Hangup(Nia, same.CallsOf(Nia).Single().CallId); // its live call is still controlled where it is
        Assert.Null(_north.Leg(caller));
    }

    [Fact]
    public void A_tenant_placed_on_a_server_not_configured_here_is_not_loaded()
    {
        var config = NorthConfig(server: "south") with { TenantId = Guid.NewGuid(), Domain = "southco" };

        var refused = Assert.Throws<CtiException>(() => _service.Configure(config));

        Assert.Equal(ErrorCodes.UnknownAsteriskServer, refused.Code);
        Assert.Contains("default, north", refused.Message);
        Assert.Null(_service.FindTenant("southco"));
    }
}
