using System.Net;
using System.Net.Http.Json;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Calls;
using CtiBridge.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallCenter;

public class SelfServiceAndSoftphoneTests
{
    [Fact]
    public async Task Agent_sends_the_customer_through_self_service_and_gets_them_back_with_the_digits()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        var flows = await (await agent.GetAsync("/api/v1/agent/self-service-flows")).ReadAsync<List<SelfServiceFlowDto>>();
        Assert.Contains(flows, f => f.Name == "pin" && f.DataKey == "pin");
        var leg = await agent.PlaceCallAsync("Sales", "+4930555123");
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);

        await agent.PostAsJsonAsync($"/api/v1/calls/{offered.CallId}/self-service", new { flow = "pin" }).OkAsync();
        Assert.Equal("pin", (await agent.WaitForCallAsync(c => c.SelfService is not null)).SelfService);
        var again = await agent.PostAsJsonAsync($"/api/v1/calls/{offered.CallId}/self-service", new { flow = "pin" });
        await Problem.AssertAsync(again, 409, "self_service_in_progress");
        var unknown = await agent.PostAsJsonAsync($"/api/v1/calls/{offered.CallId}/self-service", new { flow = "survey" });
        await Problem.AssertAsync(unknown, 404, "self_service_flow_not_found");

        host.Services.GetRequiredService<SimulatedPbx>().SendDtmfFromDevice(leg, "2468#");

        var back = await agent.WaitForCallAsync(c => c.SelfService is null);
        Assert.Contains(back.AttachedData, a => a.Key == "pin" && a.Value == "2468");
    }

    [Fact]
    public async Task Sandbox_has_no_softphone_settings_and_says_why()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        var response = await agent.GetAsync("/api/v1/agent/softphone");
        await Problem.AssertAsync(response, 404, "softphone_not_available");
        Assert.Empty(await (await agent.GetAsync("/api/v1/agent/caller-ids")).ReadAsync<List<string>>());
    }

    private sealed record SelfServiceFlowDto(string Name, string DataKey);
}
