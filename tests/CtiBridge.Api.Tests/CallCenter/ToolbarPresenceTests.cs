using CtiBridge.Api.Hubs;
using CtiBridge.Domain.Agents;
using CtiBridge.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallCenter;

public class ToolbarPresenceTests
{
    [Fact]
    public async Task A_web_agent_who_closes_the_toolbar_goes_not_ready_device_unavailable_and_is_back_when_it_reconnects()
    {
        var (clock, host, session, agent) = await Agent1Async();
        using var _ = host;
        var hub = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        await agent.LoginReadyAsync();

        await hub.DisposeAsync();                       // the tab is closed
        await GraceStarted(host, session);
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(AgentStatus.Ready, (await agent.StateAsync()).Status);   // still Ready inside the grace period
        clock.Advance(TimeSpan.FromSeconds(2));
        var lost = await WaitUntil(agent, a => a.Status == AgentStatus.NotReady, "Not Ready after the grace period");
        Assert.Equal(SystemReasons.DeviceUnavailable, lost.Reason);

        await using var again = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        await WaitUntil(agent, a => a.Status == AgentStatus.Ready, "Ready again once the toolbar is back");
    }

    [Fact]
    public async Task A_refresh_within_the_grace_period_changes_nothing()
    {
        var (clock, host, session, agent) = await Agent1Async();
        using var _ = host;
        var first = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        await agent.LoginReadyAsync();

        await first.DisposeAsync();
        await GraceStarted(host, session);
        await using var second = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        // The client's handshake can complete before the server's OnConnectedAsync ran: wait for the server to see it.
        var presence = host.Services.GetRequiredService<ToolbarPresence>();
        for (var i = 0; i < 250 && presence.InGracePeriod(session.User.TenantId, session.User.UserId); i++) await Task.Delay(20);
        Assert.False(presence.InGracePeriod(session.User.TenantId, session.User.UserId), "the new toolbar was never noticed");
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(AgentStatus.Ready, (await agent.StateAsync()).Status);
    }

    [Fact]
    public async Task The_grace_of_a_toolbar_closed_before_she_logged_out_does_not_touch_her_next_session()
    {
        var (clock, host, session, agent) = await Agent1Async();
        using var _ = host;
        var hub = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        await agent.LoginReadyAsync();

        await hub.DisposeAsync();                       // the toolbar closes; she stays logged in
        await GraceStarted(host, session);
        clock.Advance(TimeSpan.FromSeconds(10));
        (await agent.PostAsync("/api/v1/agent/logout", null)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromSeconds(5));
        await agent.LoginReadyAsync();                  // a new session (an integration, no toolbar), 15 s into the old grace
        clock.Advance(TimeSpan.FromSeconds(10));        // the old grace is over

        // Give a wrongly fired grace the time to act, then check she is still Ready.
        await Task.Delay(200);
        var state = await agent.StateAsync();
        Assert.Equal(AgentStatus.Ready, state.Status);
        Assert.True(state.DeviceAvailable);
    }

    [Fact]
    public async Task A_toolbar_closed_during_the_session_still_ends_in_device_unavailable_when_she_logged_in_before_it()
    {
        var (clock, host, session, agent) = await Agent1Async();
        using var _ = host;
        await agent.LoginReadyAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        await ToolbarOpenedAndClosedAsync(host, session);
        await LostAfterTheGraceAsync(clock, agent);
    }

    [Fact]
    public async Task A_toolbar_closed_while_its_connection_is_being_set_up_still_starts_the_grace_period()
    {
        // The hub's OnConnectedAsync runs after the handshake the client waits for: a toolbar closed at once (a tab shut,
        // a browser crash) cancels its set-up, and SignalR then never calls OnDisconnectedAsync. Seen once in CI, by chance;
        // here the set-up waits until the connection is closed.
        var (clock, host, session, agent) = await Agent1Async(s => s.Configure<HubOptions>(o => o.AddFilter(new SetUpOnceClosed())));
        using var _ = host;
        await agent.LoginReadyAsync();
        await ToolbarOpenedAndClosedAsync(host, session);
        await LostAfterTheGraceAsync(clock, agent);

        await using var again = await TestHub.ConnectAsync(host.Server, session.AccessToken); // counted once: back to Ready
        await WaitUntil(agent, a => a.Status == AgentStatus.Ready, "Ready again once the toolbar is back");
    }

    /// <summary>A toolbar opens and closes at once; the server has started the grace period.</summary>
    private static async Task ToolbarOpenedAndClosedAsync(CtiApiFactory host, Application.Auth.SessionResponse session)
    {
        var hub = await TestHub.ConnectAsync(host.Server, session.AccessToken);
        await hub.DisposeAsync();
        await GraceStarted(host, session);
    }

    /// <summary>Past the grace period (20 s) she is Not Ready "Device unavailable".</summary>
    private static async Task LostAfterTheGraceAsync(ManualTimeProvider clock, HttpClient agent)
    {
        clock.Advance(TimeSpan.FromSeconds(21));
        var lost = await WaitUntil(agent, a => a.Status == AgentStatus.NotReady, "Not Ready after the grace period");
        Assert.Equal(SystemReasons.DeviceUnavailable, lost.Reason);
    }

    /// <summary>Holds the first hub connection's set-up until the client has closed it (at most 10 s).</summary>
    private sealed class SetUpOnceClosed : IHubFilter
    {
        private int _held;

        public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            if (Interlocked.Exchange(ref _held, 1) == 0)
                try { await Task.Delay(TimeSpan.FromSeconds(10), context.Context.ConnectionAborted); }
            catch (OperationCanceledException) { }
            await next(context);
        }
    }

    /// <summary>A host on a manual clock, and agent1 signed in (her session and her API client); the caller disposes the host.</summary>
    private static async Task<(ManualTimeProvider Clock, CtiApiFactory Host, Application.Auth.SessionResponse Session, HttpClient Agent)> Agent1Async(
        Action<IServiceCollection>? services = null)
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var host = new CtiApiFactory(clock: clock) { MoreServices = services };
        return (clock, host, await host.LoginAsync("demo", "agent1"), await host.ClientForAsync("demo", "agent1"));
    }

    /// <summary>
    /// The server handles a closed connection asynchronously: wait until its grace period has started (up to 15 s: in
    /// the whole suite under load, 5 s were once not enough).
    /// </summary>
    private static async Task GraceStarted(CtiApiFactory host, Application.Auth.SessionResponse session)
    {
        var presence = host.Services.GetRequiredService<ToolbarPresence>();
        for (var i = 0; i < 750 && !presence.InGracePeriod(session.User.TenantId, session.User.UserId); i++) await Task.Delay(20);
        Assert.True(presence.InGracePeriod(session.User.TenantId, session.User.UserId), "the closed toolbar was never noticed");
    }

    /// <summary>Polls the agent's state until it matches.</summary>
    private static async Task<Application.Events.AgentView> WaitUntil(HttpClient agent, Func<Application.Events.AgentView, bool> condition, string what)
    {
        for (var i = 0; i < 100; i++)
        {
            var state = await agent.StateAsync();
            if (condition(state)) return state;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException("not reached: " + what);
    }
}
