using CtiBridge.Api.Auth;
using CtiBridge.Application.Provisioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Provisioning;

/// <summary>A desk phone's SIP credentials (admins; docs/provisioning.md).</summary>
[ApiController]
[Route("api/v1/admin/phones/{id:guid}/sip-credentials")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class PhoneCredentialsController(PhoneCredentials credentials) : ControllerBase
{
    /// <summary>
    /// Issues the phone's SIP credentials: a new password for its endpoint (applied on Asterisk at once; the phone must
    /// then register with it), shown in this answer only, recorded in the audit log (<c>phone.sip_credentials_issued</c>,
    /// without the password). The answer to the phone's creation carries its first credentials the same way.
    /// </summary>
    /// <response code="200">The credentials: endpoint, user name (= endpoint) and password.</response>
    /// <response code="404">No such phone in the caller's tenant.</response>
    /// <response code="409"><c>provisioning_off</c>: CtiBridge does not provision endpoints (sandbox, or <c>Asterisk:Provisioning:IncludeFile</c> unset); <c>endpoint_taken</c>.</response>
    [HttpPost]
    [ProducesResponseType<PhoneSipCredentials>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<ActionResult<PhoneSipCredentials>> Issue(Guid id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return await credentials.IssueAsync(User.ToActor(), id, ct);
    }
}
