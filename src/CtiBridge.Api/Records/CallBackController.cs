using CtiBridge.Api.CallCenter;
using CtiBridge.Application.CallerIds;
using CtiBridge.Application.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Records;

/// <summary>Calling back from a call record; <c>callerId</c> as for click-to-dial.</summary>
/// <example>{ "callerId": "+4930100" }</example>
public sealed record CallBackRequest
{
    /// <summary>A caller ID the agent may present (<c>GET /api/v1/agent/caller-ids</c>); left out: the first of hers, else the trunk's default.</summary>
    public string? CallerId { get; init; }
}

/// <summary>
/// Call back from a call record: the signed-in agent dials the call's customer (outbound: the dialled number) under the
/// state rules of click-to-dial. The number is read from the record on the server, so an agent who sees it masked can
/// still call back without ever seeing it.
/// </summary>
[ApiController]
[Route("api/v1/call-records/{callId:guid}/call-back")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class CallBackController(RecordReaders readers, CallRecordSearch search, CallCenterAccess access, CallerIdPolicy callerIds) : ControllerBase
{
    /// <summary>Calls the customer of a call record back: rings the agent's phone, then dials the number.</summary>
    /// <param name="callId">The call record (one the agent may see: a call she took part in).</param>
    /// <param name="request">Optional: the caller ID to present.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Dialling; the new call's id (events follow).</response>
    /// <response code="400"><c>agent_id_required</c> (an API key: it names no agent here).</response>
    /// <response code="403"><c>caller_id_not_allowed</c>; <c>not_an_agent</c>.</response>
    /// <response code="404"><c>call_record_not_found</c>: no such call, or not one the agent may see.</response>
    /// <response code="409"><c>no_number_to_call</c>; as for click-to-dial: <c>agent_busy</c>, <c>agent_not_logged_in</c>, <c>working_mode_forbids_call</c>, <c>number_blocked</c>.</response>
    [HttpPost]
    [ProducesResponseType<DialResponse>(201)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<DialResponse>> CallBack(Guid callId, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] CallBackRequest? request, CancellationToken ct)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        var number = await search.CallBackNumberAsync(await readers.ViewerAsync(ct), callId, ct);
        var callerId = await callerIds.ResolveAsync(center.TenantId, agentId, request?.CallerId, ct);
        var newCall = center.Dial(agentId, number, callerId);
        return Created($"/api/v1/calls/{newCall}", new DialResponse(newCall));
    }
}
