using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CtiBridge.Data.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Days an audit entry is kept (default 365); 0 keeps entries forever.</summary>
    public int RetentionDays { get; set; } = 365;

    public static AuditOptions From(IConfiguration configuration)
    {
        var o = new AuditOptions();
        configuration.GetSection(Section).Bind(o);
        if (o.RetentionDays < 0) throw new InvalidOperationException("Audit:RetentionDays must be 0 (keep forever) or more.");
        return o;
    }
}

/// <summary>Daily: deletes audit entries older than <c>Audit:RetentionDays</c>, in every tenant.</summary>
public sealed class AuditRetentionJob(CtiDbContext db, AuditOptions options, IServiceProvider services, ILogger<AuditRetentionJob> log) : IJob
{
    public const string Name = "purge-expired-audit-entries";
    /// <summary>03:30 UTC every day.</summary>
    public const string Cron = "0 30 3 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        if (options.RetentionDays == 0) return;
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var deleted = await PurgeAsync(db, now - TimeSpan.FromDays(options.RetentionDays), ct);
        log.LogInformation("Purged {Count} audit entries older than {Days} days", deleted, options.RetentionDays);
    }

    /// <summary>Deletes the audit entries of every tenant written before <paramref name="cutoff"/>.</summary>
    public static Task<int> PurgeAsync(CtiDbContext db, DateTimeOffset cutoff, CancellationToken ct = default) =>
        db.ScopeToSystem().AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
}
