using CtiBridge.Application.Supervision.Monitoring;

namespace CtiBridge.Api.Supervision;

/// <summary>Supervision: monitoring sessions (silent monitor, whisper, barge, take over) and their audit entries.</summary>
public static class SupervisionComposition
{
    public static IServiceCollection AddCtiSupervision(this IServiceCollection services)
    {
        services.AddSingleton<IMonitoringAuditLog, DatabaseMonitoringAuditLog>();
        services.AddSingleton<MonitoringService>();
        return services;
    }
}
