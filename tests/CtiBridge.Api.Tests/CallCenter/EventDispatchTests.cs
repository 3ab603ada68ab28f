using CtiBridge.Api.Events;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallCenter;

public class EventDispatchTests
{
    [Fact]
    public async Task A_failing_dispatch_listener_does_not_stop_later_events_and_the_backlog_can_be_read()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        var streams = host.Services.GetRequiredService<AgentEventStreams>();
        var dispatched = 0;
        streams.Dispatched += (_, _) => throw new InvalidOperationException("listener bug");
        streams.Dispatched += (_, _) => Interlocked.Increment(ref dispatched);
        Assert.True(streams.Backlog >= 0);

        await agent.LoginReadyAsync();                                          // first event(s)
        await agent.PutAsJsonAsync("/api/v1/agent/state", new { state = "NotReady", reason = "Break" });   // later ones

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref dispatched) < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(Volatile.Read(ref dispatched) >= 2, $"only {dispatched} events were dispatched after the failing listener");
        while (streams.Backlog > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(0, streams.Backlog);
    }
}
