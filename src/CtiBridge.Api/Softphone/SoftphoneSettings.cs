using CtiBridge.Api.CallCenter;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Application.Provisioning;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Api.Softphone;

/// <summary>
/// Builds a browser softphone's registration settings for a web extension: the PBX's WSS URL
/// (<c>Softphone:WebSocketUrl</c>, or the tenant's server's <c>SoftphoneWebSocketUrl</c>), the SIP address and the endpoint's provisioned credentials. One place for the agent
/// toolbar's softphone and the supervisor desk's.
/// </summary>
public sealed class SoftphoneSettings(IEndpointProvisioner provisioner, IConfiguration configuration, CallCenterService centers, IServiceProvider services)
{
    /// <summary>The settings, or <c>softphone_not_available</c> (404) when there is no browser softphone to give.</summary>
    public async Task<SoftphoneSettingsView> ForAsync(string tenantDomain, string? extension, ExtensionKind kind, string displayName, CancellationToken ct)
    {
        // A tenant placed on another Asterisk server registers there (Asterisk:Servers:<name>:SoftphoneWebSocketUrl).
        var server = centers.FindTenant(tenantDomain) is { } center ? centers.ServerOf(center.TenantId) : PbxServers.DefaultName;
        var onDefault = PbxServers.IsDefault(server);
        var wsUri = onDefault ? configuration["Softphone:WebSocketUrl"] : services.GetService<AsteriskServers>()?.Find(server)?.SoftphoneWebSocketUrl;
        if (kind != ExtensionKind.Web || string.IsNullOrWhiteSpace(extension) || string.IsNullOrEmpty(wsUri) || !provisioner.IsActive)
            throw new CtiException(ErrorCodes.SoftphoneNotAvailable,
                "No browser softphone here: it needs a web extension, a configured Softphone:WebSocketUrl and a provisioned endpoint.", ErrorKind.NotFound);
        var endpoint = TenantEndpoints.ForAgent(tenantDomain, extension);
        var credentials = await provisioner.GetCredentialsAsync(tenantDomain, endpoint, ct)
            ?? throw new CtiException(ErrorCodes.SoftphoneNotAvailable, "The extension's endpoint is not provisioned on the PBX.", ErrorKind.NotFound);
        var sipDomain = (onDefault ? configuration["Softphone:SipDomain"] : null) ?? new Uri(wsUri).Host;
        var ice = configuration.GetSection("Softphone:IceServers").Get<string[]>() ?? [];
        return new SoftphoneSettingsView(wsUri, $"sip:{credentials.Username}@{sipDomain}", credentials.Username,
            credentials.Password, displayName, ice);
    }
}
