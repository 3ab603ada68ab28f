using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Ami;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CtiBridge.Asterisk.Provisioning;

/// <summary>Registration of the Asterisk endpoint provisioner.</summary>
public static class EndpointProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// When <c>Asterisk:Provisioning:IncludeFile</c> is set, registers <see cref="AsteriskEndpointProvisioner"/> as the
    /// <see cref="IEndpointProvisioner"/> (reloading through the AMI client when <c>Asterisk:Ami:Username</c> is set);
    /// otherwise leaves the no-op of the foundation in place.
    /// </summary>
    public static IServiceCollection AddAsteriskEndpointProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EndpointProvisioningOptions.SectionName);
        services.AddOptions<EndpointProvisioningOptions>().Bind(section);
        if (string.IsNullOrWhiteSpace(section["IncludeFile"])) return services;
        services.AddSingleton(sp =>
        {
            var useAmi = sp.GetService<IOptions<AmiOptions>>()?.Value is { Username.Length: > 0 };
            return new AsteriskEndpointProvisioner(sp.GetRequiredService<IOptions<EndpointProvisioningOptions>>().Value,
                useAmi ? sp.GetRequiredService<AmiClient>() : null, sp.GetService<ILogger<AsteriskEndpointProvisioner>>());
        });
        services.AddSingleton<IEndpointProvisioner>(sp => sp.GetRequiredService<AsteriskEndpointProvisioner>());
        return services;
    }
}
