using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CtiBridge.Data.Housekeeping;

/// <summary>
/// Daily: deletes refresh tokens (signed-in sessions of the toolbar and the API) that expired, in every tenant.
/// An expired token can no longer be exchanged, so nothing reads it again; without this the table only grows.
/// </summary>
public sealed class ExpiredRefreshTokenPurgeJob(CtiDbContext db, IServiceProvider services, ILogger<ExpiredRefreshTokenPurgeJob> log) : IJob
{
    public const string Name = "purge-expired-refresh-tokens";
    /// <summary>03:15 UTC every day.</summary>
    public const string Cron = "0 15 3 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var deleted = await PurgeAsync(db, now, ct);
        log.LogInformation("Purged {Count} expired refresh tokens", deleted);
    }

    /// <summary>Deletes the refresh tokens of every tenant that expired before <paramref name="now"/>.</summary>
    public static Task<int> PurgeAsync(CtiDbContext db, DateTimeOffset now, CancellationToken ct = default) =>
        db.ScopeToSystem().RefreshTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(ct);
}
