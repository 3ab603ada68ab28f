using CtiBridge.Data.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.DialTasks;

public static class DialTasksServiceCollectionExtensions
{
    /// <summary>Dial tasks: the supervisor's and the agent's use cases, the outcomes of calls, and the Quartz job of windows and retries.</summary>
    public static IServiceCollection AddCtiDialTasksModel(this IServiceCollection services)
    {
        services.AddScoped<DialTaskViews>();
        services.AddScoped<DialTaskPlanner>();
        services.AddScoped<DialTaskDesk>();
        services.AddScoped<DialTaskOutcomes>();
        services.AddScoped<DialTaskWindows>();
        services.AddScheduledJob<DialTaskJob>(DialTaskJob.Name, DialTaskJob.Cron,
            "Opens and closes dial task windows, completes finished tasks, settles busy and unanswered calls (retries) and releases abandoned contacts.");
        return services;
    }
}
