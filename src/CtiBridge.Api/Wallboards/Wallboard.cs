using System.Collections.Concurrent;
using CtiBridge.Api.CallCenter;
using CtiBridge.Api.Events;
using CtiBridge.Api.Hubs;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Application.Supervision.Wallboards;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using FluentValidation;
using Microsoft.AspNetCore.SignalR;

namespace CtiBridge.Api.Wallboards;

/// <summary>
/// What a wall screen shows: the key's name and its skill groups' live figures, by name. Waiting callers' numbers are left
/// out (<c>callers</c> is null): a wall screen is seen by everyone in the room.
/// </summary>
/// <param name="Name">The key's name.</param>
/// <param name="SkillGroups">The chosen groups' figures (waiting, longest wait, agents by state, today's figures and service level).</param>
public sealed record WallboardView(string Name, IReadOnlyList<SkillGroupStats> SkillGroups);

/// <summary>The wallboard's figures, as a wall screen receives them.</summary>
public static class WallboardFigures
{
    /// <summary>A group's figures without its callers' numbers.</summary>
    public static SkillGroupStats ForWall(SkillGroupStats s) => s with { Callers = null };

    public static WallboardView Of(WallboardGrant grant, CallCenterService service)
    {
        var center = service.FindTenant(grant.TenantId);
        var groups = center is null ? [] : center.ListGroupStats().Where(s => grant.SkillGroupIds.Contains(s.SkillGroupId))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(ForWall).ToList();
        return new WallboardView(grant.Name, groups);
    }

    public static CtiException Refused() =>
        new(ErrorCodes.InvalidWallboardKey, "A valid wallboard key is required (it may have been revoked).", ErrorKind.Unauthenticated);
}

/// <summary>
/// The wallboard without a user sign-in: <c>GET /api/v1/wallboard</c> with the key in <c>X-Wallboard-Key</c> (or
/// <c>?key=</c>); live updates on the hub <c>/hubs/wallboard?key=</c> (docs/supervision.md, "Wallboard").
/// </summary>
[ApiController]
[Route("api/v1/wallboard")]
[AllowAnonymous]
[Produces("application/json")]
public sealed class WallboardController(WallboardKeys keys, CallCenterService service) : ControllerBase
{
    /// <summary>The key's skill groups and their current figures (read-only).</summary>
    /// <remarks>
    /// Example:
    ///
    ///     { "name": "Floor 2 screen", "skillGroups": [{ "skillGroupId": "…", "name": "Sales", "waiting": 3, "longestWaitSeconds": 74.2,
    ///       "agentsLoggedIn": 8, "agentsReady": 1, "agentsFree": 1, "agentsBusy": 5, "agentsNotReady": 1, "agentsWrapUp": 1,
    ///       "serviceLevelSeconds": 20, "callers": null,
    ///       "today": { "day": "2026-12-05", "serviceLevelSeconds": 20, "figures": { "offered": 120, "answered": 110, "abandoned": 8, "serviceLevelPercent": 85.7, … } } }] }
    /// </remarks>
    /// <param name="key">The wallboard key (or send it in the <c>X-Wallboard-Key</c> header).</param>
    /// <response code="200">The board.</response>
    /// <response code="401"><c>invalid_wallboard_key</c>: missing, unknown or revoked.</response>
    /// <response code="403"><c>forbidden</c>: the key's tenant is disabled.</response>
    [HttpGet]
    [ProducesResponseType<WallboardView>(200)]
    [ProducesResponseType<ProblemDetails>(401)]
    [ProducesResponseType<ProblemDetails>(403)]
    public async Task<WallboardView> Get([FromQuery] string? key, CancellationToken ct)
    {
        var given = Request.Headers["X-Wallboard-Key"].FirstOrDefault() ?? key;
        var grant = await keys.FindAsync(given, ct) ?? throw WallboardFigures.Refused();
        if (!grant.TenantEnabled) throw new CtiException(ErrorCodes.Forbidden, "This tenant is disabled.", ErrorKind.Forbidden);
        return WallboardFigures.Of(grant, service);
    }
}

/// <summary>
/// The wall screens' hub, <c>/hubs/wallboard?key=</c>: a connection with a valid key joins its skill groups' statistics
/// groups and receives <c>skillGroupStatsChanged</c> (without callers' numbers); <c>Board()</c> returns the current figures
/// (call it after every (re)connect). A missing, unknown or revoked key is refused; revoking a key closes its connections.
/// </summary>
[AllowAnonymous]
public sealed class WallboardHub(WallboardKeys keys, CallCenterService service, WallboardConnections connections) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var key = Context.GetHttpContext()?.Request.Query["key"].FirstOrDefault();
        var grant = await keys.FindAsync(key, Context.ConnectionAborted);
        if (grant is null) throw new HubException("invalid_wallboard_key");
        if (!grant.TenantEnabled) throw new HubException("forbidden");
        connections.Add(Context, grant);
        try
        {
            foreach (var g in grant.SkillGroupIds)
                await Groups.AddToGroupAsync(Context.ConnectionId, SkillGroupSubscriptions.GroupName(grant.TenantId, g), Context.ConnectionAborted);
            await base.OnConnectedAsync();
        }
        catch
        {
            // SignalR calls OnDisconnectedAsync only when this completes (a board closed while it connects cancels it).
            connections.Remove(Context.ConnectionId);
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The board now (after every (re)connect: statistics messages are not replayed).</summary>
    public WallboardView Board() =>
        connections.GrantOf(Context.ConnectionId) is { } grant ? WallboardFigures.Of(grant, service) : throw new HubException("invalid_wallboard_key");
}

