using CtiBridge.Api.Auth;
using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Callbacks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Callbacks;

/// <summary>
/// Callbacks (docs/callbacks.md): promises to call a customer back at a time. Agents schedule them for themselves, a
/// teammate or a skill group, and see their own and their groups' unassigned ones; supervisors see and reassign their
/// teams'; admins and API keys (scope read to read, call-control to change) the tenant's. A callback the caller may not
/// see, like one of another tenant, is <c>callback_not_found</c> (404). When one falls due, its agent gets the
/// <c>callbackDue</c> event (the toolbar's reminder with one click to dial); an agent offline, or no action within the
/// tenant's <c>callbackReminderTimeoutSeconds</c>, escalates it (<c>callbackEscalated</c> to the team's supervisors, or
/// offered to its skill group). Times are stored and sent in UTC; <c>dueAtLocal</c> is the same time in the tenant's
/// <c>timeZone</c>.
/// </summary>
[ApiController]
[Route("api/v1/callbacks")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class CallbacksController(CallbackCallers callers, CallbackPlanner planner) : ControllerBase
{
    /// <summary>Callbacks by due time: <c>mine</c> (the caller's own and their skill groups' unassigned ones) or <c>team</c> (supervisors: their teams'; admins and API keys: the tenant's).</summary>
    /// <param name="scope"><c>Mine</c> (default) or <c>Team</c>.</param>
    /// <param name="includeClosed">Also completed and cancelled ones (default: open ones only).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">At most 500 callbacks, the earliest due first.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<CallbackView>>(200)]
    public async Task<IReadOnlyList<CallbackView>> List(CallbackScope scope = CallbackScope.Mine, bool includeClosed = false, CancellationToken ct = default) =>
        await planner.ListAsync(await callers.ViewerAsync(AccessKind.Read, ct), scope, includeClosed, ct);

    /// <summary>One callback.</summary>
    /// <param name="id">The callback.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The callback.</response>
    /// <response code="404"><c>callback_not_found</c>: no such callback, or not one the caller may see.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<CallbackView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<CallbackView> Get(Guid id, CancellationToken ct) =>
        await planner.GetAsync(await callers.ViewerAsync(AccessKind.Read, ct), id, ct);

    /// <summary>Schedules a callback for a contact and/or number at a time, with a note; for the caller, a teammate or a skill group.</summary>
    /// <param name="request">The callback.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Scheduled.</response>
    /// <response code="400"><c>validation_failed</c>; <c>callback_due_in_past</c>; <c>callback_due_time_invalid</c> (not a time, or one the
    /// tenant's zone skips); <c>callback_number_invalid</c> (letters, fewer than 3 or more than 20 digits, or a contact without a number).</response>
    /// <response code="403"><c>callback_assignee_forbidden</c>: an agent of another team, or a user who is not an agent.</response>
    /// <response code="404"><c>contact_not_found</c> (also a contact of another tenant); <c>callback_skill_group_not_found</c>.</response>
    [HttpPost]
    [ProducesResponseType<CallbackView>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<ActionResult<CallbackView>> Schedule([FromBody] ScheduleCallbackRequest request, CancellationToken ct)
    {
        var callback = await planner.ScheduleAsync(await callers.ViewerAsync(AccessKind.Control, ct), request, ct);
        return Created($"/api/v1/callbacks/{callback.Id}", callback);
    }

    /// <summary>Snoozes a callback: due again in the given minutes, its reminder fires again then.</summary>
    /// <param name="id">The callback.</param>
    /// <param name="request">Minutes.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The callback.</response>
    /// <response code="400"><c>validation_failed</c> (1–1440 minutes).</response>
    /// <response code="404"><c>callback_not_found</c>.</response>
    /// <response code="409"><c>callback_closed</c>: completed or cancelled.</response>
    [HttpPost("{id:guid}/snooze")]
    [ProducesResponseType<CallbackView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<CallbackView> Snooze(Guid id, [FromBody] SnoozeCallbackRequest request, CancellationToken ct) =>
        await planner.SnoozeAsync(await callers.ViewerAsync(AccessKind.Control, ct), id, request, ct);

    /// <summary>Moves a callback to another (future) time, optionally with a new note.</summary>
    /// <param name="id">The callback.</param>
    /// <param name="request">The new time.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The callback.</response>
    /// <response code="400"><c>validation_failed</c>, <c>callback_due_in_past</c>, <c>callback_due_time_invalid</c>.</response>
    /// <response code="404"><c>callback_not_found</c>.</response>
    /// <response code="409"><c>callback_closed</c>.</response>
    [HttpPost("{id:guid}/reschedule")]
    [ProducesResponseType<CallbackView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<CallbackView> Reschedule(Guid id, [FromBody] RescheduleCallbackRequest request, CancellationToken ct) =>
        await planner.RescheduleAsync(await callers.ViewerAsync(AccessKind.Control, ct), id, request, ct);

    /// <summary>Completes a callback with its result.</summary>
    /// <param name="id">The callback.</param>
    /// <param name="request">The result.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The callback.</response>
    /// <response code="400"><c>validation_failed</c> (result required, up to 200 characters).</response>
    /// <response code="404"><c>callback_not_found</c>.</response>
    /// <response code="409"><c>callback_closed</c>.</response>
    [HttpPost("{id:guid}/complete")]
    [ProducesResponseType<CallbackView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<CallbackView> Complete(Guid id, [FromBody] CompleteCallbackRequest request, CancellationToken ct) =>
        await planner.CompleteAsync(await callers.ViewerAsync(AccessKind.Control, ct), id, request, ct);

    /// <summary>Cancels a callback (optionally with a reason).</summary>
    /// <param name="id">The callback.</param>
    /// <param name="request">The reason.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The callback.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    /// <response code="404"><c>callback_not_found</c>.</response>
    /// <response code="409"><c>callback_closed</c>.</response>
    [HttpPost("{id:guid}/cancel")]
    [ProducesResponseType<CallbackView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<CallbackView> Cancel(Guid id, [FromBody] CancelCallbackRequest request, CancellationToken ct) =>
        await planner.CancelAsync(await callers.ViewerAsync(AccessKind.Control, ct), id, request, ct);

    /// <summary>Gives a callback to another agent (supervisors: of their teams) or to a skill group; a due one reminds its new agent at once.</summary>
    /// <param name="id">The callback.</param>
    /// <param name="request">The agent or the skill group.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The callback.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    /// <response code="403"><c>callback_reassign_forbidden</c> (agents); <c>callback_assignee_forbidden</c> (an agent of another team).</response>
    /// <response code="404"><c>callback_not_found</c>; <c>callback_skill_group_not_found</c>.</response>
    /// <response code="409"><c>callback_closed</c>.</response>
    [HttpPost("{id:guid}/reassign")]
    [ProducesResponseType<CallbackView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<CallbackView> Reassign(Guid id, [FromBody] ReassignCallbackRequest request, CancellationToken ct) =>
        await planner.ReassignAsync(await callers.ViewerAsync(AccessKind.Control, ct), id, request, ct);

    /// <summary>
    /// One-click dial (the toolbar's reminder): the signed-in agent's phone rings, then the callback's number is dialled as
    /// by <c>POST /api/v1/calls/dial</c>. The callback becomes the agent's and <c>InProgress</c>; complete it with a result afterwards.
    /// </summary>
    /// <param name="id">The callback.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Dialling; the call's id and the callback.</response>
    /// <response code="403"><c>callback_dial_forbidden</c>: an API key, or a user who is not an agent.</response>
    /// <response code="404"><c>callback_not_found</c>.</response>
    /// <response code="409"><c>callback_closed</c>; the dial's refusals: <c>agent_not_logged_in</c>, <c>agent_busy</c>, <c>number_blocked</c>, <c>working_mode_forbids_call</c>.</response>
    [HttpPost("{id:guid}/dial")]
    [ProducesResponseType<CallbackDialResponse>(201)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<CallbackDialResponse>> Dial(Guid id, CancellationToken ct)
    {
        var result = await planner.DialAsync(await callers.ViewerAsync(AccessKind.Control, ct), id, ct);
        return Created($"/api/v1/calls/{result.CallId}", result);
    }
}
