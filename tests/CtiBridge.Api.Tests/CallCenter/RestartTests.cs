using System.Net.Http.Json;
using CtiBridge.Api.Hubs;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>
/// The service stopped (as a deploy stops it) and started again over the same database: the agents who were logged in
/// are logged in again as they were, before anything else happens (docs/architecture.md, restart safety).
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-restart-" + Guid.NewGuid().ToString("N")[..12]);

    public RestartTests() => Directory.CreateDirectory(_dir);

    private Dictionary<string, string?> SameDatabase => new() { ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dir, "cti.db")}" };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task After_a_restart_agents_are_logged_in_as_they_were_and_the_next_call_rings_the_ready_one()
    {
        using (var before = new CtiApiFactory(SameDatabase))
        {
            await (await before.ClientForAsync("demo", "agent1")).LoginReadyAsync();
            var agent2 = await before.ClientForAsync("demo", "agent2");
            await agent2.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Lunch" }).OkAsync(System.Net.HttpStatusCode.OK);
            var agent3 = await before.ClientForAsync("demo", "agent3");
            await agent3.LoginReadyAsync();
            await agent3.PostAsync("/api/v1/agent/logout").OkAsync(System.Net.HttpStatusCode.OK);
        } // stopped: no flush asked for, the journal writes what is left as the host stops

        using var after = new CtiApiFactory(SameDatabase);
        var agent1 = await after.ClientForAsync("demo", "agent1");
        Assert.Equal(AgentStatus.Ready, (await agent1.StateAsync()).Status);
        var lunch = await (await after.ClientForAsync("demo", "agent2")).StateAsync();
        Assert.Equal((AgentStatus.NotReady, "Lunch"), (lunch.Status, lunch.Reason));
        Assert.Equal(AgentStatus.LoggedOut, (await (await after.ClientForAsync("demo", "agent3")).StateAsync()).Status);

        await agent1.PlaceCallAsync("Sales");
        await agent1.WaitForCallAsync(c => c.State == CallState.Ringing);
    }

    [Fact]
    public async Task A_web_agent_logged_in_again_whose_toolbar_does_not_come_back_goes_not_ready_device_unavailable()
    {
        using (var before = new CtiApiFactory(SameDatabase))
        {
            await (await before.ClientForAsync("demo", "agent1")).LoginReadyAsync();
            await (await before.ClientForAsync("demo", "agent3")).LoginReadyAsync();
        }

        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var after = new CtiApiFactory(SameDatabase, clock);
        var gone = await after.ClientForAsync("demo", "agent1");
        var back = await after.LoginAsync("demo", "agent3");
        var presence = after.Services.GetRequiredService<ToolbarPresence>();
        Assert.True(presence.InGracePeriod(back.User.TenantId, back.User.UserId)); // no toolbar connected to this process yet
        await using var toolbar = await TestHub.ConnectAsync(after.Server, back.AccessToken);
        for (var i = 0; i < 250 && presence.InGracePeriod(back.User.TenantId, back.User.UserId); i++) await Task.Delay(20);

        clock.Advance(TimeSpan.FromSeconds(21));

        AgentView lost = null!;
        for (var i = 0; i < 100 && (lost = await gone.StateAsync()).Status != AgentStatus.NotReady; i++) await Task.Delay(20);
        Assert.Equal((AgentStatus.NotReady, SystemReasons.DeviceUnavailable), (lost.Status, lost.Reason));
        var agent3 = await after.ClientForAsync("demo", "agent3");
        Assert.Equal(AgentStatus.Ready, (await agent3.StateAsync()).Status);
    }
}
