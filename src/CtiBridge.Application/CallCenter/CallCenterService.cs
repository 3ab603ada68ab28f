using System.Collections.Concurrent;
using CtiBridge.Application.Events;
using CtiBridge.Application.Observability;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.CallCenter;

/// <summary>Hands incoming feature-code legs (remote agents) to whoever handles them.</summary>
public interface IFeatureCodeHandler
{
    void OnFeatureLeg(TenantCallCenter center, IncomingLeg leg);
    void OnDtmf(string legId, char digit);
    void OnPlaybackFinished(string legId);
    void OnLegEnded(string legId);
}

/// <summary>
/// Receives the events of legs no call owns: those of supervision (a supervisor's device, snoop legs, a customer a
/// supervisor took over). Must not block.
/// </summary>
public interface ISupervisionLegHandler
{
    void OnLegAnswered(string legId);
    void OnLegEnded(string legId, CallEndReason cause);
    /// <summary>A monitoring leg a previous process left (after a restart, once the calls were taken back).</summary>
    void OnMonitorLegFound(FoundMonitorLeg leg);
}

/// <summary>
/// All tenants' call centers, and the one handler of PBX events: it finds the tenant a leg
/// belongs to (by the dialplan's tenant, or the leg index) and passes the event on.
/// </summary>
public sealed class CallCenterService : IPbxEventHandler
{
    private readonly ConcurrentDictionary<Guid, TenantCallCenter> _byId = new();
    private readonly ConcurrentDictionary<string, TenantCallCenter> _byDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TenantCallCenter> _byLeg = new();
    private readonly ConcurrentDictionary<Guid, string> _serverOf = new();
    private readonly PbxServers _servers;
    private readonly ICallCenterEventSink _events;
    private readonly ICallCenterJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger<CallCenterService> _log;

    /// <summary>One PBX: every tenant on it.</summary>
    public CallCenterService(IPbx pbx, ICallCenterEventSink events, ICallCenterJournal journal, TimeProvider time, ILogger<CallCenterService> log)
        : this(PbxServers.Single(pbx), events, journal, time, log) { }

    /// <summary>Several PBX servers: each tenant on the one its configuration names (docs/architecture.md, "Several Asterisk servers").</summary>
    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public CallCenterService(PbxServers servers, ICallCenterEventSink events, ICallCenterJournal journal, TimeProvider time, ILogger<CallCenterService> log)
    {
        _servers = servers;
        _events = events;
        _journal = journal;
        _time = time;
        _log = log;
        foreach (var (name, pbx) in servers.All)
            pbx.Subscribe(PbxServers.IsDefault(name) ? this : new ServerEvents(this, name));
    }

    /// <summary>The default PBX server.</summary>
    public IPbx Pbx => _servers.Default;

    public PbxServers Servers => _servers;

    /// <summary>The name of the PBX server the tenant's call center uses (the default for a tenant not loaded).</summary>
    public string ServerOf(Guid tenantId) => _serverOf.GetValueOrDefault(tenantId, PbxServers.DefaultName);

    /// <summary>
    /// The PBX the tenant's commands go to: its server, fenced when several nodes run (refused once this node no longer
    /// holds the tenant's lease).
    /// </summary>
    public IPbx PbxOf(Guid tenantId) => _byId.TryGetValue(tenantId, out var c) ? c.Pbx : _servers.Of(ServerOf(tenantId));

    /// <summary>Handles remote-agent feature codes (set by the feature-code flow at start-up).</summary>
    public IFeatureCodeHandler? FeatureCodes { get; set; }

    /// <summary>Handles the legs of supervision (set by the monitoring service when it is created).</summary>
    public ISupervisionLegHandler? Supervision { get; set; }

    /// <summary>
    /// Set when several nodes run (docs/architecture.md, "Several nodes"): each tenant's call center then sends its PBX
    /// commands through a <see cref="Cluster.FencedPbx"/>, refused once this node no longer holds the tenant's lease.
    /// </summary>
    public Cluster.ITenantFence? Fence { get; set; }

    /// <summary>Adds a tenant, or replaces its configuration keeping its live state.</summary>
    public TenantCallCenter Configure(TenantConfiguration config)
    {
        var server = PbxServers.NameOf(config.AsteriskServer);
        if (_byId.TryGetValue(config.TenantId, out var existing))
        {
            // Live calls are on the server the center was created for: a move takes effect when the tenant is next
            // loaded (a restart, or a takeover by another node), not under calls in progress.
            if (!string.Equals(server, ServerOf(config.TenantId), StringComparison.OrdinalIgnoreCase))
                _log.LogWarning("Tenant {Tenant} is now placed on Asterisk server '{Server}'; it stays on '{Current}' until it is next loaded (restart or takeover)",
                    config.Domain, server, ServerOf(config.TenantId));
            existing.Reconfigure(config);
            _byDomain[config.Domain] = existing;
            return existing;
        }
        var onServer = _servers.Of(server);
        var pbx = Fence is { } fence ? new Cluster.FencedPbx(onServer, fence, config.TenantId) : onServer;
        var center = new TenantCallCenter(config, pbx, _events, _journal, _time, _log, IndexLeg);
        _serverOf[config.TenantId] = server;
        _byId[config.TenantId] = center;
        _byDomain[config.Domain] = center;
        return center;
    }

