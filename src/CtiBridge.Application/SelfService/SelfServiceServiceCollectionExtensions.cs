using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.SelfService;

public static class SelfServiceServiceCollectionExtensions
{
    /// <summary>Self-service flows: their administration (the call center reads them with the tenant's configuration).</summary>
    public static IServiceCollection AddCtiSelfService(this IServiceCollection services)
    {
        services.AddScoped<SelfServiceFlowsAdmin>();
        return services;
    }
}
