using System.Collections.Concurrent;
using System.Net.Http.Json;
using CtiBridge.Api.Events;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Callbacks;
using CtiBridge.Application.Events;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Callbacks;

/// <summary>
/// The reminder job on the real scheduler (Quartz on the product's database): a callback that fell due while the
/// service was down fires on start, once, even when two hosts start on the same database.
/// </summary>
public sealed class CallbackRestartTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-cbrestart-" + Guid.NewGuid().ToString("N")[..12]);

    public CallbackRestartTests() => Directory.CreateDirectory(_dir);

    private Dictionary<string, string?> SameDatabase => new() { ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dir, "cti.db")}" };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Every event the host's use cases publish, recorded before the event streams get it (from the very start of the host).</summary>
    private sealed class RecordingSink(ICallCenterEventSink inner, ConcurrentQueue<(string Host, CallCenterEvent Event)> seen, string host) : ICallCenterEventSink
    {
        public void Publish(CallCenterEvent e)
        {
            seen.Enqueue((host, e));
            inner.Publish(e);
        }
    }

    private static WebApplicationFactory<Program> Recording(CtiApiFactory factory, ConcurrentQueue<(string, CallCenterEvent)> seen, string name) =>
        factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<ICallCenterEventSink>(sp => new RecordingSink(sp.GetRequiredService<AgentEventStreams>(), seen, name))));

    [Fact]
    public async Task A_callback_due_while_the_service_was_down_fires_once_on_start_with_two_hosts_on_its_database()
    {
        Guid id;
        DateTimeOffset dueAt;
        using (var before = new CtiApiFactory(SameDatabase))
        {
            var agent1 = await before.ClientForAsync("demo", "agent1");
            dueAt = DateTimeOffset.UtcNow.AddSeconds(2);
            var cb = await (await agent1.PostAsJsonAsync("/api/v1/callbacks", new { number = "+4930555123", dueAt })).ReadAsync<CallbackView>();
            id = cb.Id;
        } // stopped before it is due

        var wait = dueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        var seen = new ConcurrentQueue<(string Host, CallCenterEvent Event)>();
        using var factoryA = new CtiApiFactory(SameDatabase);
        using var factoryB = new CtiApiFactory(SameDatabase);
        var nodeA = Recording(factoryA, seen, "A");
        var nodeB = Recording(factoryB, seen, "B");
        await Task.WhenAll(Task.Run(() => nodeA.Services), Task.Run(() => nodeB.Services)); // both start at once

        // The reminder goes out within a few runs of the 5-second job; then both nodes keep running for two more periods.
        DateTimeOffset? sentAt = null;
        for (var i = 0; i < 150 && sentAt is null; i++)
        {
            await Task.Delay(100);
            await using var scope = nodeA.Services.CreateAsyncScope(); // (factoryA itself would start a third host)
            sentAt = scope.ServiceProvider.GetRequiredService<CtiBridge.Data.CtiDbContext>().ScopeToSystem().Callbacks.Single(c => c.Id == id).ReminderSentAt;
        }
        Assert.NotNull(sentAt);
        Assert.True(sentAt >= dueAt, $"reminded at {sentAt:O}, due at {dueAt:O}");
        await Task.Delay(TimeSpan.FromSeconds(11));

        var reminders = seen.Where(s => s.Event is CallbackDueEvent d && d.Callback.Id == id).ToList();
        Assert.True(reminders.Count == 1, string.Join("; ", seen.Select(s => $"{s.Host}:{s.Event.Name}")));
        // The agent was not logged in: escalated once, too.
        Assert.Single(seen, s => s.Event is CallbackEscalatedEvent e && e.Callback.Id == id && e.Reason == CallbackEscalationReason.AgentOffline);
    }
}
