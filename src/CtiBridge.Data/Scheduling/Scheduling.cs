using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Impl.AdoJobStore;

namespace CtiBridge.Data.Scheduling;

/// <summary>Configuration section <c>Scheduling</c>: the Quartz.NET scheduler of scheduled jobs (docs/deployment.md).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run scheduled jobs on this node (default true). Off: the node fires nothing; other nodes still do.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This node's id in the cluster; default: generated (host name + time).</summary>
    public string? InstanceId { get; set; }

    /// <summary>How many jobs run at once on this node (default 4).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How late a trigger may fire before it counts as misfired and its misfire rule applies (default 60 s).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a clustered node checks in; a node silent for longer is taken as dead and its jobs recovered.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>How many due triggers a node takes at once (default 10).</summary>
    public int MaxBatchSize { get; set; } = 10;

    public static SchedulingOptions From(IConfiguration configuration)
    {
        var o = new SchedulingOptions();
        configuration.GetSection(Section).Bind(o);
        return o;
    }
}

/// <summary>
/// A job fired on a schedule, registered by a capability with
/// <see cref="SchedulingServiceCollectionExtensions.AddScheduledJob{TJob}"/>.
/// </summary>
/// <param name="Name">Unique job name, e.g. <c>purge-expired-refresh-tokens</c> (also the trigger's name).</param>
/// <param name="JobType">The <see cref="IJob"/>; made per firing from a DI scope.</param>
/// <param name="CronExpression">Quartz cron expression (seconds first), evaluated in UTC.</param>
/// <param name="Description">What the job does, for logs and operators.</param>
public sealed record ScheduledJob(string Name, Type JobType, string CronExpression, string Description)
{
    /// <summary>The group every CtiBridge job and trigger is stored under.</summary>
    public const string Group = "ctibridge";

    public JobKey JobKey => new(Name, Group);
    public TriggerKey TriggerKey => new(Name, Group);
}

/// <summary>Registration of the scheduler and of scheduled jobs.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>How long a stop of CtiBridge waits for the scheduler to stop (its running jobs to finish).</summary>
    public static readonly TimeSpan QuartzStopLimit = TimeSpan.FromSeconds(10);

    /// <summary>The scheduler's name: the same on every node, so nodes on one database form one cluster.</summary>
    public const string SchedulerName = "CtiBridge";

    /// <summary>
    /// Quartz.NET with its persistent job store in the product's database (the QRTZ_ tables the schema migrations
    /// create; Quartz validates them at start): SQLite single-node, PostgreSQL and SQL Server clustered (each trigger
    /// fires on one node). Started and stopped with the host. Reads <c>Database</c> and <c>Scheduling</c> when the
    /// scheduler is built (not now), so hosts may add configuration later. Call once; then
    /// <see cref="AddScheduledJob{TJob}"/> per job.
    /// </summary>
    public static IServiceCollection AddCtiScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => SchedulingOptions.From(configuration));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                var s = SchedulingOptions.From(configuration);
                o.InstanceName = SchedulerName;
                if (!string.IsNullOrWhiteSpace(s.InstanceId)) { o.InstanceId = s.InstanceId; o.GenerateInstanceId = false; }
                else o.GenerateInstanceId = true;
                o.MaxBatchSize = Math.Min(s.MaxBatchSize, s.MaxConcurrency); // never take more triggers than threads
            });
            q.UseDefaultThreadPool(t => t.MaxConcurrency = SchedulingOptions.From(configuration).MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                store.UseDataSource(ds =>
                {
                    var db = DatabaseOptions.From(configuration);
                    ds.ConnectionString = db.ConnectionString;
                    ds.Provider = db.Provider switch
                    {
                        DatabaseProvider.Sqlite => DataSourceOptions.Providers.Sqlite,
                        DatabaseProvider.PostgreSql => DataSourceOptions.Providers.Npgsql,
                        _ => DataSourceOptions.Providers.SqlServer,
                    };
                });
                store.UseDriverDelegate(_ => DatabaseOptions.From(configuration).Provider switch
                {
                    DatabaseProvider.Sqlite => new SQLiteDelegate(),
                    DatabaseProvider.PostgreSql => new PostgreSQLDelegate(),
                    _ => (IDriverDelegate)new SqlServerDelegate(),
                });
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = SchemaMigrator.QuartzTablePrefix;
                    o.MisfireThreshold = SchedulingOptions.From(configuration).MisfireThreshold;
                    o.SchemaProvisioning = SchemaProvisioning.Validate; // the schema migrations own the tables
                });
                // SQLite is one node (Quartz refuses to cluster on it); the server databases cluster. Whether to cluster
                // is decided now, from the configuration as it is at registration (everything else is read later).
                if (DatabaseOptions.From(configuration).Provider != DatabaseProvider.Sqlite)
                    store.UseClustering(c => c.CheckinInterval = SchedulingOptions.From(configuration).ClusterCheckinInterval);
            });
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AutoStart = SchedulingOptions.From(configuration).Enabled;
        });
        // Quartz's stop retries its database for as long as it takes: with the database down a stop of CtiBridge hung for
        // minutes. Its stop is bounded; what it leaves (a trigger it held) is recovered by the next start or another node.
        for (var i = 0; i < services.Count; i++)
            if (services[i] is { ServiceType: var type, ImplementationType: { } impl } && type == typeof(IHostedService) && impl.Name == "QuartzHostedService")
                services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => new BoundedStopHostedService(
                    (IHostedService)ActivatorUtilities.CreateInstance(sp, impl), QuartzStopLimit,
                    sp.GetRequiredService<ILogger<BoundedStopHostedService>>(), "the scheduler (Quartz)"));
        services.AddHostedService<ScheduledJobRegistrar>();

        // Housekeeping the data layer owns.
        services.AddSingleton(_ => Audit.AuditOptions.From(configuration));
        services.AddScheduledJob<Housekeeping.ExpiredRefreshTokenPurgeJob>(Housekeeping.ExpiredRefreshTokenPurgeJob.Name,
            Housekeeping.ExpiredRefreshTokenPurgeJob.Cron, "Deletes expired refresh tokens.");
        services.AddScheduledJob<Audit.AuditRetentionJob>(Audit.AuditRetentionJob.Name,
            Audit.AuditRetentionJob.Cron, "Deletes audit entries older than Audit:RetentionDays.");
        return services;
    }

    /// <summary>
    /// Fires <typeparamref name="TJob"/> on <paramref name="cronUtc"/> (Quartz cron, seconds first, UTC), on one node
    /// of the cluster. A firing missed while every node was down runs once at the next start (misfire: fire once and
    /// proceed). The job is made per firing from a DI scope. Example:
    /// <c>services.AddScheduledJob&lt;ExpiredRefreshTokenPurgeJob&gt;("purge-expired-refresh-tokens", "0 15 3 * * ?", "…")</c>.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, string cronUtc, string description)
        where TJob : class, IJob
    {
        if (!CronExpression.TryParse(cronUtc, out _)) throw new ArgumentException($"Not a Quartz cron expression: {cronUtc}", nameof(cronUtc));
        services.AddSingleton(new ScheduledJob(name, typeof(TJob), cronUtc, description));
        services.AddTransient<TJob>();
        return services;
    }
}

