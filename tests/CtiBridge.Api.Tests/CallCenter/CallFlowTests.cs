using System.Net;
using System.Net.Http.Json;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Tests.CallCenter;

public class CallFlowTests
{
    [Fact]
    public async Task Agent_takes_a_sandbox_call_from_offer_to_wrap_up_and_the_call_is_journaled()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        var me = await agent.LoginReadyAsync();
        Assert.Equal(AgentStatus.Ready, me.Status);

        await agent.PlaceCallAsync("Sales", "+4930555123", new { orderId = "A-1" });
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        Assert.Equal("A-1", offered.AttachedData.Single(a => a.Key == "orderId").Value);
        Assert.Equal(offered.CallId, (await (await agent.GetAsync($"/api/v1/calls/{offered.CallId}")).ReadAsync<CallView>()).CallId);

        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hold").OkAsync();
        Assert.True((await agent.WaitForCallAsync()).Held);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/resume").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/mute").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/unmute").OkAsync();
        await agent.PostAsJsonAsync($"/api/v1/calls/{offered.CallId}/dtmf", new { digits = "12#" }).OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/recording/start").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/recording/stop").OkAsync();
        await agent.PutAsJsonAsync($"/api/v1/calls/{offered.CallId}/disposition", new { remarks = "live remark" }).OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hangup").OkAsync();

        var wrap = await agent.StateAsync();
        Assert.Equal(AgentStatus.WrapUp, wrap.Status);
        // After the call is gone, the disposition goes to the stored record.
        await agent.PutAsJsonAsync($"/api/v1/calls/{offered.CallId}/disposition", new { disposition = "sale", remarks = "after the call" }).OkAsync();
        await agent.PostAsJsonAsync("/api/v1/agent/wrap-up/extend", new { seconds = 30 }).OkAsync(HttpStatusCode.OK);
        Assert.Equal(AgentStatus.Ready, (await (await agent.PostAsync("/api/v1/agent/wrap-up/end")).ReadAsync<AgentView>()).Status);

        await host.FlushJournalAsync();
        var record = await host.DbAsync(db => db.CallRecords.Include(c => c.Legs).Include(c => c.AttachedData).SingleAsync(c => c.Id == offered.CallId));
        Assert.Equal("+4930555123", record.CustomerNumber);
        Assert.Equal("Disposition: sale\nafter the call", record.Remarks);
        Assert.Contains(record.Legs, l => l.UserId == me.AgentId && l.Role == Data.Entities.CallLegRole.Agent);
        Assert.Contains(record.Legs, l => l.Role == Data.Entities.CallLegRole.Customer);
        Assert.Equal("A-1", record.AttachedData.Single(a => a.Key == "orderId").Value);
        Assert.NotNull(record.AnsweredAt);
        Assert.Equal(1, await host.DbAsync(db => db.Recordings.CountAsync(r => r.CallId == offered.CallId)));
        var states = await host.DbAsync(db => db.AgentStateChanges.Where(s => s.UserId == me.AgentId).OrderBy(s => s.Id).Select(s => s.To).ToListAsync());
        Assert.Equal([AgentStatus.Ready, AgentStatus.Ringing, AgentStatus.OnCall, AgentStatus.WrapUp, AgentStatus.WrapUp /* extended */, AgentStatus.Ready], states);
    }

    [Fact]
    public async Task Web_agent_asks_for_her_softphone_back_into_her_connected_call_and_the_call_stays_one()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales", "+4930555124");
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await Problem.AssertAsync(await agent.PostAsync($"/api/v1/calls/{offered.CallId}/softphone/return"), 409, "call_not_connected");
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);

        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/softphone/return").OkAsync();
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/softphone/return").OkAsync();   // asking again while it rings: nothing more

        Assert.Equal(AgentStatus.OnCall, (await agent.StateAsync()).Status);
        Assert.Equal(CallState.Connected, (await (await agent.GetAsync($"/api/v1/calls/{offered.CallId}")).ReadAsync<CallView>()).State);
        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hangup").OkAsync();
        Assert.Equal(AgentStatus.WrapUp, (await agent.StateAsync()).Status);
        await host.FlushJournalAsync();
        Assert.Equal(1, await host.DbAsync(db => db.CallRecords.CountAsync(c => c.Id == offered.CallId)));
    }
}
