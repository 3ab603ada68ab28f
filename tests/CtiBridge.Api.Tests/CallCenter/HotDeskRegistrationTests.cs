using System.Net.Http.Json;
using CtiBridge.Api.CallCenter;
using CtiBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>
/// Found on a real Asterisk (tests/CtiBridge.Integration.Tests/Product): a free hot-desk phone has no agent, so its
/// registration reached no tenant's event stream and GET /phones/free never showed it registered.
/// </summary>
public class HotDeskRegistrationTests
{
    [Fact]
    public async Task The_free_phone_list_follows_the_pbx_registration_of_phones_no_agent_uses()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2901", hotDesk = true })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/admin/phones", new { extension = "2902", hotDesk = true })).EnsureSuccessStatusCode();
        var agent = await host.ClientForAsync("demo", "agent1");
        var pbx = host.Services.GetRequiredService<SimulatedPbx>();

        pbx.SetDevice("PJSIP/demo-2901", registered: true);
        pbx.SetDevice("PJSIP/demo-2902", registered: false);

        var free = await (await agent.GetAsync("/api/v1/phones/free")).ReadAsync<List<FreePhone>>();
        Assert.True(free.Single(p => p.Endpoint == "PJSIP/demo-2901").Registered);
        Assert.False(free.Single(p => p.Endpoint == "PJSIP/demo-2902").Registered);
    }
}
