using System.Security.Claims;
using CtiBridge.Api.Auth;
using CtiBridge.Api.CallCenter;
using CtiBridge.Api.Events;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Supervision.Team;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CtiBridge.Api.Hubs;

/// <summary>What a client missed: either the events (<see cref="Events"/>) or a <see cref="Snapshot"/>; and the current statistics.</summary>
/// <param name="Epoch">The server's current epoch.</param>
/// <param name="Seq">The client's last sequence number after applying this result.</param>
/// <param name="Events">The missed events in order, when they could all be replayed.</param>
/// <param name="Snapshot">The current state, when the gap was too old or the epoch changed.</param>
/// <param name="SkillGroups">The current statistics of every skill group the caller receives, in every answer: statistics are
/// not part of the resumable stream (they arrive as group messages, which a disconnected client misses), so a client
/// replaces its statistics with these after each (re)connect.</param>
public sealed record ResumeResult(string Epoch, long Seq, IReadOnlyList<EventEnvelope>? Events, StateSnapshot? Snapshot,
    IReadOnlyList<SkillGroupStats> SkillGroups);

/// <summary>
/// Everything a toolbar shows: the agent (null for a supervisor who is not an agent), live calls, skill-group stats, and for
/// a supervisor or admin the live team view (<see cref="Team"/>, null for everyone else: <c>GET /api/v1/supervision/team</c>).
/// </summary>
public sealed record StateSnapshot(AgentView? Agent, IReadOnlyList<CallView> Calls, IReadOnlyList<SkillGroupStats> SkillGroups,
    IReadOnlyList<TeamAgentView>? Team = null);

