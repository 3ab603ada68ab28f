using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Records;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Records;

/// <summary>The filters of a call record search, from the query string.</summary>
public sealed class CallRecordQuery
{
    /// <summary>Offered at or after (ISO 8601; default: the start of today, UTC).</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Offered before (ISO 8601).</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>Inbound, Outbound or Internal.</summary>
    public CallDirection? Direction { get; init; }
    /// <summary>Queue (inbound through a skill group), Direct (inbound to an agent), Outbound or Internal.</summary>
    public CallKind? Kind { get; init; }
    /// <summary>InboundQueue, DirectInbound, ManualOutbound (dialled by hand), TaskDialled (dialled for a dial task), Internal, Transferred (an agent transferred it) or Consulted (another agent joined: consulted, conferenced, or handed it by a transfer).</summary>
    public CallRecordType? Type { get; init; }
    /// <summary>A skill group the caller waited in (any of them: a call that overflowed is found under each group it waited in).</summary>
    public Guid? SkillGroupId { get; init; }
    /// <summary>Calls this agent took part in (answered, offered, consulted, conferenced).</summary>
    public Guid? AgentId { get; init; }
    /// <summary>Substring of the customer number or name (case-insensitive; agents, who see masked numbers, search names only).</summary>
    public string? Search { get; init; }
    /// <summary>Answered, NotAnswered, Abandoned, Busy or Failed (docs/reports.md).</summary>
    public CallOutcome? Outcome { get; init; }
    /// <summary>The detailed end reason: who hung up an answered call (CustomerHungUp, AgentHungUp; Normal: not recorded, calls stored before it was), AgentTransfer, AbandonedWhileWaiting, NoAnswer (RONA), Overflow, Blocklisted, EndedUnseen (ended while no CtiBridge process ran the tenant), … (docs/reports.md).</summary>
    public CallEndReason? EndReason { get; init; }
    /// <summary>Talk time at least this many seconds.</summary>
    public int? MinTalkSeconds { get; init; }
    /// <summary>The disposition.</summary>
    public Guid? DispositionId { get; init; }
    /// <summary>Only calls with (true) or without (false) a recording.</summary>
    public bool? HasRecording { get; init; }
    /// <summary>NewestFirst (default) or OldestFirst.</summary>
    public CallRecordSort Sort { get; init; } = CallRecordSort.NewestFirst;

    public CallRecordFilter ToFilter()
    {
        if (From is { } f && To is { } t && t <= f)
            throw new CtiException(ErrorCodes.ValidationFailed, "to must be after from.", ErrorKind.Validation);
        if (MinTalkSeconds is < 0)
            throw new CtiException(ErrorCodes.ValidationFailed, "minTalkSeconds is 0 or more.", ErrorKind.Validation);
        return new CallRecordFilter
        {
            From = From, To = To, Direction = Direction, Kind = Kind, Type = Type, SkillGroupId = SkillGroupId, AgentId = AgentId, Search = Search,
            Outcome = Outcome, EndReason = EndReason, MinTalkSeconds = MinTalkSeconds, DispositionId = DispositionId, HasRecording = HasRecording,
        };
    }
}

