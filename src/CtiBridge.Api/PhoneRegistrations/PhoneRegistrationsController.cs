using CtiBridge.Api.Auth;
using CtiBridge.Application.PhoneRegistrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.PhoneRegistrations;

/// <summary>The live registration of the tenant's phones (admins).</summary>
[ApiController]
[Route("api/v1/admin/phones/registrations")]
[Authorize(Policy = Policies.Admin)]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class PhoneRegistrationsController(PhoneRegistrationsQuery registrations) : ControllerBase
{
    /// <summary>
    /// Each phone of the tenant with its live registration as the PBX knows it now: registered or not, its contacts
    /// (contact URI, User-Agent, status, when the registration expires) and when the PBX last heard from it (since
    /// CtiBridge started). Read from Asterisk over AMI at each request.
    /// </summary>
    /// <response code="200">The phones, by extension.</response>
    /// <response code="503"><c>pbx_unavailable</c>: the PBX could not be asked (AMI not configured or not connected).</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<PhoneRegistrationResponse>>(200)]
    [ProducesResponseType<ProblemDetails>(503)]
    public Task<IReadOnlyList<PhoneRegistrationResponse>> List(CancellationToken ct) => registrations.ListAsync(User.ToActor(), ct);
}
