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
        services.AddScoped<SupervisorDevices>();
        services.AddSingleton<GroupDayFigures>();
        services.AddHostedService<GroupDayFiguresHostedService>();
        services.AddScoped<Application.Supervision.Wallboards.WallboardKeys>();
        services.AddSingleton<Wallboards.WallboardConnections>();
        return services;
    }

    /// <summary>The wall screens' hub at <c>/hubs/wallboard</c> (a wallboard key, no sign-in) and its statistics relay.</summary>
    public static WebApplication MapCtiWallboard(this WebApplication app)
    {
        app.MapHub<Wallboards.WallboardHub>("/hubs/wallboard").AllowAnonymous();
        app.Services.GetRequiredService<Events.AgentEventStreams>().AddObserver(app.Services.GetRequiredService<Wallboards.WallboardConnections>());
        return app;
    }
}
