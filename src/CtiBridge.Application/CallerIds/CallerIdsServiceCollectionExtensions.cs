using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.CallerIds;

public static class CallerIdsServiceCollectionExtensions
{
    /// <summary>Outbound caller IDs: their administration and which ones an agent may present.</summary>
    public static IServiceCollection AddCtiCallerIds(this IServiceCollection services)
    {
        services.AddScoped<CallerIdsAdmin>();
        services.AddScoped<CallerIdPolicy>();
        return services;
    }
}
