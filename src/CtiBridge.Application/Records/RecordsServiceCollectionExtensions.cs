using CtiBridge.Data.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.Records;

public static class RecordsServiceCollectionExtensions
{
    /// <summary>The call records read model, recordings, CSV export, reports and the daily retention purge.</summary>
    public static IServiceCollection AddCtiRecordsModel(this IServiceCollection services)
    {
        services.AddScoped<CallRecordSearch>();
        services.AddScoped<RecordingLibrary>();
        services.AddSingleton<RecordingPlays>();
        services.AddScoped<CallRecordCsv>();
        services.AddScoped<Reports.ReportService>();
        services.AddScheduledJob<RecordingRetentionJob>(RecordingRetentionJob.Name, RecordingRetentionJob.Cron,
            "Deletes recordings and call records past each tenant's retention (legal holds kept).");
        return services;
    }
}
