using CtiBridge.Api.Auth;
using CtiBridge.Application.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Admin;

/// <summary>Skill groups (queues) of the caller's tenant and their members (admins).</summary>
[ApiController]
[Route("api/v1/admin/skill-groups")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class SkillGroupsController(SkillGroupsAdmin groups) : ControllerBase
{
    /// <summary>Lists the skill groups with their members.</summary>
    /// <response code="200">The groups.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<SkillGroupResponse>>(200)]
    public Task<IReadOnlyList<SkillGroupResponse>> List(CancellationToken ct) => groups.ListAsync(User.ToActor(), ct);

    /// <summary>Reads one skill group.</summary>
    /// <response code="200">The group.</response>
    /// <response code="404">No such group (<c>skill_group_not_found</c>).</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<SkillGroupResponse>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public Task<SkillGroupResponse> Get(Guid id, CancellationToken ct) => groups.GetAsync(User.ToActor(), id, ct);

    /// <summary>Creates a skill group.</summary>
    /// <response code="201">Created.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">The overflow group does not exist.</response>
    /// <response code="409">Name or number taken.</response>
    [HttpPost]
    [ProducesResponseType<SkillGroupResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<SkillGroupResponse>> Create([FromBody] SkillGroupRequest request, CancellationToken ct)
    {
        var created = await groups.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/skill-groups/{created.Id}", created);
    }

    /// <summary>Replaces a skill group's settings (members unchanged).</summary>
    /// <response code="200">The updated group.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">No such group.</response>
    /// <response code="409">Name or number taken, or overflow to itself.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<SkillGroupResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<SkillGroupResponse> Update(Guid id, [FromBody] SkillGroupRequest request, CancellationToken ct) => groups.UpdateAsync(User.ToActor(), id, request, ct);

    /// <summary>Deletes a skill group.</summary>
    /// <response code="204">Deleted.</response>
    /// <response code="404">No such group.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await groups.DeleteAsync(User.ToActor(), id, ct);
        return NoContent();
    }

    /// <summary>Replaces the group's members and their priorities (lower priority is offered first).</summary>
    /// <response code="200">The group with its members.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">No such group or user.</response>
    [HttpPut("{id:guid}/members")]
    [ProducesResponseType<SkillGroupResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public Task<SkillGroupResponse> SetMembers(Guid id, [FromBody] SkillGroupMembersRequest request, CancellationToken ct) =>
        groups.SetMembersAsync(User.ToActor(), id, request, ct);

    /// <summary>Adds one member or changes its priority.</summary>
    /// <response code="200">The group with its members.</response>
    /// <response code="400">Invalid priority.</response>
    /// <response code="404">No such group or user.</response>
    [HttpPut("{id:guid}/members/{userId:guid}")]
    [ProducesResponseType<SkillGroupResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public Task<SkillGroupResponse> SetMember(Guid id, Guid userId, [FromBody] SkillGroupMemberPriorityRequest request, CancellationToken ct) =>
        groups.SetMemberAsync(User.ToActor(), id, userId, request, ct);

    /// <summary>Removes one member.</summary>
    /// <response code="204">Removed.</response>
    /// <response code="404">No such group, or the user is not a member (<c>not_a_member</c>).</response>
    [HttpDelete("{id:guid}/members/{userId:guid}")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> RemoveMember(Guid id, Guid userId, CancellationToken ct)
    {
        await groups.RemoveMemberAsync(User.ToActor(), id, userId, ct);
        return NoContent();
    }
}
