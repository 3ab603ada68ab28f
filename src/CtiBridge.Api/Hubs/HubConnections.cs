using System.Collections.Concurrent;
using CtiBridge.Api.Auth;
using Microsoft.AspNetCore.SignalR;

namespace CtiBridge.Api.Hubs;

/// <summary>
/// The open hub connections, by user, so that an admin change that disables a user or a tenant also closes what they
/// have open: the token was checked when the connection opened, not since.
/// </summary>
public sealed class HubConnections(AccessTokenGate gate, ILogger<HubConnections> log)
{
    private readonly ConcurrentDictionary<string, (Guid Tenant, Guid User, HubCallerContext Context)> _open = new();

    public void Opened(Guid tenant, Guid user, HubCallerContext context) => _open[context.ConnectionId] = (tenant, user, context);

    public void Closed(HubCallerContext context) => _open.TryRemove(context.ConnectionId, out _);

    /// <summary>Closes the connections of users the gate no longer allows (after an admin change): one read per tenant.</summary>
    public async Task CloseRefusedAsync(CancellationToken ct)
    {
        foreach (var tenant in _open.Values.GroupBy(c => c.Tenant))
        {
            var refused = await gate.RefusedAsync(tenant.Key, tenant.Select(c => c.User).Distinct().ToList(), ct);
            foreach (var (_, user, context) in tenant.Where(c => refused.Contains(c.User)))
            {
                log.LogInformation("Closing hub connection {Connection} of user {User}: disabled", context.ConnectionId, user);
                context.Abort();
                _open.TryRemove(context.ConnectionId, out _);
            }
        }
    }
}
