using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Events;
using CtiBridge.Application.Supervision.Queues;
using CtiBridge.Domain.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Supervision;

/// <summary>Moves a waiting call to another skill group.</summary>
/// <example>{ "skillGroupId": "0d6c2f8e-91a4-4d7e-b1b5-5c2f1e9a7d30" }</example>
public sealed record MoveWaitingCallRequest
{
    /// <summary>The group the call goes to (one of your groups, not the one it waits in).</summary>
    public Guid? SkillGroupId { get; init; }
}

/// <summary>Hands a waiting call to an agent.</summary>
/// <example>{ "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11" }</example>
public sealed record HandWaitingCallRequest
{
    /// <summary>A Ready agent of your teams.</summary>
    public Guid? AgentId { get; init; }
}

internal sealed class MoveWaitingCallRequestValidator : AbstractValidator<MoveWaitingCallRequest>
{
    public MoveWaitingCallRequestValidator() => RuleFor(x => x.SkillGroupId).NotEmpty().WithMessage("Required.");
}

internal sealed class HandWaitingCallRequestValidator : AbstractValidator<HandWaitingCallRequest>
{
    public HandWaitingCallRequestValidator() => RuleFor(x => x.AgentId).NotEmpty().WithMessage("Required.");
}

/// <summary>
/// The supervisor desk's skill groups: each group of your teams (a tenant admin: every group) with its waiting callers,
/// agents by state and today's figures, and the actions on waiting calls. The same figures arrive live as
/// <c>skillGroupStatsChanged</c> on the hub and in every <c>Resume</c> answer (docs/supervision.md, "The skill-group
/// dashboard"). Supervisors and tenant admins only (agents and API keys: 403 <c>forbidden</c>).
/// </summary>
[ApiController]
[Route("api/v1/supervision/skill-groups")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class SupervisedSkillGroupsController(CallCenterAccess access, CallCenterDirectory directory, IInputValidator validator) : ControllerBase
{
    /// <summary>Your skill groups' live figures, by name.</summary>
    /// <remarks>
    /// Example (one group):
    ///
    ///     [{ "skillGroupId": "0d6c2f8e-…", "name": "Sales", "waiting": 2, "longestWaitSeconds": 41.5,
    ///        "agentsLoggedIn": 5, "agentsReady": 1, "agentsFree": 1, "agentsBusy": 2, "agentsNotReady": 1, "agentsWrapUp": 1,
    ///        "serviceLevelSeconds": 20,
    ///        "callers": [{ "callId": "…", "position": 1, "customerNumber": "+49301234xxxx", "enqueuedAt": "2026-12-05T22:40:01Z" },
    ///                    { "callId": "…", "position": 2, "customerNumber": "+49309876xxxx", "enqueuedAt": "2026-12-05T22:40:30Z" }],
    ///        "today": { "day": "2026-12-05", "serviceLevelSeconds": 20,
    ///                   "figures": { "offered": 120, "answered": 110, "abandoned": 8, "notAnswered": 2, "rona": 3,
    ///                                "answeredWithinServiceLevel": 96, "serviceLevelPercent": 85.7, "averageWaitSeconds": 14.2,
    ///                                "longestWaitSeconds": 95, "averageTalkSeconds": 183.4, "averageHoldSeconds": 12.1 } } }]
    /// </remarks>
    /// <response code="200">One entry per group; <c>today</c> is null for a moment after a restart.</response>
    /// <response code="403"><c>forbidden</c>: not a supervisor of a team nor a tenant admin.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<SkillGroupStats>>(200)]
    public IReadOnlyList<SkillGroupStats> Get()
    {
        var (center, caller) = Supervisor();
        return WaitingCallActions.Dashboard(center, directory.Supervision(caller.TenantId), caller.UserId!.Value);
    }

    /// <summary>Moves a waiting call up or down its group's list (1 = offered next).</summary>
    /// <response code="204">Moved.</response>
    /// <response code="400"><c>validation_failed</c>: no position or out of range.</response>
    /// <response code="403"><c>forbidden</c>, <c>not_your_skill_group</c>.</response>
    /// <response code="404"><c>skill_group_not_found</c>, <c>call_not_found</c> (not waiting there).</response>
    [HttpPut("{groupId:guid}/waiting/{callId:guid}/position")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Position(Guid groupId, Guid callId, [FromBody] WaitingPositionRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, caller) = Supervisor();
        WaitingCallActions.Move(center, directory.Supervision(caller.TenantId), caller.UserId!.Value, groupId, callId, request.Position!.Value);
        return NoContent();
    }

    /// <summary>Moves a waiting call to another of your skill groups; it keeps its wait and takes its place there by it.</summary>
    /// <response code="204">Moved (it may be offered at once in the new group).</response>
    /// <response code="400"><c>validation_failed</c>: no group, or the group it waits in.</response>
    /// <response code="403"><c>forbidden</c>, <c>not_your_skill_group</c> (either group).</response>
    /// <response code="404"><c>skill_group_not_found</c>, <c>call_not_found</c>.</response>
    /// <response code="409"><c>call_not_waiting</c>: answered, offered, moved or ended meanwhile.</response>
    [HttpPost("{groupId:guid}/waiting/{callId:guid}/move")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> MoveToGroup(Guid groupId, Guid callId, [FromBody] MoveWaitingCallRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, caller) = Supervisor();
        WaitingCallActions.MoveToGroup(center, directory.Supervision(caller.TenantId), caller.UserId!.Value, groupId, callId, request.SkillGroupId!.Value);
        return NoContent();
    }

    /// <summary>Offers a waiting call now to a Ready agent of your teams, ahead of the group's order.</summary>
    /// <response code="204">The agent's phone rings (<c>callOffered</c>); unanswered, the call goes back to the head of its group.</response>
    /// <response code="400"><c>validation_failed</c>: no agent.</response>
    /// <response code="403"><c>forbidden</c>, <c>not_your_skill_group</c>, <c>not_your_agent</c>.</response>
    /// <response code="404"><c>skill_group_not_found</c>, <c>call_not_found</c>, <c>agent_not_found</c>.</response>
    /// <response code="409"><c>call_not_waiting</c>, <c>agent_not_logged_in</c>, <c>agent_not_ready</c> (not Ready or device unavailable).</response>
    [HttpPost("{groupId:guid}/waiting/{callId:guid}/hand")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Hand(Guid groupId, Guid callId, [FromBody] HandWaitingCallRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var (center, caller) = Supervisor();
        WaitingCallActions.HandTo(center, directory.Supervision(caller.TenantId), caller.UserId!.Value, groupId, callId, request.AgentId!.Value);
        return NoContent();
    }

    private (Application.CallCenter.TenantCallCenter Center, Caller Caller) Supervisor()
    {
        var caller = access.Caller;
        if (!caller.IsSupervisor)
            throw new CtiException(ErrorCodes.Forbidden, "Only supervisors and admins act on skill groups.", ErrorKind.Forbidden);
        return (access.Center(caller), caller);
    }
}
