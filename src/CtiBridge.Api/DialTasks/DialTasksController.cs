using CtiBridge.Api.Auth;
using CtiBridge.Application.CallerIds;
using CtiBridge.Application.DialTasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.DialTasks;

/// <summary>Dial tasks: the composition of their use cases and their Quartz job.</summary>
public static class DialTasksComposition
{
    public static IServiceCollection AddCtiDialTasks(this IServiceCollection services) => services.AddCtiDialTasksModel();
}

/// <summary>
/// Outbound dial tasks (docs/dialtasks.md): call lists worked by preview dialling. A supervisor creates a task for a team
/// she leads (contacts picked, found by a search or imported from CSV; the agents or the team who work it; days and a
/// daily window in the tenant's time zone; retry rules for busy and unanswered calls; a caller ID of the tenant's list),
/// and pauses, resumes or cancels it. Its agents take the next contact (claimed for them alone), dial it with one click
/// and set its result (a disposition code) and a remark; busy and unanswered calls are retried by the rules. Nothing is
/// offered outside the window (<c>dial_task_window_closed</c>); a number on the tenant's blocklist is never dialled
/// (<c>number_blocked</c>). Supervisors get <c>dialTaskProgress</c> events; agents and supervisors <c>dialTaskChanged</c>
/// when a window opens or closes. Another team's task is <c>dial_task_forbidden</c> (403); another tenant's
/// <c>dial_task_not_found</c> (404). Signed-in users only (no API keys).
/// </summary>
[ApiController]
[Route("api/v1/dial-tasks")]
[Authorize]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class DialTasksController(DialTaskPlanner planner, DialTaskDesk desk) : ControllerBase
{
    /// <summary>The tasks the caller manages (supervisors: their teams'; admins: the tenant's) or works (agents), newest first.</summary>
    /// <param name="includeClosed">Also completed and cancelled tasks (default: running and paused ones).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">At most 500 tasks, each with its progress.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<DialTaskView>>(200)]
    public async Task<IReadOnlyList<DialTaskView>> List(bool includeClosed = false, CancellationToken ct = default) =>
        await planner.ListAsync(User.ToActor(), includeClosed, ct);

    /// <summary>Creates a running task (supervisors for a team they lead; admins).</summary>
    /// <param name="request">The task.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Created; contacts whose number is on the blocklist are <c>Blocked</c> from the start.</response>
    /// <response code="400"><c>validation_failed</c> (days, times, retry rules, no contacts given, bad CSV rows as <c>rows[N].field</c>);
    /// <c>dial_task_no_contacts</c> (none of the contacts has a number).</response>
    /// <response code="403"><c>dial_task_forbidden</c> (not a supervisor or admin, a team she does not lead, an agent outside her teams);
    /// <c>caller_id_not_allowed</c> (not one of the tenant's or the team's outbound caller IDs).</response>
    /// <response code="404"><c>contact_not_found</c>: a contact she does not see, or one of another tenant.</response>
    [HttpPost]
    [ProducesResponseType<DialTaskView>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<ActionResult<DialTaskView>> Create([FromBody] CreateDialTaskRequest request, CancellationToken ct)
    {
        var task = await planner.CreateAsync(User.ToActor(), request, ct);
        return Created($"/api/v1/dial-tasks/{task.Id}", task);
    }

    /// <summary>
    /// The caller IDs a new task may present (the new task form's choice): the tenant's outbound caller IDs and the team's,
    /// the tenant's first. Any other is refused at creation (<c>caller_id_not_allowed</c>).
    /// </summary>
    /// <param name="teamId">The task's team (default: the caller's first team, as at creation; an admin leading none gets the tenant's only).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The caller IDs (empty: tasks present the trunk's default).</response>
    /// <response code="400"><c>validation_failed</c>: no such team in this tenant.</response>
    /// <response code="403"><c>dial_task_forbidden</c>: not a supervisor or admin, or a team she does not lead.</response>
    [HttpGet("caller-ids")]
    [ProducesResponseType<IReadOnlyList<CallerIdView>>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task<IReadOnlyList<CallerIdView>> CallerIds(Guid? teamId = null, CancellationToken ct = default) =>
        await planner.CallerIdsAsync(User.ToActor(), teamId, ct);

    /// <summary>One task, with its progress.</summary>
    /// <param name="id">The task.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The task.</response>
    /// <response code="403"><c>dial_task_forbidden</c>: another team's task.</response>
    /// <response code="404"><c>dial_task_not_found</c>.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<DialTaskView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<DialTaskView> Get(Guid id, CancellationToken ct) => await planner.GetAsync(User.ToActor(), id, ct);

    /// <summary>The task's progress: done, remaining, each status's count and the done contacts by result (also pushed as <c>dialTaskProgress</c>).</summary>
    /// <param name="id">The task.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The progress.</response>
    /// <response code="403"><c>dial_task_forbidden</c>.</response>
    /// <response code="404"><c>dial_task_not_found</c>.</response>
    [HttpGet("{id:guid}/progress")]
    [ProducesResponseType<DialTaskProgress>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<DialTaskProgress> Progress(Guid id, CancellationToken ct) => await planner.ProgressAsync(User.ToActor(), id, ct);

    /// <summary>The task's contacts in list order, with their attempts and results (its supervisors and admins).</summary>
    /// <param name="id">The task.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">At most 10,000 contacts.</response>
    /// <response code="403"><c>dial_task_forbidden</c>.</response>
    /// <response code="404"><c>dial_task_not_found</c>.</response>
    [HttpGet("{id:guid}/contacts")]
    [ProducesResponseType<IReadOnlyList<DialTaskContactView>>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<IReadOnlyList<DialTaskContactView>> Contacts(Guid id, CancellationToken ct) => await planner.ContactsAsync(User.ToActor(), id, ct);

    /// <summary>Runs, pauses or cancels the task (its supervisors and admins).</summary>
    /// <param name="id">The task.</param>
    /// <param name="request">The new status.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The task.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    /// <response code="403"><c>dial_task_forbidden</c>.</response>
    /// <response code="404"><c>dial_task_not_found</c>.</response>
    /// <response code="409"><c>dial_task_not_running</c>: completed or cancelled already.</response>
    [HttpPost("{id:guid}/status")]
    [ProducesResponseType<DialTaskView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<DialTaskView> SetStatus(Guid id, [FromBody] SetDialTaskStatusRequest request, CancellationToken ct) =>
        await planner.SetStatusAsync(User.ToActor(), id, request, ct);

    /// <summary>
    /// The contact the agent works now: the one she holds until she sets its result, else the next due one, claimed for
    /// her alone (no other agent or node gets it, and its number is not offered in another task meanwhile).
    /// </summary>
    /// <param name="id">The task.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The contact (null when none is due now: <c>remaining</c> and <c>nextRetryAt</c> say what is left).</response>
    /// <response code="403"><c>dial_task_forbidden</c>: a task she does not work.</response>
    /// <response code="404"><c>dial_task_not_found</c>.</response>
    /// <response code="409"><c>dial_task_window_closed</c> (outside the task's days or daily window); <c>dial_task_not_running</c>.</response>
    [HttpPost("{id:guid}/next")]
    [ProducesResponseType<DialTaskNextResponse>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<DialTaskNextResponse> Next(Guid id, CancellationToken ct) => await desk.NextAsync(User.ToActor(), id, ct);

    /// <summary>
    /// One-click dial of the contact she holds: her phone rings, then the contact's number is dialled as by
    /// <c>POST /api/v1/calls/dial</c>, presenting the task's caller ID; the call (and its record) carries the task's id.
    /// </summary>
    /// <param name="id">The task.</param>
    /// <param name="contactId">The task's contact (the <c>id</c> of <c>DialTaskContactView</c>).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Dialling: the call's id and the contact.</response>
    /// <response code="403"><c>dial_task_forbidden</c>.</response>
    /// <response code="404"><c>dial_task_not_found</c>.</response>
    /// <response code="409"><c>dial_task_window_closed</c>; <c>dial_task_not_running</c>; <c>number_blocked</c> (on the blocklist: the contact is
    /// <c>Blocked</c>); <c>dial_task_contact_not_claimed</c>; <c>dial_task_call_in_progress</c>; the dial's own <c>agent_not_logged_in</c>,
    /// <c>agent_busy</c>, <c>working_mode_forbids_call</c>.</response>
    [HttpPost("{id:guid}/contacts/{contactId:guid}/dial")]
    [ProducesResponseType<DialTaskDialResponse>(201)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<DialTaskDialResponse>> Dial(Guid id, Guid contactId, CancellationToken ct)
    {
        var result = await desk.DialAsync(User.ToActor(), id, contactId, ct);
        return Created($"/api/v1/calls/{result.CallId}", result);
    }

    /// <summary>
    /// Sets the result of the contact she holds (a disposition code of the tenant) and a remark. An answered call's contact
    /// is done; a busy or unanswered one is tried again by the task's rules (or exhausted), keeping the result.
    /// </summary>
    /// <param name="id">The task.</param>
    /// <param name="contactId">The task's contact.</param>
    /// <param name="request">The result.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The contact.</response>
    /// <response code="400"><c>validation_failed</c>; <c>disposition_unknown</c> (not a code of the tenant); <c>disposition_remarks_required</c>.</response>
    /// <response code="403"><c>dial_task_forbidden</c>.</response>
    /// <response code="404"><c>dial_task_not_found</c>.</response>
    /// <response code="409"><c>dial_task_contact_not_claimed</c>; <c>dial_task_call_in_progress</c>; <c>disposition_inactive</c>.</response>
    [HttpPost("{id:guid}/contacts/{contactId:guid}/result")]
    [ProducesResponseType<DialTaskContactView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<DialTaskContactView> Result(Guid id, Guid contactId, [FromBody] DialTaskResultRequest request, CancellationToken ct) =>
        await desk.ResultAsync(User.ToActor(), id, contactId, request, ct);
}
