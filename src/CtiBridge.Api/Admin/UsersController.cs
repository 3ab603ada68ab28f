using CtiBridge.Api.Auth;
using CtiBridge.Application.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Admin;

/// <summary>Users of the caller's tenant (admins). Users of other tenants do not exist here (404).</summary>
[ApiController]
[Route("api/v1/admin/users")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class UsersController(UsersAdmin users) : ControllerBase
{
    /// <summary>Lists the tenant's users.</summary>
    /// <response code="200">The users.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<UserResponse>>(200)]
    public Task<IReadOnlyList<UserResponse>> List(CancellationToken ct) => users.ListAsync(User.ToActor(), ct);

    /// <summary>Reads one user.</summary>
    /// <response code="200">The user.</response>
    /// <response code="404">No such user in this tenant.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<UserResponse>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public Task<UserResponse> Get(Guid id, CancellationToken ct) => users.GetAsync(User.ToActor(), id, ct);

    /// <summary>Creates a user (optionally with an agent profile).</summary>
    /// <response code="201">Created.</response>
    /// <response code="400">Invalid input (<c>validation_failed</c>) or weak password (<c>weak_password</c>).</response>
    /// <response code="409">Username, email, agent number or extension taken (<c>conflict</c>), or the extension's endpoint is another tenant's (<c>endpoint_taken</c>).</response>
    [HttpPost]
    [ProducesResponseType<UserResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<UserResponse>> Create([FromBody] CreateUserRequest request, CancellationToken ct)
    {
        var created = await users.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/admin/users/{created.Id}", created);
    }

    /// <summary>
    /// Creates agents from a CSV file (header row; columns username, displayName, password, extension, and optionally
    /// email, agentNumber, extensionKind), all of them or none.
    /// </summary>
    /// <response code="201">Every row was created.</response>
    /// <response code="400">Nothing was created: the file cannot be read (<c>errors.csv</c>), or rows have problems
    /// (<c>validation_failed</c>, one entry per problem under <c>rows[N].field</c>, N being the line of the file, or
    /// <c>rows[N]</c> for a taken username, email or agent number).</response>
    [HttpPost("import")]
    [ProducesResponseType<ImportAgentsResponse>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    public async Task<ActionResult<ImportAgentsResponse>> Import([FromBody] ImportAgentsRequest request, CancellationToken ct)
    {
        var result = await users.ImportAgentsAsync(User.ToActor(), request, ct);
        return Created("/api/v1/admin/users", result);
    }

    /// <summary>Edits a user's email, agent number, display name, roles and enabled flag.</summary>
    /// <response code="200">The updated user.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">No such user in this tenant.</response>
    /// <response code="409">Taken values, or an admin disabling or demoting themself.</response>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<UserResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<UserResponse> Update(Guid id, [FromBody] UpdateUserRequest request, CancellationToken ct) => users.UpdateAsync(User.ToActor(), id, request, ct);

    /// <summary>Sets a user's password (the password rule applies), unlocks the account and ends its sessions.</summary>
    /// <response code="204">Set.</response>
    /// <response code="400">Weak password (<c>weak_password</c>) or missing field.</response>
    /// <response code="404">No such user in this tenant.</response>
    [HttpPost("{id:guid}/password")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> SetPassword(Guid id, [FromBody] SetPasswordRequest request, CancellationToken ct)
    {
        await users.SetPasswordAsync(User.ToActor(), id, request, ct);
        return NoContent();
    }

    /// <summary>Clears a lockout after failed sign-ins.</summary>
    /// <response code="204">Unlocked.</response>
    /// <response code="404">No such user in this tenant.</response>
    [HttpPost("{id:guid}/unlock")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> Unlock(Guid id, CancellationToken ct)
    {
        await users.UnlockAsync(User.ToActor(), id, ct);
        return NoContent();
    }

    /// <summary>Creates or replaces the user's agent profile (extension, kind, PIN, wrap-up, ACW and working mode).</summary>
    /// <response code="200">The user with the profile.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">No such user in this tenant.</response>
    /// <response code="409"><c>conflict</c> (extension taken in the tenant), <c>endpoint_taken</c> (its endpoint <c>&lt;domain&gt;-&lt;extension&gt;</c> is another tenant's on the shared PBX).</response>
    [HttpPut("{id:guid}/agent-profile")]
    [ProducesResponseType<UserResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<UserResponse> SetAgentProfile(Guid id, [FromBody] AgentProfileModel request, CancellationToken ct) =>
        users.SetAgentProfileAsync(User.ToActor(), id, request, ct);

    /// <summary>Removes the user's agent profile.</summary>
    /// <response code="204">Removed.</response>
    /// <response code="404">No such user or profile in this tenant.</response>
    [HttpDelete("{id:guid}/agent-profile")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> DeleteAgentProfile(Guid id, CancellationToken ct)
    {
        await users.DeleteAgentProfileAsync(User.ToActor(), id, ct);
        return NoContent();
    }

    /// <summary>Gives a supervisor (or admin) their own device for monitoring calls, provisioned as <c>&lt;tenant&gt;-&lt;extension&gt;</c>.</summary>
    /// <remarks>Without one, monitoring rings the supervisor's agent extension, if they have one; else it is refused with <c>no_supervisor_device</c>.</remarks>
    /// <response code="200">The user with <c>supervisorDevice</c>.</response>
    /// <response code="400">Invalid input.</response>
    /// <response code="404">No such user in this tenant.</response>
    /// <response code="409"><c>conflict</c> (not a supervisor or admin; extension taken in the tenant), <c>endpoint_taken</c> (another tenant's endpoint).</response>
    [HttpPut("{id:guid}/supervisor-device")]
    [ProducesResponseType<UserResponse>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public Task<UserResponse> SetSupervisorDevice(Guid id, [FromBody] SupervisorDeviceModel request, CancellationToken ct) =>
        users.SetSupervisorDeviceAsync(User.ToActor(), id, request, ct);

    /// <summary>Removes a supervisor's device (and its endpoint on the PBX).</summary>
    /// <response code="204">Removed.</response>
    /// <response code="404">No such user or device in this tenant.</response>
    [HttpDelete("{id:guid}/supervisor-device")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IActionResult> DeleteSupervisorDevice(Guid id, CancellationToken ct)
    {
        await users.DeleteSupervisorDeviceAsync(User.ToActor(), id, ct);
        return NoContent();
    }
}