    public TenantCallCenter Tenant(Guid tenantId) =>
        _byId.TryGetValue(tenantId, out var c)
            ? c
            : throw new CtiException(ErrorCodes.TenantNotFound, "The tenant has no call center loaded.", ErrorKind.NotFound);

    public TenantCallCenter? FindTenant(Guid tenantId) => _byId.GetValueOrDefault(tenantId);

    public TenantCallCenter? FindTenant(string domain) => _byDomain.GetValueOrDefault(domain);

    public IEnumerable<TenantCallCenter> Tenants => _byId.Values;

    /// <summary>
    /// The tenant whose call center holds <paramref name="legId"/> (it placed or received the leg), or null: ownership
    /// as recorded when the leg joined a call, never guessed from the leg's endpoint name.
    /// </summary>
    public Guid? TenantOfLeg(string legId) => _byLeg.TryGetValue(legId, out var c) ? c.TenantId : null;

    private void IndexLeg(string legId, TenantCallCenter? center)
    {
        if (center is null) _byLeg.TryRemove(legId, out _);
        else _byLeg[legId] = center;
    }

    // ---- IPbxEventHandler ----

    public void OnIncomingLeg(IncomingLeg leg) => OnIncomingLeg(leg, PbxServers.DefaultName);

    private void OnIncomingLeg(IncomingLeg leg, string server)
    {
        var center = FindTenant(leg.Tenant);
        if (center is not null && !OnServer(center.TenantId, server))
        {
            // A dialplan that sends a tenant's calls to a server the tenant is not placed on: its commands would go to the
            // other server. A waiting caller (found at a reconnection) is left as he is.
            _log.LogWarning("Leg {LegId} of tenant '{Tenant}' arrived on Asterisk server '{Server}', but the tenant is placed on '{Placed}'; {What}",
                leg.LegId, leg.Tenant, server, ServerOf(center.TenantId), leg.Resumed is null ? "hanging it up" : "left as it is");
            if (leg.Resumed is null) _ = HangupQuietly(_servers.Of(server), leg.LegId);
            return;
        }
        if (center is null && leg.Resumed is not null)
        {
            // Never hang up a caller who has been waiting because a tenant is not (yet) configured here.
            _log.LogWarning("Waiting caller {LegId} of unknown tenant '{Tenant}' left as it is", leg.LegId, leg.Tenant);
            return;
        }
        if (center is null)
        {
            _log.LogWarning("Leg {LegId} names unknown tenant '{Tenant}'; hanging it up", leg.LegId, leg.Tenant);
            _ = HangupQuietly(_servers.Of(server), leg.LegId);
            return;
        }
        using var scope = _log.BeginTenantScope(center.Domain);
        switch (leg.Purpose.ToLowerInvariant())
        {
            case "queue":
                center.IncomingQueueCall(leg);
                break;
            // An extension dialled from a logged-in agent's own phone is her internal call, not a caller's direct call:
            // she is On call and a party as herself, like click-to-dial.
            case "direct" when leg.FromEndpoint is { } ep && center.LoggedInAgentAtEndpoint(ep) is { } agentId:
                center.OutboundFromPhone(leg, agentId);
                break;
            case "direct":
                center.IncomingDirectCall(leg);
                break;
            case "outbound" when leg.FromEndpoint is { } ep && center.AgentByEndpoint(ep) is { } agentId:
                center.OutboundFromPhone(leg, agentId);
                break;
            case "feature" when FeatureCodes is { } features:
                features.OnFeatureLeg(center, leg);
                break;
            default:
                _log.LogWarning("Leg {LegId} of tenant {Tenant} has purpose '{Purpose}' we cannot serve", leg.LegId, leg.Tenant, leg.Purpose);
                center.RefuseLeg(leg, CallEndReason.Rejected);
                break;
        }
    }

    public void OnLegAnswered(string legId)
    {
        if (_byLeg.TryGetValue(legId, out var c))
        {
            using var scope = _log.BeginTenantScope(c.Domain);
            c.OnLegAnswered(legId);
        }
        else Supervision?.OnLegAnswered(legId);
    }

    public void OnLegEnded(string legId, CallEndReason cause)
    {
        if (_byLeg.TryGetValue(legId, out var c))
        {
            using var scope = _log.BeginTenantScope(c.Domain);
            c.OnLegEnded(legId, cause);
        }
        else Supervision?.OnLegEnded(legId, cause);
        FeatureCodes?.OnLegEnded(legId);
    }

