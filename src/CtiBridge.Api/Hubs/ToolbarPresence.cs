using System.Collections.Concurrent;
using CtiBridge.Application.CallCenter;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Tenants;

namespace CtiBridge.Api.Hubs;

/// <summary>
/// Whether a web agent still has a toolbar open: when the last hub connection of a logged-in web-extension agent
/// closes and none comes back within the grace period (<c>CallCenter:ToolbarGraceSeconds</c>, default 20 s, long
/// enough for a page refresh), the agent's device is lost (Ready → Not Ready "Device unavailable", not logged
/// out); a new connection brings it back (to Ready when the tenant says so). The call center is told when the last
/// toolbar goes and the first comes back: a web agent's softphone leg lost while no toolbar is connected is a reload,
/// and her call waits for the softphone to come back (docs/toolbar.md, "A reload during a call").
/// </summary>
public sealed class ToolbarPresence(CallCenterService service, TimeProvider time, IConfiguration configuration, ILogger<ToolbarPresence> log)
{
    private readonly ConcurrentDictionary<(Guid Tenant, Guid User), Entry> _entries = new();
    private TimeSpan Grace => TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("CallCenter:ToolbarGraceSeconds", 20)));

    private sealed class Entry
    {
        public int Connections;
        public ITimer? Timer;
        /// <summary>When the grace period running now began.</summary>
        public DateTimeOffset GraceSince;
        public bool MarkedLost;
    }

    /// <summary>Whether the user's last toolbar closed and the grace period runs (for tests and diagnostics).</summary>
    public bool InGracePeriod(Guid tenant, Guid user)
    {
        if (!_entries.TryGetValue((tenant, user), out var entry)) return false;
        lock (entry) return entry.Timer is not null;
    }

    public void Connected(Guid tenant, Guid user)
    {
        var entry = _entries.GetOrAdd((tenant, user), _ => new Entry());
        bool restore;
        lock (entry)
        {
            entry.Connections++;
            entry.Timer?.Dispose();
            entry.Timer = null;
            restore = entry.MarkedLost;
            entry.MarkedLost = false;
        }
        if (service.FindTenant(tenant) is not { } center || !center.HasAgent(user)) return;
        center.ToolbarChanged(user, connected: true);
        if (restore) center.DeviceChanged(user, available: true);
    }

    /// <summary>
    /// A web agent logged in again after a restart has no toolbar connected to this process yet: the grace period starts
    /// now, as if their toolbar had just closed, so one whose browser does not come back goes Not Ready (Device
    /// unavailable) rather than being offered calls. <paramref name="lost"/>: they came back Not Ready (Device
    /// unavailable), so their toolbar coming back returns them as it would have before the restart.
    /// </summary>
    public void ExpectToolbar(Guid tenant, Guid user, bool lost)
    {
        var entry = _entries.GetOrAdd((tenant, user), _ => new Entry());
        lock (entry)
        {
            if (entry.Connections > 0) return;
            entry.MarkedLost |= lost;
            if (lost || entry.Timer is not null) return;
            entry.GraceSince = time.GetUtcNow();
            entry.Timer = time.CreateTimer(_ => GraceOver(tenant, user, entry), null, Grace, Timeout.InfiniteTimeSpan);
        }
    }

    public void Disconnected(Guid tenant, Guid user)
    {
        if (!_entries.TryGetValue((tenant, user), out var entry)) return;
        lock (entry)
        {
            if (--entry.Connections > 0) return;
            entry.Timer?.Dispose();
            entry.GraceSince = time.GetUtcNow();
            entry.Timer = time.CreateTimer(_ => GraceOver(tenant, user, entry), null, Grace, Timeout.InfiniteTimeSpan);
        }
        // The last toolbar went (a reload, a closed browser): a softphone leg lost now is not the agent's hang-up.
        service.FindTenant(tenant)?.ToolbarChanged(user, connected: false);
    }

    private void GraceOver(Guid tenant, Guid user, Entry entry)
    {
        lock (entry)
        {
            if (entry.Connections > 0 || entry.Timer is null) return;
            entry.Timer.Dispose();
            entry.Timer = null;
            if (service.FindTenant(tenant) is not { } center || !center.HasAgent(user)) return;
            var agent = center.GetAgent(user);
            if (agent.ExtensionKind != ExtensionKind.Web || agent.Status == AgentStatus.LoggedOut) return;
            // She logged out and in again since that toolbar closed: the grace belonged to the session that ended (without
            // this, a login a few seconds before the old grace ran out was made Not Ready "Device unavailable").
            if (center.LoggedInAt(user) is not { } since || since > entry.GraceSince) return;
            entry.MarkedLost = true;
        }
        log.LogInformation("Web agent {Agent} of tenant {Tenant} closed the toolbar: device unavailable", user, tenant);
        service.FindTenant(tenant)?.DeviceChanged(user, available: false);
    }
}
