using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Softphone;

/// <summary>
/// A web agent's browser softphone back into her call after a page reload: the reloaded toolbar finds the call it is
/// connected to with no audio session in the page and asks for it. See docs/toolbar.md, "A reload during a call".
/// </summary>
[ApiController]
[Route("api/v1/calls")]
[Route("api/v1/agents/{agentId:guid}/calls")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
[ProducesResponseType<ProblemDetails>(404)]
public sealed class SoftphoneReturnController(CallCenterAccess access) : ControllerBase
{
    /// <summary>Calls the web agent's softphone back into her connected call (the signed-in agent, or the agent named in the path).</summary>
    /// <remarks>
    /// CtiBridge hangs up what is left of her old softphone leg (not her hang-up), keeps the customer in the call with
    /// music, and rings her softphone asking it to answer by itself; once it answers, the new leg is in the call in place
    /// of the old one and the music stops (<c>callStateChanged</c> with reason <c>softphone_returned</c>). Asking again
    /// while it rings does nothing. If the softphone does not come back within 30 s, her part of the call ends as if she
    /// had hung up.
    /// </remarks>
    /// <response code="204">Her softphone is being rung back into the call.</response>
    /// <response code="404"><c>call_not_found</c> (also another agent's call).</response>
    /// <response code="409"><c>no_softphone</c> (not a web-extension agent, or on a hot-desk phone), <c>call_not_connected</c>.</response>
    [HttpPost("{callId:guid}/softphone/return")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(409)]
    public IActionResult Return(Guid callId)
    {
        var (center, agentId, _) = access.Agent(AccessKind.Control);
        center.ReturnSoftphone(agentId, callId);
        return NoContent();
    }
}