/// <summary>
/// The agent/supervisor event hub at <c>/hubs/agent</c> (JWT in the <c>access_token</c> query string, or an integrator's
/// API key in <c>X-Api-Key</c> with <c>?agentId=</c>: <see cref="ApiKeyHubAccess"/>). A connection joins its own
/// stream group <c>agent:&lt;tenant&gt;:&lt;user&gt;</c>, its tenant's group <c>tenant:&lt;tenant&gt;</c> and the
/// statistics groups of the skill groups it may see (<see cref="SkillGroupSubscriptions"/>); a supervisor's own stream
/// also carries the events of the agents of their teams. Client→server: <see cref="Resume"/> and <see cref="Snapshot"/>.
/// </summary>
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
public sealed class AgentHub(AgentEventStreams streams, CallCenterService service, CallCenterDirectory directory, ToolbarPresence presence,
    HubConnections connections, SkillGroupSubscriptions subscriptions, Events.PhoneRegistry phones)
    : Hub<IAgentClient>
{
    public override async Task OnConnectedAsync()
    {
        var (tenant, user) = Who();
        // Counted before anything is awaited. SignalR calls OnDisconnectedAsync only when OnConnectedAsync completes: a
        // toolbar closed while it connects (a tab shut at once; the join below is then cancelled) returns normally so
        // that it is counted out there, and a real failure is counted out here. Before, such a toolbar was counted
        // neither in nor out, and an agent whose only toolbar did that never lost her device.
        // An integrator following an agent is not the agent's toolbar: it neither keeps nor loses the agent's device.
        if (!IsApiKey) presence.Connected(tenant, user);
        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AgentEventStreams.UserGroup(tenant, user));
            await Groups.AddToGroupAsync(Context.ConnectionId, AgentEventStreams.TenantGroup(tenant));
            await subscriptions.JoinAsync(Context.ConnectionId, tenant, user, Context.ConnectionAborted);
            connections.Opened(tenant, user, Context);
            await base.OnConnectedAsync();
        }
        catch (OperationCanceledException) when (Context.ConnectionAborted.IsCancellationRequested)
        {
            // Closed while being set up: OnDisconnectedAsync follows and forgets it.
        }
        catch
        {
            Forget(tenant, user);
            throw;
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var (tenant, user) = Who();
        Forget(tenant, user);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The connection is gone (or never completed): out of the presence count, the open list and the subscriptions.</summary>
    private void Forget(Guid tenant, Guid user)
    {
        if (!IsApiKey) presence.Disconnected(tenant, user);
        connections.Closed(Context);
        subscriptions.Leave(Context.ConnectionId);
    }

    /// <summary>
    /// Call after (re)connecting with the last epoch and sequence number seen (null and 0 on first
    /// connect). Returns the missed events, or a snapshot when they cannot all be replayed (gap older
    /// than the buffer, or another epoch: the server restarted). Events may arrive live as well:
    /// ignore any whose seq is not above the last one applied.
    /// </summary>
    public async Task<ResumeResult> Resume(string? epoch, long lastSeq)
    {
        var (tenant, user) = Who();
        var (current, missed) = await streams.SinceAsync(tenant, user, epoch, lastSeq);
        if (missed is not null)
            return new ResumeResult(current, missed.Count == 0 ? lastSeq : missed[^1].Seq, missed, null, CurrentStats(tenant, user));
        return await Snapshot();
    }

    /// <summary>The current state (agent, live calls, skill-group stats) and the sequence number it is current at.</summary>
    public async Task<ResumeResult> Snapshot()
    {
        var (tenant, user) = Who();
        var (epoch, seq) = await streams.CurrentAsync(tenant, user); // read before the state: later events re-apply, none is lost
        var snapshot = BuildSnapshot(service, directory, tenant, user, phones.IsRegistered);
        return new ResumeResult(epoch, seq, null, snapshot, snapshot.SkillGroups);
    }

    /// <summary>The current figures of the skill groups whose statistics <paramref name="user"/> receives.</summary>
    private IReadOnlyList<SkillGroupStats> CurrentStats(Guid tenant, Guid user)
    {
        if (service.FindTenant(tenant) is not { } center) return [];
        var visible = directory.SkillGroupsVisibleTo(tenant, user);
        return center.ListGroupStats().Where(s => visible.Contains(s.SkillGroupId)).ToList();
    }

    internal static StateSnapshot BuildSnapshot(CallCenterService service, CallCenterDirectory directory, Guid tenant, Guid user,
        Func<string, bool>? isRegistered = null)
    {
        var center = service.FindTenant(tenant);
        if (center is null) return new StateSnapshot(null, [], []);
        var isAgent = center.HasAgent(user);
        var supervision = directory.Supervision(tenant);
        var watches = supervision.Admins.Contains(user) || supervision.AgentsBySupervisor.ContainsKey(user);
        var agent = isAgent ? center.GetAgent(user) : null;
        var calls = new Dictionary<Guid, CallView>();
        if (isAgent) foreach (var c in center.CallsOf(user)) calls[c.CallId] = c;
        if (watches)
            foreach (var c in center.ListCalls())
                if (c.Parties.Any(p => p.AgentId is { } a && supervision.MaySupervise(user, a)) || (c.OwnerAgentId is { } o && supervision.MaySupervise(user, o)))
                    calls[c.CallId] = c;
        var visible = directory.SkillGroupsVisibleTo(tenant, user);
        var stats = center.ListGroupStats().Where(s => visible.Contains(s.SkillGroupId)).ToList();
        var team = watches ? TeamView.Of(center, supervision, user, isRegistered) : null;
        return new StateSnapshot(agent, calls.Values.OrderBy(c => c.CreatedAt).ToList(), stats, team);
    }

    private bool IsApiKey => Context.User?.HasClaim(c => c.Type == ApiKeys.KeyIdClaim) == true;

    /// <summary>Whose stream the connection follows: the signed-in user, or for an API key the agent it names (fixed at connect).</summary>
    private (Guid Tenant, Guid User) Who()
    {
        if (Context.Items.TryGetValue(nameof(Who), out var known) && known is ValueTuple<Guid, Guid> who) return who;
        var found = Identify();
        Context.Items[nameof(Who)] = found;
        return found;
    }

    private (Guid Tenant, Guid User) Identify()
    {
        var user = Context.User;
        if (user is null || !Guid.TryParse(user.FindFirstValue(CtiClaims.TenantId), out var tenant))
            throw new HubException(ErrorCodes.Unauthenticated);
        if (IsApiKey && Context.GetHttpContext() is { } http)
            return (tenant, ApiKeyHubAccess.AgentOf(http, service)); // checked before the connection opened (ApiKeyHubAccess)
        if (!Guid.TryParse(user.FindFirstValue(CtiClaims.UserId), out var id))
            throw new HubException(ErrorCodes.Unauthenticated);
        return (tenant, id);
    }
}
