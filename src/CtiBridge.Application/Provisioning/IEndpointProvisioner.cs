namespace CtiBridge.Application.Provisioning;

/// <summary>What kind of SIP device an endpoint is for.</summary>
public enum ProvisionedEndpointKind
{
    /// <summary>The browser softphone of a web agent: WebRTC (WSS, DTLS-SRTP, ICE).</summary>
    Web,
    /// <summary>A desk IP phone or a softphone app (UDP/TCP, plain RTP).</summary>
    Sip,
}

/// <summary>
/// One endpoint CtiBridge wants on the PBX: an agent's extension or a (hot-desk) phone. Its PJSIP name is
/// <c>&lt;tenant&gt;-&lt;extension&gt;</c>, or a phone's stored <see cref="EndpointName"/> (which starts with
/// <c>&lt;tenant&gt;-</c> too: <see cref="TenantEndpoints.Compose"/>). The endpoint belongs to <see cref="Tenant"/>.
/// </summary>
/// <param name="Tenant">The owning tenant's domain (lower case), e.g. <c>acme</c>.</param>
/// <param name="Extension">The extension (digits).</param>
/// <param name="Kind">Web (WebRTC) or plain SIP.</param>
/// <param name="DisplayName">Caller name shown on calls the device makes; null for the extension.</param>
/// <param name="EndpointName">The phone's stored endpoint name (phones only); null for <c>&lt;tenant&gt;-&lt;extension&gt;</c>.</param>
/// <param name="NewPassword">Give the endpoint a new random password (a reset); otherwise an existing endpoint keeps its own.</param>
public sealed record EndpointSpec(string Tenant, string Extension, ProvisionedEndpointKind Kind, string? DisplayName = null,
    string? EndpointName = null, bool NewPassword = false)
{
    /// <summary>The PJSIP endpoint (and auth and AOR) name.</summary>
    public string Name => string.IsNullOrWhiteSpace(EndpointName) ? $"{Tenant}-{Extension}" : EndpointName;
}

/// <summary>What a SIP device needs to register: user (= auth user name = endpoint name) and password.</summary>
public sealed record SipCredentials(string Endpoint, string Username, string Password);

/// <summary>
/// Creates, updates and removes the PBX side of agents' extensions and phones (PJSIP endpoint + auth + AOR on
/// Asterisk). The admin use cases call it after a successful save. Each endpoint keeps its random SIP password across
/// updates; <see cref="GetCredentialsAsync"/> gives it to the agent's own browser softphone. Every endpoint is recorded
/// with the tenant that owns it: no other tenant can overwrite, read or remove it. The Simulator has nothing to provision
/// (<see cref="NoEndpointProvisioner"/>).
/// </summary>
public interface IEndpointProvisioner
{
    /// <summary>Whether this provisioner really manages a PBX (false for the Simulator's no-op).</summary>
    bool IsActive { get; }

    /// <summary>
    /// Creates the endpoint or updates it (same password), applies it on the PBX; returns its credentials, null when inactive.
    /// Throws <see cref="Domain.Errors.CtiException"/> <c>endpoint_taken</c> when the name is recorded for another tenant or
    /// does not start with <c>&lt;tenant&gt;-</c>.
    /// </summary>
    Task<SipCredentials?> ProvisionAsync(EndpointSpec endpoint, CancellationToken ct = default);

    /// <summary>Removes the endpoint of <paramref name="tenant"/> and applies it on the PBX (no-op when unknown or another tenant's).</summary>
    Task RemoveAsync(string tenant, string endpointName, CancellationToken ct = default);

    /// <summary>The credentials of an endpoint <paramref name="tenant"/> owns, or null.</summary>
    Task<SipCredentials?> GetCredentialsAsync(string tenant, string endpointName, CancellationToken ct = default);

    /// <summary>The domain of the tenant the endpoint is recorded for, or null when it is not provisioned.</summary>
    Task<string?> OwnerOfAsync(string endpointName, CancellationToken ct = default);

    /// <summary>
    /// Adds the endpoints the PBX lacks, in one write and one reload (<see cref="ProvisionedEndpointsCheck"/> at start).
    /// An endpoint with a <see cref="MissingEndpoint.FormerName"/> recorded for its tenant takes over that endpoint's
    /// password, and the former one is removed. A name the PBX has already (for any tenant) is left as it is; a name
    /// outside the tenant's prefix is skipped. Returns the names added.
    /// </summary>
    Task<IReadOnlyList<string>> AddMissingAsync(IReadOnlyList<MissingEndpoint> endpoints, CancellationToken ct = default);
}

/// <summary>An endpoint the database has and the PBX lacks; <paramref name="FormerName"/>: its name before a rename, when known.</summary>
public sealed record MissingEndpoint(EndpointSpec Endpoint, string? FormerName = null);

/// <summary>The Simulator (sandbox) has no SIP endpoints: nothing is provisioned.</summary>
public sealed class NoEndpointProvisioner : IEndpointProvisioner
{
    public static readonly NoEndpointProvisioner Instance = new();
    public bool IsActive => false;
    public Task<SipCredentials?> ProvisionAsync(EndpointSpec endpoint, CancellationToken ct = default) => Task.FromResult<SipCredentials?>(null);
    public Task RemoveAsync(string tenant, string endpointName, CancellationToken ct = default) => Task.CompletedTask;
    public Task<SipCredentials?> GetCredentialsAsync(string tenant, string endpointName, CancellationToken ct = default) => Task.FromResult<SipCredentials?>(null);
    public Task<string?> OwnerOfAsync(string endpointName, CancellationToken ct = default) => Task.FromResult<string?>(null);
    public Task<IReadOnlyList<string>> AddMissingAsync(IReadOnlyList<MissingEndpoint> endpoints, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