/// <summary>
/// Brings the stored jobs and triggers in line with the registered <see cref="ScheduledJob"/>s at start: adds what is
/// missing, replaces a trigger whose schedule changed, removes CtiBridge jobs no longer registered. A trigger whose
/// schedule is unchanged is left alone, so its next fire time (and a misfire while the service was down) survives a
/// restart. Safe when several nodes start together.
/// </summary>
internal sealed class ScheduledJobRegistrar(ISchedulerFactory factory, IEnumerable<ScheduledJob> jobs, ILogger<ScheduledJobRegistrar> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var wanted = jobs.ToList();
        foreach (var job in wanted)
        {
            var existing = await scheduler.GetTrigger(job.TriggerKey, ct) as ICronTrigger;
            if (existing is not null && existing.CronExpressionString == job.CronExpression && existing.TimeZone.Id == TimeZoneInfo.Utc.Id)
                continue;
            var detail = JobBuilder.Create().OfType(job.JobType).WithIdentity(job.JobKey).WithDescription(job.Description)
                .StoreDurably().DisallowConcurrentExecution().Build();
            var trigger = TriggerBuilder.Create(TimeProvider.System).WithIdentity(job.TriggerKey).ForJob(job.JobKey)
                .WithDescription(job.Description)
                .WithSchedule(CronScheduleBuilder.Create(job.CronExpression).InTimeZone(TimeZoneInfo.Utc)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            try
            {
                await scheduler.ScheduleJob(detail, trigger, ScheduleJobOptions.Replacing, ct);
                log.LogInformation("Scheduled job {Job}: {Cron} (UTC)", job.Name, job.CronExpression);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node registered it at the same moment.
            }
        }
        var stale = (await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(ScheduledJob.Group), Take = PagedQuery.All }, ct)).Items
            .Select(h => h.Key).Where(k => wanted.All(w => !w.JobKey.Equals(k))).ToList();
        if (stale.Count > 0)
        {
            await scheduler.DeleteJobs(stale, ct);
            log.LogInformation("Removed scheduled jobs no longer registered: {Jobs}", string.Join(", ", stale));
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// A hosted service whose stop is waited for at most <paramref name="limit"/>: past it the host goes on stopping (and the
/// process ends) while the service's own stop is left to finish or not. For services that retry an unreachable
/// dependency without end when asked to stop.
/// </summary>
public sealed class BoundedStopHostedService(IHostedService inner, TimeSpan limit, ILogger<BoundedStopHostedService> log, string what) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stop = inner.StopAsync(cancellationToken);
        try { await stop.WaitAsync(limit, cancellationToken).ConfigureAwait(false); }
        catch (TimeoutException)
        {
            log.LogWarning("Stopping {What} took longer than {Limit}; the stop goes on without it (is the database reachable?)", what, limit);
        }
    }
}
