using Microsoft.Extensions.Configuration;

namespace CtiBridge.Application.Common;

/// <summary>Which world the service runs in.</summary>
public static class CtiMode
{
    /// <summary>
    /// Sandbox mode (in-process Simulator, seeded demo tenant): <c>Sandbox:Enabled</c> when set,
    /// otherwise on exactly when no Asterisk is configured (<c>Asterisk:Ari:BaseUrl</c> empty).
    /// </summary>
    public static bool IsSandbox(IConfiguration configuration)
    {
        var explicitValue = configuration["Sandbox:Enabled"];
        if (bool.TryParse(explicitValue, out var enabled)) return enabled;
        return string.IsNullOrWhiteSpace(configuration["Asterisk:Ari:BaseUrl"]);
    }
}
