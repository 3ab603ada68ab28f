using System.Security.Claims;
using CtiBridge.Api.Auth;
using CtiBridge.Api.CallCenter;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Records;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Records;

/// <summary>Sets or clears a recording's legal hold.</summary>
/// <param name="Hold">True: kept past the tenant's retention.</param>
/// <example>{ "hold": true }</example>
public sealed record LegalHoldRequest(bool Hold);

/// <summary>
/// Recording search, audio and legal hold. Recordings are searched with the call record filters and listed from the moment
/// they start (<c>inProgress</c> until they stop). Audio only for the agents who were on the call and the supervisors of
/// their teams (admins and API keys with scope read: the tenant); anybody else gets 404 <c>not_found</c>, as for a
/// recording that does not exist. Every play and download is in the audit log once (<c>recording.played</c>,
/// <c>recording.downloaded</c>; <see cref="RecordingPlays"/>: not once per range request). A browser's <c>&lt;audio&gt;</c>
/// cannot send the bearer token: it plays a play URL (<c>POST …/play-url</c>, <see cref="RecordingPlayTokens"/>). The audio
/// is fetched from the PBX when asked for (ARI's stored recording on Asterisk).
/// </summary>
[ApiController]
[Route("api/v1/recordings")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class RecordingsController(RecordReaders readers, RecordingLibrary library, CallCenterService service, RecordingPlays plays,
    RecordingPlayTokens tokens) : ControllerBase
{
    /// <summary>The requested byte range starts after the audio's end (416).</summary>
    public const string RangeNotSatisfiable = "range_not_satisfiable";

    /// <summary>Recordings, newest first, of the calls matching the call record filters; optionally of one call or a time range of the recordings.</summary>
    /// <param name="query">Call record filters (the default "today" applies unless <c>callId</c>, <c>startedFrom</c> or <c>startedTo</c> is given).</param>
    /// <param name="callId">Only this call's recordings.</param>
    /// <param name="startedFrom">Recording started at or after (ISO 8601).</param>
    /// <param name="startedTo">Recording started before (ISO 8601).</param>
    /// <param name="limit">At most this many (1–500, default 100).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The recordings the caller may hear.</response>
    /// <response code="400"><c>validation_failed</c>: limit out of range, bad filter.</response>
    [HttpGet]
    [Produces("application/json")]
    [ProducesResponseType<IReadOnlyList<RecordingView>>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task<IReadOnlyList<RecordingView>> Search([FromQuery] CallRecordQuery query, Guid? callId, DateTimeOffset? startedFrom,
        DateTimeOffset? startedTo, int limit = 100, CancellationToken ct = default)
    {
        var filter = query.ToFilter();
        var viewer = await readers.ViewerAsync(ct);
        return await library.SearchAsync(viewer, filter, callId, startedFrom, startedTo, limit, ct);
    }

    /// <summary>The recording's audio (WAV). Supports HTTP range requests (seeking); <c>download=true</c> sends it as an attachment.</summary>
    /// <param name="recordingId">The recording.</param>
    /// <param name="download">Save as a file (audited as a download) instead of playing (audited as a play).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The audio.</response>
    /// <response code="206">The requested range of the audio.</response>
    /// <response code="404"><c>not_found</c>: no such recording the caller may hear, or the PBX no longer has its audio.</response>
    /// <response code="416"><c>range_not_satisfiable</c>: the range starts after the audio's end.</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpGet("{recordingId:guid}/audio")]
    [Produces("audio/wav", "application/problem+json")]
    [ProducesResponseType<FileStreamResult>(200)]
    [ProducesResponseType<FileStreamResult>(206)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(416)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> Audio(Guid recordingId, bool download = false, CancellationToken ct = default)
    {
        var viewer = await readers.ViewerAsync(ct);
        // A player seeking sends further range requests: a play is one that starts at the beginning, or the first request
        // of this caller for this recording in a while (a player that had the start cached and began with a seek).
        var range = Request.Headers.Range.ToString();
        var starts = string.IsNullOrEmpty(range) || range.StartsWith("bytes=0-", StringComparison.Ordinal);
        var caller = User.FindFirstValue(CtiClaims.UserId) ?? User.FindFirstValue(ApiKeys.KeyIdClaim);
        var audit = plays.IsNewPlay($"{viewer.TenantId}:{caller}:{recordingId}:{download}", starts);
        return await ServeAsync(viewer, recordingId, download, audit, ct);
    }

    /// <summary>
    /// A play URL for the recording: its audio without an Authorization header (an <c>&lt;audio&gt;</c> element, a download
    /// link), for this recording and this user only, for an hour. Signed-in users only.
    /// </summary>
    /// <param name="recordingId">The recording.</param>
    /// <param name="download">A download URL (audited as a download, sent as an attachment) instead of a play URL.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The URL and until when it works.</response>
    /// <response code="403"><c>forbidden</c>: an API key (it sends its header with the audio request instead).</response>
    /// <response code="404"><c>not_found</c>: no such recording the caller may hear.</response>
    [HttpPost("{recordingId:guid}/play-url")]
    [Produces("application/json")]
    [ProducesResponseType<RecordingPlayUrl>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<RecordingPlayUrl> PlayUrl(Guid recordingId, bool download = false, CancellationToken ct = default)
    {
        var viewer = await readers.ViewerAsync(ct);
        await library.OpenForAsync(viewer, recordingId, download ? RecordingAccess.Download : RecordingAccess.Play, audit: false, ct);
        return tokens.Issue(User, recordingId, download);
    }

    /// <summary>
    /// The recording's audio through a play URL (<c>POST …/play-url</c>): no Authorization header needed, range requests
    /// (seeking) as <c>GET …/audio</c>. The play (or download) is in the audit log once, as the user the URL was issued to,
    /// on the URL's first request whatever its range.
    /// </summary>
    /// <param name="recordingId">The recording.</param>
    /// <param name="token">The play token of the URL.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The audio.</response>
    /// <response code="206">The requested range of the audio.</response>
    /// <response code="401"><c>play_token_invalid</c>: tampered with, expired, for another recording, or its user signed out or was disabled;
    /// <c>play_token_not_yours</c>: the request is signed in as somebody else.</response>
    /// <response code="404"><c>not_found</c>: the user may no longer hear it, or the PBX no longer has its audio.</response>
    /// <response code="416"><c>range_not_satisfiable</c>.</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpGet("{recordingId:guid}/audio/play")]
    [AllowAnonymous]
    [Produces("audio/wav", "application/problem+json")]
    [ProducesResponseType<FileStreamResult>(200)]
    [ProducesResponseType<FileStreamResult>(206)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(416)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<IActionResult> PlayAudio(Guid recordingId, string? token, CancellationToken ct = default)
    {
        ClaimsPrincipal? signedIn = null;
        if (Request.Headers.ContainsKey("Authorization") || Request.Headers.ContainsKey(ApiKeys.Header))
            signedIn = (await HttpContext.AuthenticateAsync(ApiKeys.CallerScheme)).Principal;
        var (user, download, playId) = await tokens.ReadAsync(token, recordingId, signedIn, ct);
        HttpContext.User = user; // the reader and the audit entry are the user the URL was issued to
        var viewer = await readers.ViewerAsync(ct);
        return await ServeAsync(viewer, recordingId, download, plays.IsNewPlay(playId), ct);
    }

    private async Task<IActionResult> ServeAsync(RecordViewer viewer, Guid recordingId, bool download, bool audit, CancellationToken ct)
    {
        var access = download ? RecordingAccess.Download : RecordingAccess.Play;
        var (name, format) = await library.OpenForAsync(viewer, recordingId, access, audit, ct);
        Stream? audio;
        try { audio = await service.PbxOf(viewer.TenantId).OpenRecordingAsync(name, ct); } // the tenant's Asterisk server
        catch (Exception ex) when (ex is not CtiException and not OperationCanceledException)
        {
            throw new CtiException(ErrorCodes.PbxUnavailable, "The PBX did not hand over the recording: " + ex.Message, ErrorKind.Unavailable);
        }
        if (audio is null) throw new CtiException(ErrorCodes.NotFound, "The PBX no longer has this recording's audio.", ErrorKind.NotFound);
        if (!audio.CanSeek) audio = await SeekableCopyAsync(audio, ct);
        if (Request.GetTypedHeaders().Range?.Ranges is { Count: 1 } ranges && ranges.First().From is { } first && first >= audio.Length)
        {
            // ASP.NET Core answers 416 without a body; every error here is a ProblemDetails with a code.
            var length = audio.Length;
            await audio.DisposeAsync();
            Response.Headers.ContentRange = $"bytes */{length}";
            var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, 416, detail: $"The audio has {length} bytes.");
            problem.Extensions["code"] = RangeNotSatisfiable;
            return new ObjectResult(problem) { StatusCode = 416, ContentTypes = { "application/problem+json" } };
        }
        var file = File(audio, "audio/wav", download ? $"{name}.{format}" : null, enableRangeProcessing: true);
        return file;
    }

    /// <summary>Sets or clears the legal hold of a recording (supervisors of the call's agents, admins).</summary>
    /// <param name="recordingId">The recording.</param>
    /// <param name="request">Hold or release.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The recording.</response>
    /// <response code="403"><c>forbidden</c>: agents may not set a legal hold; <c>insufficient_scope</c>.</response>
    /// <response code="404"><c>not_found</c>.</response>
    [HttpPut("{recordingId:guid}/legal-hold")]
    [Produces("application/json")]
    [ProducesResponseType<RecordingView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<RecordingView> LegalHold(Guid recordingId, [FromBody] LegalHoldRequest request, CancellationToken ct)
    {
        var caller = readers.Caller;
        if (caller.IsApiKey) CallCenterAccess.RequireAdminScope(caller);
        var viewer = await readers.ViewerAsync(ct);
        return await library.SetLegalHoldAsync(viewer, recordingId, request.Hold, ct);
    }

    /// <summary>The PBX's stream (ARI over HTTP) cannot seek; a temporary file that deletes itself on close can, for range requests.</summary>
    private static async Task<Stream> SeekableCopyAsync(Stream audio, CancellationToken ct)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (audio) await audio.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }
}
