using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.Dispositions;

public static class DispositionsServiceCollectionExtensions
{
    /// <summary>Disposition codes: their administration, the check of a chosen code, agents' notes on calls.</summary>
    public static IServiceCollection AddCtiDispositions(this IServiceCollection services)
    {
        services.AddScoped<DispositionsAdmin>();
        services.AddScoped<DispositionCodes>();
        services.AddScoped<AgentCallNotes>();
        return services;
    }
}
