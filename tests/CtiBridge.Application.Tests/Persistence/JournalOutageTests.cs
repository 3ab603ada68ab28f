using CtiBridge.Application.Persistence;
using CtiBridge.Application.Tests.CallCenter;
using CtiBridge.Domain.Agents;
using Microsoft.EntityFrameworkCore;
using CtiBridge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Application.Tests.Persistence;

/// <summary>
/// The database goes away for a while (stopped, network down) while the call center keeps journaling: the journal keeps
/// everything in memory, says it waits (readiness reports it degraded), and writes it all once the database answers —
/// nothing is lost, and nothing is counted failed.
/// </summary>
public sealed class JournalOutageTests
{
    private static AgentStateChange Change(int i) => new(Harness.Tenant, Harness.Ann, DateTimeOffset.UnixEpoch.AddMinutes(i),
        AgentStatus.Ready, AgentStatus.NotReady, "Break", default, AgentTrigger.NotReady, null);

    [Fact]
    public async Task What_is_journaled_while_the_database_is_unreachable_is_written_once_it_answers_and_nothing_is_lost()
    {
        var outage = new DatabaseOutage();
        await using var database = await SessionDatabase.CreateAsync(outage);
        var journal = new DatabaseJournal(database.Scopes, NullLogger<DatabaseJournal>.Instance);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => journal.RunAsync(stop.Token));

        journal.AgentStateChanged(Change(0));
        await journal.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));
        outage.Down = true;
        for (var i = 1; i <= 50; i++) journal.AgentStateChanged(Change(i));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (journal.WaitingForDatabaseSince is null && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.NotNull(journal.WaitingForDatabaseSince);
        for (var i = 51; i <= 100; i++) journal.AgentStateChanged(Change(i)); // the engine never waits meanwhile
        Assert.True(journal.Backlog >= 50, $"backlog {journal.Backlog}");

        outage.Down = false;
        await journal.FlushAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Null(journal.WaitingForDatabaseSince);
        Assert.Equal(0, journal.Failed);
        var stored = 0;
        await database.WithAsync(async db => stored = await db.AgentStateChanges.CountAsync());
        Assert.Equal(101, stored);
        await stop.CancelAsync();
        await writer;
    }

    [Fact]
    public async Task At_shutdown_an_unreachable_database_is_waited_for_a_bounded_time_then_given_up_and_counted()
    {
        var outage = new DatabaseOutage();
        await using var database = await SessionDatabase.CreateAsync(outage);
        var journal = new DatabaseJournal(database.Scopes, NullLogger<DatabaseJournal>.Instance, shutdownWait: TimeSpan.FromSeconds(1));
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() => journal.RunAsync(stop.Token));
        outage.Down = true;
        journal.AgentStateChanged(Change(1));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (journal.WaitingForDatabaseSince is null && DateTime.UtcNow < deadline) await Task.Delay(20);

        await stop.CancelAsync();
        await writer.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(1, journal.Failed);
    }
}