/// <summary>The open wallboard connections (to close them when their key is revoked) and the relay of statistics to them.</summary>
public sealed class WallboardConnections(IHubContext<WallboardHub> hub) : ICallCenterEventObserver
{
    private readonly ConcurrentDictionary<string, (HubCallerContext Context, WallboardGrant Grant)> _open = new();

    public void Add(HubCallerContext context, WallboardGrant grant) => _open[context.ConnectionId] = (context, grant);
    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);
    public WallboardGrant? GrantOf(string connectionId) => _open.TryGetValue(connectionId, out var c) ? c.Grant : null;

    /// <summary>Closes every connection opened with the key.</summary>
    public void Revoked(Guid keyId)
    {
        foreach (var (id, c) in _open)
            if (c.Grant.KeyId == keyId) { c.Context.Abort(); _open.TryRemove(id, out _); }
    }

    /// <summary>A group's statistics go to its wall screens too, without callers' numbers.</summary>
    public void OnEvent(CallCenterEvent e)
    {
        if (e is not SkillGroupStatsChangedEvent stats || _open.IsEmpty) return;
        var wall = new SkillGroupStatsChangedEvent(stats.TenantId, WallboardFigures.ForWall(stats.Stats));
        _ = hub.Clients.Group(SkillGroupSubscriptions.GroupName(stats.TenantId, stats.Stats.SkillGroupId))
            .SendAsync(e.Name, new SkillGroupMessage(e.Name, DateTimeOffset.UtcNow, wall));
    }
}

/// <summary>A new wallboard key.</summary>
/// <example>{ "name": "Floor 2 screen", "skillGroupIds": ["0d6c2f8e-91a4-4d7e-b1b5-5c2f1e9a7d30"] }</example>
public sealed record CreateWallboardKeyRequest
{
    /// <summary>Where the screen hangs or what it is for (1–100 characters).</summary>
    public string? Name { get; init; }
    /// <summary>The skill groups it shows (one or more of the tenant's).</summary>
    public List<Guid>? SkillGroupIds { get; init; }
}

internal sealed class CreateWallboardKeyRequestValidator : AbstractValidator<CreateWallboardKeyRequest>
{
    public CreateWallboardKeyRequestValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Required.").MaximumLength(100);
        RuleFor(x => x.SkillGroupIds).NotEmpty().WithMessage("Give one or more skill groups.");
    }
}

/// <summary>Wallboard keys of the caller's tenant (admins, or API keys with scope admin).</summary>
[ApiController]
[Route("api/v1/admin/wallboard-keys")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class WallboardKeysController(CallCenterAccess access, WallboardKeys keys, WallboardConnections connections,
    Application.Common.IInputValidator validator) : ControllerBase
{
    /// <summary>Lists the tenant's wallboard keys (never the keys themselves).</summary>
    /// <response code="200">The keys.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<WallboardKeyInfo>>(200)]
    public Task<IReadOnlyList<WallboardKeyInfo>> List(CancellationToken ct)
    {
        var caller = access.Caller;
        CallCenterAccess.RequireAdminScope(caller);
        return keys.ListAsync(caller.TenantId, ct);
    }

    /// <summary>Creates a key for chosen skill groups; the response holds the key, shown this once.</summary>
    /// <response code="201">The key.</response>
    /// <response code="400"><c>validation_failed</c>: no name, no groups, or a group not of this tenant.</response>
    [HttpPost]
    [ProducesResponseType<CreatedWallboardKey>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<ActionResult<CreatedWallboardKey>> Create([FromBody] CreateWallboardKeyRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var caller = access.Caller;
        CallCenterAccess.RequireAdminScope(caller);
        var created = await keys.CreateAsync(caller.TenantId, request.Name!, request.SkillGroupIds!, ct);
        return Created($"/api/v1/admin/wallboard-keys/{created.Info.Id}", created);
    }

    /// <summary>Revokes a key: it stops working at once and its open wall screens are disconnected.</summary>
    /// <response code="204">Revoked.</response>
    /// <response code="404"><c>not_found</c>.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken ct)
    {
        var caller = access.Caller;
        CallCenterAccess.RequireAdminScope(caller);
        if (!await keys.RevokeAsync(caller.TenantId, id, ct))
            throw new CtiException(ErrorCodes.NotFound, "No such wallboard key.", ErrorKind.NotFound);
        connections.Revoked(id);
        return NoContent();
    }
}
