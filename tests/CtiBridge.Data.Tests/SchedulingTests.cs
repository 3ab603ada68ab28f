using System.Collections.Concurrent;
using CtiBridge.Data.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CtiBridge.Data.Tests;

/// <summary>
/// The scheduler on the product's database, as the service runs it (a host with AddCtiData + AddCtiScheduling):
/// a job survives a restart and fires once, a firing missed while the service was down fires once on start, and
/// two clustered nodes on one PostgreSQL share 500 triggers due in the same second, each fired exactly once.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class SchedulingTests(PostgresServer postgres)
{
    /// <summary>Every firing of the test jobs: trigger name → scheduler instance ids that fired it.</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Instance, DateTimeOffset At)>> Fired = new();

    public sealed class RecordingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
        {
            Fired.GetOrAdd(context.Trigger.Key.Name, _ => new()).Enqueue((context.Scheduler.SchedulerInstanceId, DateTimeOffset.UtcNow));
            return ValueTask.CompletedTask;
        }
    }

    private static IHost Service(TestDatabase database, string instanceId, Action<IServiceCollection>? jobs = null, int misfireSeconds = 60, bool autoStart = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.Options.ConnectionString,
            ["Scheduling:InstanceId"] = instanceId,
            ["Scheduling:MisfireThreshold"] = TimeSpan.FromSeconds(misfireSeconds).ToString(),
            ["Scheduling:ClusterCheckinInterval"] = "00:00:02",
            ["Scheduling:MaxConcurrency"] = "10",
            ["Scheduling:MaxBatchSize"] = "10",
            ["Scheduling:Enabled"] = autoStart ? "true" : "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCtiData(builder.Configuration);
        builder.Services.AddCtiScheduling(builder.Configuration);
        jobs?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>A daily cron (UTC) whose next firing is <paramref name="at"/> (to the second).</summary>
    private static string DailyAt(DateTimeOffset at) => $"{at.Second} {at.Minute} {at.Hour} * * ?";

    private static DateTimeOffset WholeSecondsFromNow(int seconds)
    {
        var t = DateTimeOffset.UtcNow.AddSeconds(seconds);
        return t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));
    }

    private static async Task WaitUntilAsync(DateTimeOffset at)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }

    private static int Count(string name) => Fired.TryGetValue(name, out var q) ? q.Count : 0;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_job_scheduled_before_a_restart_fires_once_after_it(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var name = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var due = WholeSecondsFromNow(8);
        void Jobs(IServiceCollection s) => s.AddScheduledJob<RecordingJob>(name, DailyAt(due), "test");

        using (var first = Service(database, "node-a", Jobs))
        {
            await first.StartAsync();
            var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var trigger = await scheduler.GetTrigger(new TriggerKey(name, ScheduledJob.Group));
            Assert.Equal(due, trigger!.NextFireTimeUtc);
            await first.StopAsync();
        }
        Assert.Equal(0, Count(name));

        using var second = Service(database, "node-a", Jobs);
        await second.StartAsync();
        await WaitUntilAsync(due.AddSeconds(4));
        await second.StopAsync();
        Assert.Equal(1, Count(name));
        Assert.True(Fired[name].Single().At >= due.AddMilliseconds(-50), "fired before it was due");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_firing_missed_while_the_service_was_down_fires_once_on_start(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        var name = "misfire-" + Guid.NewGuid().ToString("N")[..8];
        var due = WholeSecondsFromNow(4);
        void Jobs(IServiceCollection s) => s.AddScheduledJob<RecordingJob>(name, DailyAt(due), "test");

        using (var first = Service(database, "node-a", Jobs, misfireSeconds: 1))
        {
            await first.StartAsync();
            await first.StopAsync();
        }
        // Down over the due time and past the misfire threshold.
        await WaitUntilAsync(due.AddSeconds(3));
        Assert.Equal(0, Count(name));

        using var second = Service(database, "node-a", Jobs, misfireSeconds: 1);
        var started = DateTimeOffset.UtcNow;
        await second.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Count(name) == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        await Task.Delay(2000); // a second firing would show here
        await second.StopAsync();
        Assert.Equal(1, Count(name));
        Assert.True(Fired[name].Single().At >= started, "the missed firing ran on start");
    }

    [Theory]
    [PostgresData]
    public async Task Two_clustered_nodes_fire_each_of_500_triggers_due_in_one_second_exactly_once(DatabaseProvider provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.MigrateAsync();
        // Both nodes up but in standby while the 500 triggers are stored (that takes seconds on a busy machine),
        // all due in the same second; then both start and compete for them (late by less than the misfire threshold).
        using var nodeA = Service(database, "node-a", autoStart: false);
        using var nodeB = Service(database, "node-b", autoStart: false);
        await nodeA.StartAsync();
        await nodeB.StartAsync();

        var prefix = "burst-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var scheduler = await nodeA.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedulerB = await nodeB.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create<RecordingJob>().WithIdentity(prefix + "job", "test").StoreDurably().Build();
        var due = WholeSecondsFromNow(2);
        var triggers = Enumerable.Range(0, 500)
            .Select(i => TriggerBuilder.Create(TimeProvider.System).WithIdentity(prefix + i, "test").ForJob(job.Key).StartAt(due).Build())
            .ToList();
        await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing);
        await WaitUntilAsync(due);
        await Task.WhenAll(scheduler.Start().AsTask(), schedulerB.Start().AsTask());

        var names = triggers.Select(t => t.Key.Name).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (names.Any(n => Count(n) == 0) && DateTime.UtcNow < deadline) await Task.Delay(200);
        await Task.Delay(2000); // duplicates would show here
        await Task.WhenAll(nodeA.StopAsync(), nodeB.StopAsync());

        var counts = names.Select(Count).ToList();
        Assert.True(counts.All(c => c == 1),
            $"not fired exactly once: {counts.Count(c => c == 0)} never, {counts.Count(c => c > 1)} more than once");
        var byNode = names.SelectMany(n => Fired[n]).GroupBy(f => f.Instance).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byNode.GetValueOrDefault("node-a") > 0 && byNode.GetValueOrDefault("node-b") > 0,
            "both nodes fired some: " + string.Join(", ", byNode.Select(kv => $"{kv.Key}={kv.Value}")));
    }
}
