using CtiBridge.Api.Events;
using CtiBridge.Application.Common;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Application.Supervision.Queues;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.CallCenter;

/// <summary>Skill groups (queues) as agents and supervisors see them: waiting count, longest wait, free agents, waiting list.</summary>
[ApiController]
[Route("api/v1/skill-groups")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class SkillGroupQueuesController(CallCenterAccess access, CallCenterDirectory directory, IInputValidator validator) : ControllerBase
{
    /// <summary>Statistics of the caller's skill groups (agents: their own; supervisors, admins and API keys: all of the tenant).</summary>
    /// <response code="200">One entry per group.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<SkillGroupStats>>(200)]
    public IReadOnlyList<SkillGroupStats> List()
    {
        var (center, caller) = access.Tenant(AccessKind.Read);
        var all = center.ListGroupStats().OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (caller.IsApiKey || caller.IsSupervisor) return all;
        var mine = center.HasAgent(caller.UserId!.Value) ? center.GroupsOf(caller.UserId.Value).ToHashSet() : [];
        return all.Where(s => mine.Contains(s.SkillGroupId)).ToList();
    }

    /// <summary>
    /// Every skill group of the tenant as a transfer target, with how many of its agents are free now (Ready, not
    /// paused there, device available): an agent may transfer a caller to any group, not only her own.
    /// </summary>
    /// <response code="200">One entry per group, by name.</response>
    [HttpGet("transfer-targets")]
    [ProducesResponseType<IReadOnlyList<TransferTargetGroup>>(200)]
    public IReadOnlyList<TransferTargetGroup> TransferTargets()
    {
        var (center, _) = access.Tenant(AccessKind.Read);
        return center.ListGroupStats().OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .Select(s => new TransferTargetGroup(s.SkillGroupId, s.Name, s.AgentsFree)).ToList();
    }

    /// <summary>The calls waiting in a group, in the order they will be offered (members, supervisors, API keys).</summary>
    /// <response code="200">The waiting list (position 1 = next).</response>
    /// <response code="403"><c>not_a_member</c>.</response>
    /// <response code="404"><c>skill_group_not_found</c>.</response>
    [HttpGet("{groupId:guid}/waiting")]
    [ProducesResponseType<IReadOnlyList<WaitingCallView>>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public IReadOnlyList<WaitingCallView> Waiting(Guid groupId)
    {
        var (center, caller) = access.Tenant(AccessKind.Read);
        var waiting = center.WaitingCalls(groupId); // 404 first for unknown (or other tenants') groups
        if (!caller.IsApiKey && !caller.IsSupervisor && !(center.HasAgent(caller.UserId!.Value) && center.GroupsOf(caller.UserId.Value).Contains(groupId)))
            throw new CtiException(ErrorCodes.NotAMember, "You are not a member of this skill group.", ErrorKind.Forbidden);
        return waiting;
    }

    /// <summary>
    /// Moves a waiting call to a new position: a supervisor in the skill groups of the teams they lead, a tenant admin or
    /// an API key with call-control in any group of the tenant (the supervisor desk uses
    /// <c>PUT /api/v1/supervision/skill-groups/{groupId}/waiting/{callId}/position</c>, which has the same rules).
    /// </summary>
    /// <response code="204">Moved.</response>
    /// <response code="400">Invalid body or position out of range.</response>
    /// <response code="403"><c>forbidden</c> (not a supervisor), <c>not_your_skill_group</c>, <c>insufficient_scope</c>.</response>
    /// <response code="404"><c>skill_group_not_found</c>, <c>call_not_found</c> (not waiting there).</response>
    [HttpPut("{groupId:guid}/waiting/{callId:guid}/position")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Move(Guid groupId, Guid callId, [FromBody] WaitingPositionRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, caller) = access.Tenant(AccessKind.Control, supervisorOnly: true);
        if (caller.IsApiKey) center.MoveWaitingCall(groupId, callId, request.Position!.Value);
        else WaitingCallActions.Move(center, directory.Supervision(caller.TenantId), caller.UserId!.Value, groupId, callId, request.Position!.Value);
        return NoContent();
    }
}

/// <summary>A skill group a call can be transferred to.</summary>
/// <param name="SkillGroupId">The group (pass as <c>skillGroupId</c> to <c>POST /calls/{id}/transfer</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="AgentsFree">Its agents free for a call now.</param>
public sealed record TransferTargetGroup(Guid SkillGroupId, string Name, int AgentsFree);

/// <summary>An agent or supervisor in the directory.</summary>
/// <param name="AgentId">The user's id.</param>
/// <param name="DisplayName">Name shown in the toolbar.</param>
/// <param name="Extension">The agent's extension (null for supervisors who are not agents).</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Status">Agent state (<c>Ready</c>, <c>NotReady</c>, <c>OnCall</c> …); null for supervisors who are not agents.</param>
/// <param name="Reason">Not Ready reason.</param>
/// <param name="SkillGroupIds">The agent's skill groups.</param>
/// <param name="Role"><c>agent</c> or <c>supervisor</c>.</param>
public sealed record DirectoryEntry(Guid AgentId, string DisplayName, string? Extension, string? Email, string? Status, string? Reason,
    IReadOnlyList<Guid> SkillGroupIds, string Role);

/// <summary>A hot-desk phone nobody is signed in on.</summary>
/// <param name="Endpoint">The PBX endpoint (pass as <c>phoneEndpoint</c> at agent login).</param>
/// <param name="Extension">Its extension.</param>
/// <param name="Description">Where it is.</param>
/// <param name="Registered">Whether the phone is registered with the PBX (always true on the sandbox simulator).</param>
public sealed record FreePhone(string Endpoint, string Extension, string? Description, bool Registered);

/// <summary>Colleagues (for transfers and consultations) and free hot-desk phones.</summary>
[ApiController]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class DirectoryController(CallCenterAccess access, CallCenterDirectory directory, CallCenterData data, PhoneRegistry phones) : ControllerBase
{
    /// <summary>Agents and supervisors of the tenant with their state; filter by name/extension/e-mail text and by skill group.</summary>
    /// <param name="search">Case-insensitive text found in the name, extension or e-mail (at most 100 characters).</param>
    /// <param name="skillGroupId">Only members of this skill group.</param>
    /// <response code="200">Matching people, by name.</response>
    /// <response code="400">Search text too long.</response>
    [HttpGet("api/v1/directory")]
    [ProducesResponseType<IReadOnlyList<DirectoryEntry>>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public IReadOnlyList<DirectoryEntry> Directory([FromQuery] string? search, [FromQuery] Guid? skillGroupId)
    {
        if (search is { Length: > 100 })
            throw new InputValidationException(new Dictionary<string, string[]> { ["search"] = ["At most 100 characters."] });
        var (center, caller) = access.Tenant(AccessKind.Read);
        var config = center.Configuration;
        var groupsOf = config.Groups.SelectMany(g => g.Members.Select(m => (m.AgentId, g.Id))).ToLookup(x => x.AgentId, x => x.Id);
        var entries = center.ListAgents().Select(a =>
        {
            var def = config.Agents.FirstOrDefault(d => d.Id == a.AgentId);
            return new DirectoryEntry(a.AgentId, a.DisplayName, a.Extension, def?.Email, a.Status.ToString(), a.Reason, groupsOf[a.AgentId].ToList(), "agent");
        }).ToList();
        entries.AddRange(directory.Supervision(caller.TenantId).People.Select(p =>
            new DirectoryEntry(p.UserId, p.DisplayName, null, p.Email, null, null, [], "supervisor")));
        IEnumerable<DirectoryEntry> result = entries;
        if (skillGroupId is { } g) result = result.Where(e => e.SkillGroupIds.Contains(g));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            result = result.Where(e => e.DisplayName.Contains(s, StringComparison.OrdinalIgnoreCase)
                || (e.Extension?.Contains(s, StringComparison.OrdinalIgnoreCase) ?? false)
                || (e.Email?.Contains(s, StringComparison.OrdinalIgnoreCase) ?? false));
        }
        return result.OrderBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Hot-desk phones of the tenant that no agent is signed in on.</summary>
    /// <response code="200">The free phones.</response>
    [HttpGet("api/v1/phones/free")]
    [ProducesResponseType<IReadOnlyList<FreePhone>>(200)]
    public async Task<IReadOnlyList<FreePhone>> FreePhones(CancellationToken ct)
    {
        var (center, caller) = access.Tenant(AccessKind.Read);
        var list = await data.HotDeskPhonesAsync(caller.TenantId, ct);
        return list.Select(p => (Phone: p, Endpoint: "PJSIP/" + p.EndpointName))
            .Where(x => center.AgentByEndpoint(x.Endpoint) is null)
            .Select(x => new FreePhone(x.Endpoint, x.Phone.Extension, x.Phone.Description, phones.IsRegistered(x.Endpoint)))
            .ToList();
    }
}