    public void OnMonitorLegFound(FoundMonitorLeg leg)
    {
        if (Supervision is { } supervision) supervision.OnMonitorLegFound(leg);
        else _ = Pbx.HangupAsync(leg.SupervisorLegId, CallEndReason.Normal); // nobody supervises here: no listener is left behind
    }

    private void OnMonitorLegFound(FoundMonitorLeg leg, string server)
    {
        if (Supervision is { } supervision) supervision.OnMonitorLegFound(leg with { Server = server });
        else _ = _servers.Of(server).HangupAsync(leg.SupervisorLegId, CallEndReason.Normal);
    }

    public void OnDtmf(string legId, char digit)
    {
        if (_byLeg.TryGetValue(legId, out var c))
        {
            using var scope = _log.BeginTenantScope(c.Domain);
            c.OnDtmf(legId, digit);
        }
        FeatureCodes?.OnDtmf(legId, digit);
    }

    public void OnPlaybackFinished(string legId) => FeatureCodes?.OnPlaybackFinished(legId);

    public void OnRecordingEnded(Guid callId, string recordingName, string? failure)
    {
        foreach (var center in _byId.Values) center.RecordingEndedOnPbx(callId, recordingName, failure);
    }

    /// <summary>
    /// Every device state the PBX reports, also for endpoints no agent uses now (free hot-desk phones), which
    /// <see cref="OnDeviceChanged(DeviceStatus)"/> otherwise publishes to no tenant. Endpoint names are unique on the PBX.
    /// </summary>
    public event Action<DeviceStatus>? DeviceReported;

    public void OnDeviceChanged(DeviceStatus status) => OnDeviceChanged(status, PbxServers.DefaultName);

    private void OnDeviceChanged(DeviceStatus status, string server)
    {
        try { DeviceReported?.Invoke(status); }
        catch (Exception ex) { _log.LogError(ex, "A device observer failed for {Endpoint}", status.Endpoint); }
        foreach (var center in _byId.Values)
        {
            if (!OnServer(center.TenantId, server)) continue; // an endpoint of the same name on another server is not hers
            if (center.AgentByEndpoint(status.Endpoint) is not { } agentId) continue;
            center.DeviceBusyOutside(agentId, status.InUse);
            _events.Publish(new DeviceChangedEvent(center.TenantId, status.Endpoint, status.Registered, status.InUse, agentId));
            center.DeviceChanged(agentId, status.Registered);
        }
    }

    public void OnConnectionChanged(bool connected, string description) => OnConnectionChanged(connected, description, PbxServers.DefaultName);

    private void OnConnectionChanged(bool connected, string description, string server)
    {
        foreach (var center in _byId.Values)
            if (OnServer(center.TenantId, server))
                _events.Publish(new PbxConnectionChangedEvent(center.TenantId, connected, description));
    }

    public void OnCallsReported() => OnCallsReported(PbxServers.DefaultName);

    /// <summary>Each tenant placed on the server that this process runs ends the records of calls that ended unseen.</summary>
    private void OnCallsReported(string server)
    {
        foreach (var center in _byId.Values)
            if (OnServer(center.TenantId, server))
            {
                using var scope = _log.BeginTenantScope(center.Domain);
                center.PbxCallsReported();
            }
    }

    private bool OnServer(Guid tenantId, string server) => string.Equals(ServerOf(tenantId), server, StringComparison.OrdinalIgnoreCase);

    private async Task HangupQuietly(IPbx pbx, string legId)
    {
        try { await pbx.HangupAsync(legId, CallEndReason.Rejected).ConfigureAwait(false); }
        catch (Exception ex) { _log.LogWarning(ex, "Could not hang up leg {LegId}", legId); }
    }

    /// <summary>
    /// The events of a server other than the default one: passed on like the default server's, except those that concern
    /// the tenants placed on a server (a new leg, a device, the connection), which name it.
    /// </summary>
    private sealed class ServerEvents(CallCenterService service, string server) : IPbxEventHandler
    {
        public void OnIncomingLeg(IncomingLeg leg) => service.OnIncomingLeg(leg, server);
        public void OnLegAnswered(string legId) => service.OnLegAnswered(legId);
        public void OnLegEnded(string legId, CallEndReason cause) => service.OnLegEnded(legId, cause);
        public void OnDtmf(string legId, char digit) => service.OnDtmf(legId, digit);
        public void OnPlaybackFinished(string legId) => service.OnPlaybackFinished(legId);
        public void OnDeviceChanged(DeviceStatus status) => service.OnDeviceChanged(status, server);
        public void OnConnectionChanged(bool connected, string description) => service.OnConnectionChanged(connected, description, server);
        public void OnMonitorLegFound(FoundMonitorLeg leg) => service.OnMonitorLegFound(leg, server);
        public void OnRecordingEnded(Guid callId, string recordingName, string? failure) => service.OnRecordingEnded(callId, recordingName, failure);
        public void OnCallsReported() => service.OnCallsReported(server);
    }
}
