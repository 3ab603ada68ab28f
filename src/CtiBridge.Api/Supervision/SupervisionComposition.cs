using CtiBridge.Application.Supervision.Dashboard;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Application.Supervision.Queues;

namespace CtiBridge.Api.Supervision;

/// <summary>Supervision: monitoring sessions and their audit entries, the skill groups' figures of the day, acting on waiting calls.</summary>
public static class SupervisionComposition
{
    public static IServiceCollection AddCtiSupervision(this IServiceCollection services)
    {
        services.AddSingleton<IMonitoringAuditLog, DatabaseMonitoringAuditLog>();
        services.AddSingleton<MonitoringService>();
        services.AddSingleton<GroupDayFigures>();
        services.AddHostedService<GroupDayFiguresHostedService>();
        return services;
    }
}
