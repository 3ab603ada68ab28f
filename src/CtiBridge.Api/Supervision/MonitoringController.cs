using CtiBridge.Api.Softphone;
using CtiBridge.Api.CallCenter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Supervision.Monitoring;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Supervision;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CtiBridge.Api.Supervision;

/// <summary>Start monitoring an agent's call.</summary>
/// <example>{ "agentId": "5f0c7a52-3c1e-4a51-9d2f-1f6f3f2b8e11", "mode": "Monitor" }</example>
public sealed record StartMonitoringRequest
{
    /// <summary>The agent whose call to monitor (an agent of one of your teams).</summary>
    public Guid? AgentId { get; init; }
    /// <summary><c>Monitor</c> (silent), <c>Whisper</c> (only the agent hears you), <c>Barge</c> (both hear you) or <c>TakeOver</c> (you keep the customer).</summary>
    public string? Mode { get; init; }
}

/// <summary>Switch the running session to another mode (same device leg, no new call).</summary>
/// <example>{ "mode": "Whisper" }</example>
public sealed record MonitoringModeRequest
{
    /// <summary><c>Monitor</c>, <c>Whisper</c>, <c>Barge</c> or <c>TakeOver</c>.</summary>
    public string? Mode { get; init; }
}

internal static class MonitoringModeNames
{
    public static bool IsValid(string? mode) => mode is not null && Enum.TryParse<MonitoringMode>(mode, ignoreCase: true, out var m) && Enum.IsDefined(m)
        && !int.TryParse(mode, out _);

    public static MonitoringMode Parse(string mode) => Enum.Parse<MonitoringMode>(mode, ignoreCase: true);

    public const string Message = "One of Monitor, Whisper, Barge, TakeOver.";
}

internal sealed class StartMonitoringRequestValidator : AbstractValidator<StartMonitoringRequest>
{
    public StartMonitoringRequestValidator()
    {
        RuleFor(x => x.AgentId).NotNull().WithMessage("Required.").NotEqual(Guid.Empty).WithMessage("Required.");
        RuleFor(x => x.Mode).Required(20).Must(MonitoringModeNames.IsValid).WithMessage(MonitoringModeNames.Message);
    }
}

internal sealed class MonitoringModeRequestValidator : AbstractValidator<MonitoringModeRequest>
{
    public MonitoringModeRequestValidator() =>
        RuleFor(x => x.Mode).Required(20).Must(MonitoringModeNames.IsValid).WithMessage(MonitoringModeNames.Message);
}

