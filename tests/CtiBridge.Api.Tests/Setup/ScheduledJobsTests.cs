using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Data.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CtiBridge.Api.Tests.Setup;

/// <summary>
/// The service as it runs (Program) schedules its jobs in the database's job store at start, and the housekeeping job
/// does its work when it fires there: expired refresh tokens go, live ones stay.
/// </summary>
public class ScheduledJobsTests
{
    [Fact]
    public async Task The_service_schedules_its_jobs_and_the_refresh_token_purge_runs_in_it()
    {
        using var host = new CtiApiFactory();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var purge = new JobKey("purge-expired-refresh-tokens", ScheduledJob.Group);
        for (var i = 0; i < 200 && await scheduler.GetTrigger(new TriggerKey(purge.Name, ScheduledJob.Group)) is null; i++) await Task.Delay(50);

        var jobs = (await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(ScheduledJob.Group), Take = PagedQuery.All })).Items
            .Select(j => j.Key.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["callback-reminders", "dial-task-windows", "purge-expired-audit-entries", "purge-expired-recordings", "purge-expired-refresh-tokens"], jobs);
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(purge.Name, ScheduledJob.Group)));
        Assert.Equal("0 15 3 * * ?", trigger.CronExpressionString);
        var next = trigger.NextFireTimeUtc;
        Assert.NotNull(next);
        Assert.Equal((3, 15), (next.Value.UtcDateTime.Hour, next.Value.UtcDateTime.Minute));

        // Two sign-ins: the first one's refresh token has expired, the second's is live.
        var expired = (await host.LoginAsync("demo", "agent1")).RefreshToken;
        await host.DbAsync(db => db.ScopeToSystem().RefreshTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1))));
        var live = (await host.LoginAsync("demo", "agent2")).RefreshToken;
        Assert.Equal(2, await host.DbAsync(db => db.ScopeToSystem().RefreshTokens.CountAsync()));

        await scheduler.TriggerJob(purge); // as at 03:15 UTC
        for (var i = 0; i < 200 && await host.DbAsync(db => db.ScopeToSystem().RefreshTokens.CountAsync()) > 1; i++) await Task.Delay(50);

        var left = await host.DbAsync(db => db.ScopeToSystem().RefreshTokens.Select(t => t.ExpiresAt).ToListAsync());
        Assert.True(Assert.Single(left) > DateTimeOffset.UtcNow);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await host.CreateClient().PostAsync("/api/v1/session/refresh",
            System.Net.Http.Json.JsonContent.Create(new { refreshToken = expired }))).StatusCode);
        Assert.NotNull(live);
    }
}
