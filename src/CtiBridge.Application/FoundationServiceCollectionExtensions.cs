using CtiBridge.Application.Admin;
using CtiBridge.Application.Auth;
using CtiBridge.Application.Common;
using CtiBridge.Application.Provisioning;
using CtiBridge.Application.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Application;

/// <summary>Registration of the foundation use cases: auth, administration, validation, seeding.</summary>
public static class FoundationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AuthService"/>, the admin use cases, <see cref="IInputValidator"/> with every
    /// validator of this assembly, <see cref="PasswordHasher"/>, <see cref="DemoTenantSeeder"/>,
    /// <see cref="AuthOptions"/> (section <c>Auth</c>) and <see cref="TimeProvider.System"/> (unless one is registered).
    /// The host must register an <see cref="IAccessTokenIssuer"/>.
    /// </summary>
    public static IServiceCollection AddCtiFoundation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatorsFrom(typeof(FoundationServiceCollectionExtensions).Assembly);
        services.TryAddSingleton<IInputValidator, InputValidator>();
        services.AddSingleton<PasswordHasher>();
        services.AddScoped<AuthService>();
        services.AddScoped<TenantsAdmin>();
        services.AddScoped<UsersAdmin>();
        services.AddScoped<TeamsAdmin>();
        services.AddScoped<SkillGroupsAdmin>();
        services.AddScoped<PauseReasonsAdmin>();
        services.AddScoped<BlocklistAdmin>();
        services.AddScoped<PhonesAdmin>();
        services.AddScoped<Provisioning.PhoneCredentials>();
        services.AddScoped<Provisioning.ProvisionedEndpointsCheck>();
        services.AddScoped<TenantEndpoints>();
        services.TryAddSingleton<IEndpointProvisioner>(NoEndpointProvisioner.Instance); // the Asterisk adapter registers the real one
        services.AddScoped<DemoTenantSeeder>();
        return services;
    }
}
