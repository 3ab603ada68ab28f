using CtiBridge.Data.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.Callbacks;

public static class CallbacksServiceCollectionExtensions
{
    /// <summary>Callbacks: the use cases, the reminders and the Quartz job that runs them.</summary>
    public static IServiceCollection AddCtiCallbacksModel(this IServiceCollection services)
    {
        services.AddScoped<CallbackPlanner>();
        services.AddScoped<CallbackNotifier>();
        services.AddScoped<CallbackReminders>();
        services.AddScheduledJob<CallbackReminderJob>(CallbackReminderJob.Name, CallbackReminderJob.Cron,
            "Sends the reminders of due callbacks and escalates those nobody acted on.");
        return services;
    }
}