/// <summary>
/// Supervision: silent monitor, whisper (coach), barge and take over of an agent's live call, on the supervisor's own
/// device (their supervisor extension, else their agent extension; it is rung with auto-answer). One session per
/// supervisor. The session's changes arrive as <c>monitoringStarted</c>, <c>monitoringModeChanged</c> and
/// <c>monitoringEnded</c> events (to the supervisor, and to the agent when the tenant tells monitored parties).
/// Signed-in supervisors and tenant admins only (not API keys: a session needs a person with a device).
/// </summary>
[ApiController]
[Route("api/v1/supervision/monitoring")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class MonitoringController(CallCenterAccess access, CallCenterDirectory directory, MonitoringService monitoring,
    IInputValidator validator) : ControllerBase
{
    /// <summary>Your running monitoring session.</summary>
    /// <response code="200">The session (state <c>Connecting</c> while your device rings, then <c>Active</c>).</response>
    /// <response code="404"><c>not_monitoring</c>.</response>
    [HttpGet]
    [ProducesResponseType<MonitoringView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public MonitoringView Get()
    {
        var caller = Supervisor();
        return monitoring.Current(caller.TenantId, caller.UserId!.Value)
            ?? throw new CtiException(ErrorCodes.NotMonitoring, "You are not monitoring a call.", ErrorKind.NotFound);
    }

    /// <summary>Starts monitoring an agent's call: your device rings (auto-answer) and hears the call in the mode asked for.</summary>
    /// <remarks>
    /// Monitor: you hear the agent and whoever the agent hears; nobody hears you. Whisper: the agent, only the agent, hears
    /// you. Barge: the agent and the customer hear you. TakeOver: you keep the customer; the agent's leg leaves and the
    /// agent goes to wrap-up (after a queue call). The monitored parties hear a beep only when the tenant's setting
    /// <c>tellMonitoredParties</c> is on.
    /// </remarks>
    /// <response code="201">The session: state <c>Connecting</c> while your device rings (<c>monitoringStarted</c> follows when it answers), or <c>Active</c> at once on your desk's open listening line.</response>
    /// <response code="400">Invalid body.</response>
    /// <response code="403"><c>forbidden</c> (not a supervisor), <c>not_your_agent</c> (outside your teams), <c>monitoring_mode_not_allowed</c> (your teams' permission).</response>
    /// <response code="409"><c>already_monitoring</c>, <c>agent_not_on_call</c> (also in wrap-up), <c>no_supervisor_device</c>, <c>take_over_not_possible</c> (take over asked for during a consultation, a conference or self-service).</response>
    [HttpPost]
    [ProducesResponseType<MonitoringView>(201)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Start([FromBody] StartMonitoringRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var caller = Supervisor();
        var center = access.Center(caller);
        var view = monitoring.Start(center, directory.Supervision(caller.TenantId), caller.UserId!.Value, request.AgentId!.Value,
            MonitoringModeNames.Parse(request.Mode!));
        return StatusCode(201, view);
    }

    /// <summary>Switches your session to another mode, on the same device leg (no new call).</summary>
    /// <response code="200">The session in its new mode (<c>monitoringModeChanged</c> is sent too).</response>
    /// <response code="400">Invalid body.</response>
    /// <response code="403"><c>monitoring_mode_not_allowed</c>.</response>
    /// <response code="404"><c>not_monitoring</c>.</response>
    /// <response code="409"><c>take_over_not_possible</c> (a consultation, conference or self-service runs, or the call was taken over already).</response>
    /// <response code="503"><c>pbx_unavailable</c>.</response>
    [HttpPut("mode")]
    [ProducesResponseType<MonitoringView>(200)]
    [ProducesResponseType<ValidationProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(503)]
    public async Task<MonitoringView> SwitchMode([FromBody] MonitoringModeRequest request, CancellationToken ct)
    {
        await validator.ValidateAsync(request, ct);
        var caller = Supervisor();
        return await monitoring.SwitchAsync(caller.TenantId, directory.Supervision(caller.TenantId), caller.UserId!.Value,
            MonitoringModeNames.Parse(request.Mode!));
    }

    /// <summary>The browser softphone you listen on: the registration settings of your web device (the supervisor desk registers it).</summary>
    /// <remarks>
    /// Your device is your supervisor extension (<c>PUT /api/v1/admin/users/{id}/supervisor-device</c>), else your agent
    /// extension. A registered phone (<c>Sip</c>) needs no settings from here: it rings by itself.
    /// </remarks>
    /// <response code="200">The settings (they hold the endpoint's SIP password: given only to you).</response>
    /// <response code="404"><c>softphone_not_available</c>: no device, a device that is not a web extension, sandbox mode, or the endpoint is not provisioned.</response>
    [HttpGet("softphone")]
    [ProducesResponseType<SoftphoneSettingsView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<SoftphoneSettingsView> Softphone([FromServices] SupervisorDevices devices, [FromServices] SoftphoneSettings softphones, CancellationToken ct)
    {
        var caller = Supervisor();
        var center = access.Center(caller);
        var device = await devices.OfAsync(caller.TenantId, caller.UserId!.Value, ct)
            ?? throw new CtiException(ErrorCodes.SoftphoneNotAvailable, "You have no device to listen on: an admin gives you a supervisor extension.", ErrorKind.NotFound);
        return await softphones.ForAsync(center.Domain, device.Extension, device.Kind, User.FindFirst(Auth.CtiClaims.DisplayName)?.Value ?? "Supervisor", ct);
    }

    /// <summary>Your listening line: the leg kept up to your browser softphone while the desk is open.</summary>
    /// <response code="200">The line (<c>Ringing</c>, <c>Open</c>, or <c>InUse</c> with the session on it).</response>
    /// <response code="404"><c>not_found</c>: you have no line.</response>
    [HttpGet("line")]
    [ProducesResponseType<MonitoringLineView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public MonitoringLineView GetLine()
    {
        var caller = Supervisor();
        return monitoring.CurrentLine(caller.TenantId, caller.UserId!.Value)
            ?? throw new CtiException(ErrorCodes.NotFound, "You have no listening line.", ErrorKind.NotFound);
    }

    /// <summary>Opens your listening line: your browser softphone is called once (auto-answer) and stays connected, silent, so that listening starts without a new call.</summary>
    /// <remarks>
    /// The supervisor desk asks for it while its softphone is registered. A session started while the line is open runs
    /// on it: nothing rings, the call is heard as soon as the snoop joins the line (tens of milliseconds instead of a new
    /// WebRTC call's set-up). When the session ends the line stays open; hanging the line up on the softphone ends it
    /// (and a session on it). Asking again while a line exists returns that line, unless <paramref name="replace"/> is true:
    /// a desk that has just started its softphone sends it, because a line found then went to a page that is gone (a
    /// reload, another tab); that line is closed (a session on it ends) and a new one rings. Only for a browser softphone;
    /// a browser that went away stops sending audio and Asterisk hangs its leg up after 20 s (rtp_timeout), which closes the line.
    /// </remarks>
    /// <param name="replace">True from a desk that has just registered its softphone: replace a line found.</param>
    /// <response code="200">The line, <c>Ringing</c> until the softphone answers, then <c>Open</c>.</response>
    /// <response code="409"><c>no_supervisor_device</c>; <c>listening_line_needs_web_device</c> (your device is a desk phone: it rings when you listen).</response>
    [HttpPut("line")]
    [ProducesResponseType<MonitoringLineView>(200)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<MonitoringLineView> OpenLine([FromServices] SupervisorDevices devices, CancellationToken ct, [FromQuery] bool replace = false)
    {
        var caller = Supervisor();
        var center = access.Center(caller);
        var device = await devices.OfAsync(caller.TenantId, caller.UserId!.Value, ct)
            ?? throw new CtiException(ErrorCodes.NoSupervisorDevice, "You have no device to listen on: an admin gives you a supervisor extension.");
        return monitoring.OpenLine(center, directory.Supervision(caller.TenantId), caller.UserId!.Value, device.Kind, replace);
    }

    /// <summary>Closes your listening line (a session on it ends as stopped). Without a line: nothing to do.</summary>
    /// <response code="204">Closed.</response>
    [HttpDelete("line")]
    [ProducesResponseType(204)]
    public IActionResult CloseLine()
    {
        var caller = Supervisor();
        monitoring.CloseLine(caller.TenantId, caller.UserId!.Value);
        return NoContent();
    }

    /// <summary>Stops your session: your device leg is hung up (after a take over, the customer's too); on a listening line the line stays open.</summary>
    /// <response code="204">Stopped (<c>monitoringEnded</c> is sent).</response>
    /// <response code="404"><c>not_monitoring</c>.</response>
    [HttpDelete]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public IActionResult Stop()
    {
        var caller = Supervisor();
        monitoring.Stop(caller.TenantId, caller.UserId!.Value);
        return NoContent();
    }

    private Caller Supervisor()
    {
        var caller = access.Caller;
        if (!caller.IsSupervisor)
            throw new CtiException(ErrorCodes.Forbidden, "Only supervisors and admins may monitor calls.", ErrorKind.Forbidden);
        return caller;
    }
}