/// <summary>
/// Call records (CDRs): search, one call's journey, CSV export. An agent sees the calls they took part in (also on a
/// hot-desk phone or as a remote agent), with customer numbers masked by the tenant rule; a supervisor their own and
/// their teams' agents' calls; an admin or an API key (scope read) the tenant's. Read from the database, never from the
/// live call center: a call shows up when it ends (or, recorded, when its recording starts).
/// </summary>
[ApiController]
[Route("api/v1/call-records")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class CallRecordsController(RecordReaders readers, CallRecordSearch search, CallRecordCsv csv) : ControllerBase
{
    /// <summary>Records matching the filters, a page at a time (keyset: pass <c>nextCursor</c> back as <c>cursor</c>; stable while calls are added).</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="pageSize">1–200 (default 50).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">A page of records and the cursor of the next one (null on the last page).</response>
    /// <response code="400"><c>validation_failed</c> (page size, range, unknown enum value) or <c>invalid_cursor</c>.</response>
    /// <response code="403"><c>insufficient_scope</c> (API key without read).</response>
    [HttpGet]
    [Produces("application/json")]
    [ProducesResponseType<CallRecordPage>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task<CallRecordPage> Search([FromQuery] CallRecordQuery query, string? cursor, int pageSize = 50, CancellationToken ct = default)
    {
        var filter = query.ToFilter();
        var viewer = await readers.ViewerAsync(ct);
        return await search.SearchAsync(viewer, filter, query.Sort, cursor, pageSize, ct);
    }

    /// <summary>One call's journey: legs (offers and ring-no-answer, answer, consultations, conference guests), holds, wrap-ups, attached data, recordings.</summary>
    /// <param name="callId">The call.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The record.</response>
    /// <response code="404"><c>call_record_not_found</c>: no such call, or not one the caller may see.</response>
    [HttpGet("{callId:guid}")]
    [Produces("application/json")]
    [ProducesResponseType<CallRecordDetail>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<CallRecordDetail> Detail(Guid callId, CancellationToken ct)
    {
        var viewer = await readers.ViewerAsync(ct);
        return await search.DetailAsync(viewer, callId, ct);
    }

    /// <summary>The tenant's dispositions (for the disposition filter), by name.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Every disposition, enabled or not (older calls may carry a disabled one).</response>
    [HttpGet("dispositions")]
    [Produces("application/json")]
    [ProducesResponseType<IReadOnlyList<DispositionChoice>>(200)]
    public async Task<IReadOnlyList<DispositionChoice>> Dispositions(CancellationToken ct)
    {
        var viewer = await readers.ViewerAsync(ct);
        return await search.DispositionsAsync(viewer, ct);
    }

    /// <summary>The search as CSV (UTF-8, RFC 4180, header row), streamed: rows are written as they are read.</summary>
    /// <param name="query">The filters (as for the search).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The CSV file.</response>
    /// <response code="400"><c>validation_failed</c>.</response>
    [HttpGet("export")]
    [Produces("text/csv", "application/problem+json")]
    [ProducesResponseType<FileStreamResult>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task Export([FromQuery] CallRecordQuery query, CancellationToken ct)
    {
        var filter = query.ToFilter();
        var viewer = await readers.ViewerAsync(ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"call-records.csv\"";
        await csv.WriteAsync(Response.Body, viewer, filter, query.Sort, ct);
    }
}

/// <summary>
/// The agent's own recent calls from the call records (any browser, any device): <c>/agent/calls/recent</c> as the
/// signed-in user, <c>/agents/{agentId}/calls/recent</c> for a supervisor of the agent, an admin or an API key.
/// </summary>
[ApiController]
[Route("api/v1/agent/calls/recent")]
[Route("api/v1/agents/{agentId:guid}/calls/recent")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class RecentCallsController(RecordReaders readers, CallRecordSearch search, CallCenterAccess access) : ControllerBase
{
    /// <summary>The agent's calls, newest first (default: today), with the same filters and paging as <c>/call-records</c>.</summary>
    /// <param name="agentId">The agent (route); absent: the signed-in user.</param>
    /// <param name="query">Filters.</param>
    /// <param name="cursor">The previous page's <c>nextCursor</c>.</param>
    /// <param name="pageSize">1–200 (default 50).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">A page of the agent's records.</response>
    /// <response code="400"><c>validation_failed</c>, <c>invalid_cursor</c>, <c>agent_id_required</c> (API key on <c>/agent/…</c>).</response>
    /// <response code="403"><c>not_your_agent</c>, <c>insufficient_scope</c>.</response>
    [HttpGet]
    [ProducesResponseType<CallRecordPage>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task<CallRecordPage> Recent(Guid? agentId, [FromQuery] CallRecordQuery query, string? cursor, int pageSize = 50,
        CancellationToken ct = default)
    {
        var filter = query.ToFilter();
        var viewer = await readers.ViewerAsync(ct);
        var caller = access.Caller;
        var agent = agentId ?? caller.UserId
            ?? throw new CtiException(CallCenterErrors.AgentIdRequired, "An API key names the agent: use /api/v1/agents/{agentId}/calls/recent.",
                ErrorKind.Validation);
        if (!viewer.SeesAgent(agent))
            throw new CtiException(ErrorCodes.NotYourAgent, caller.IsSupervisor ? "This agent is not in one of your teams." : "You may only read your own calls.",
                ErrorKind.Forbidden);
        return await search.SearchAsync(viewer, filter with { AgentId = agent }, query.Sort, cursor, pageSize, ct);
    }
}
