using System.Net;
using System.Net.Sockets;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Api.Webhooks;

/// <summary>Resolves a host name to its addresses (DNS; tests substitute their own).</summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

/// <summary>The system's DNS resolver.</summary>
public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>
/// Keeps webhooks from reaching the server's own network (SSRF): a target must resolve only to public internet addresses
/// — no loopback, link-local (cloud metadata 169.254.169.254), private, carrier-grade NAT, multicast, documentation or
/// other reserved ranges, in IPv4 or IPv6 (IPv4-mapped and NAT64 forms included). Every address the name resolves to
/// is checked, at registration and again before each delivery (DNS can change), and the connection itself is made
/// only to a checked address (<see cref="ConnectAsync"/>). The operator may allow named internal hosts
/// (<c>Webhooks:AllowedInternalHosts</c>). Tenants get a generic refusal; the reason goes to the server log.
/// </summary>
public sealed class WebhookTargetPolicy(IHostAddressResolver resolver, IConfiguration configuration, ILogger<WebhookTargetPolicy> log)
{
    /// <summary>The error code of a refused target.</summary>
    public const string NotAllowedCode = "webhook_target_not_allowed";

    private readonly HashSet<string> _allowedHosts = new(
        (configuration.GetSection("Webhooks:AllowedInternalHosts").Get<string[]>() ?? [])
            .Select(h => h.Trim()).Where(h => h.Length > 0), StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when <paramref name="url"/> may be called; otherwise why not (for the server log only).</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken ct)
    {
        if (_allowedHosts.Contains(url.IdnHost)) return null;
        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost, out var literal)) addresses = [literal];
        else
        {
            try { addresses = await resolver.ResolveAsync(url.IdnHost, ct).ConfigureAwait(false); }
            catch (SocketException ex) { return $"{url.IdnHost} does not resolve ({ex.SocketErrorCode})"; }
            catch (ArgumentException ex) { return $"{url.IdnHost} is not a host name ({ex.Message})"; }
        }
        if (addresses.Length == 0) return $"{url.IdnHost} resolves to no address";
        var inside = addresses.Where(a => !IsPublic(a)).ToList();
        return inside.Count == 0 ? null : $"{url.IdnHost} resolves to non-public {string.Join(", ", inside)}";
    }

    /// <summary>Refuses a target at registration: 400 <c>webhook_target_not_allowed</c>, the detail in the log only.</summary>
    public async Task EnsureAllowedAsync(Guid tenantId, string url, CancellationToken ct)
    {
        if (await RefusalAsync(new Uri(url), ct).ConfigureAwait(false) is not { } reason) return;
        log.LogWarning("Webhook target {Url} of tenant {Tenant} refused: {Reason}", url, tenantId, reason);
        throw new CtiException(NotAllowedCode,
            "The webhook URL must lead to a public internet address. Internal hosts are allowed only by the operator.", ErrorKind.Validation);
    }

    /// <summary>
    /// Connects the webhook HTTP client: resolves the host again and connects only to an address that is public (or to
    /// an operator-allowed host), so a name that changes its answer between the check and the connection (DNS
    /// rebinding) cannot lead inside.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct).ConfigureAwait(false);
        var allowed = _allowedHosts.Contains(host) ? addresses : addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0 || (!_allowedHosts.Contains(host) && allowed.Length != addresses.Length))
            throw new HttpRequestException($"Webhook target {host} refused: it resolves to a non-public address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="address"/> is a public internet address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224                // this network, private, loopback, multicast + reserved
                     || (b[0] == 100 && (b[1] & 0xC0) == 64)                             // carrier-grade NAT 100.64/10
                     || (b[0] == 169 && b[1] == 254)                                     // link-local (cloud metadata)
                     || (b[0] == 172 && (b[1] & 0xF0) == 16)                             // private 172.16/12
                     || (b[0] == 192 && b[1] == 168)                                     // private 192.168/16
                     || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))           // IETF protocol assignments, TEST-NET-1
                     || (b[0] == 198 && (b[1] & 0xFE) == 18)                             // benchmarking 198.18/15
                     || (b[0] == 198 && b[1] == 51 && b[2] == 100)                       // TEST-NET-2
                     || (b[0] == 203 && b[1] == 0 && b[2] == 113));                      // TEST-NET-3
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)) return false;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
        if ((b[0] & 0xFE) == 0xFC) return false;                                          // unique local fc00::/7
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return false;    // documentation 2001:db8::/32
        if (b[0] == 0x20 && b[1] == 0x02) return false;                                     // 6to4 (embeds an IPv4 address)
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B) return false;     // NAT64 64:ff9b::/96 (embeds IPv4)
        if (b.Take(12).All(x => x == 0)) return false;                                      // IPv4-compatible ::/96 (deprecated)
        return (b[0] & 0xE0) == 0x20;                                                       // global unicast 2000::/3 only
    }
}
