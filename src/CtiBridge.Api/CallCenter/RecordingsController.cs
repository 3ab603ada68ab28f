using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Persistence;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.CallCenter;

/// <summary>
/// Recording search and audio. An agent sees their own recordings; a supervisor those of their teams' agents; an
/// admin or an API key (scope read) the whole tenant. The audio is fetched from the PBX when asked for (ARI's stored
/// recording download on Asterisk), so no shared filesystem is needed.
/// </summary>
[ApiController]
[Route("api/v1/recordings")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class RecordingsController(CallCenterAccess access, CallCenterService service, RecordingStore store) : ControllerBase
{
    /// <summary>Recordings, newest first, optionally of one call or a time range.</summary>
    /// <param name="callId">Only this call's recordings.</param>
    /// <param name="from">Started at or after (ISO 8601).</param>
    /// <param name="to">Started before (ISO 8601).</param>
    /// <param name="limit">At most this many (1–500, default 100).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The recordings the caller may hear.</response>
    /// <response code="400"><c>validation_failed</c>: limit out of range.</response>
    [HttpGet]
    [Produces("application/json")]
    [ProducesResponseType<IReadOnlyList<RecordingView>>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task<IReadOnlyList<RecordingView>> Search(Guid? callId, DateTimeOffset? from, DateTimeOffset? to, int limit = 100,
        CancellationToken ct = default)
    {
        if (limit is < 1 or > 500)
            throw new CtiException(ErrorCodes.ValidationFailed, "limit is between 1 and 500.", ErrorKind.Validation);
        var (center, caller) = access.Tenant(AccessKind.Read);
        return await store.SearchAsync(caller.TenantId, Audible(center, caller), callId, from, to, limit, ct);
    }

    /// <summary>The recording's audio (WAV), streamed from the PBX.</summary>
    /// <param name="recordingId">The recording.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The audio.</response>
    /// <response code="404"><c>not_found</c>: no such recording of yours, or the PBX no longer has its audio.</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpGet("{recordingId:guid}/audio")]
    [Produces("audio/wav", "application/problem+json")]
    [ProducesResponseType<FileStreamResult>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> Audio(Guid recordingId, CancellationToken ct)
    {
        var (center, caller) = access.Tenant(AccessKind.Read);
        var found = await store.FindAsync(caller.TenantId, recordingId, ct);
        var audible = Audible(center, caller);
        if (found is not { } r || (audible is not null && (r.AgentId is not { } owner || !audible.Contains(owner))))
            throw new CtiException(ErrorCodes.NotFound, "No such recording.", ErrorKind.NotFound);
        Stream? audio;
        try { audio = await service.Pbx.OpenRecordingAsync(r.Name, ct); }
        catch (Exception ex) when (ex is not CtiException and not OperationCanceledException)
        {
            throw new CtiException(ErrorCodes.PbxUnavailable, "The PBX did not hand over the recording: " + ex.Message, ErrorKind.Unavailable);
        }
        if (audio is null) throw new CtiException(ErrorCodes.NotFound, "The PBX no longer has this recording's audio.", ErrorKind.NotFound);
        return File(audio, "audio/wav", $"{r.Name}.{r.Format}");
    }

    /// <summary>The agents whose recordings the caller may hear; null for the whole tenant.</summary>
    private IReadOnlyCollection<Guid>? Audible(TenantCallCenter center, Caller caller)
    {
        if (caller.IsApiKey || caller.IsAdmin) return null;
        var self = caller.UserId!.Value;
        var agents = center.ListAgents().Select(a => a.AgentId).Where(a => a == self || access.Oversees(caller, a)).ToList();
        return agents;
    }
}
