using CtiBridge.Application.CallerIds;
using CtiBridge.Application.Common;
using FluentValidation;

namespace CtiBridge.Api.CallCenter;

/// <summary>CTI login after the session login.</summary>
/// <example>{ "ready": true }</example>
public sealed record AgentLoginRequest
{
    /// <summary>Start Ready (true) or Not Ready (false, with <see cref="Reason"/> or the system reason "Logged in").</summary>
    public bool? Ready { get; init; }
    /// <summary>A Not Ready reason of the tenant (name or IVR code), when <see cref="Ready"/> is false.</summary>
    public string? Reason { get; init; }
    /// <summary>A free hot-desk phone's endpoint (see GET /api/v1/phones/free) to take calls on instead of the own extension.</summary>
    public string? PhoneEndpoint { get; init; }
}

/// <summary>Ready or Not Ready (with a reason); supervisors may also log an agent out.</summary>
/// <example>{ "state": "NotReady", "reason": "Meeting", "message": "Team meeting in room 2, now please." }</example>
public sealed record SetAgentStateRequest
{
    /// <summary>
    /// A supervisor's note to the agent (up to 200 characters), shown on the agent's toolbar with the supervisor's name and
    /// kept in the state history. Only when a supervisor or admin changes another agent's state; ignored otherwise.
    /// </summary>
    public string? Message { get; init; }
    /// <summary><c>Ready</c>, <c>NotReady</c>, or (supervisors, and agents themselves) <c>LoggedOut</c>.</summary>
    public string? State { get; init; }
    /// <summary>Required for NotReady: one of the tenant's reasons (GET /api/v1/agent/pause-reasons).</summary>
    public string? Reason { get; init; }
}

/// <summary>Extends the running wrap-up.</summary>
/// <example>{ "seconds": 30 }</example>
public sealed record ExtendWrapUpRequest
{
    /// <summary>Seconds to add, 1–3600.</summary>
    public int? Seconds { get; init; }
}

/// <summary>Switches the agent's auto-answer on or off.</summary>
/// <example>{ "enabled": true }</example>
public sealed record AutoAnswerRequest
{
    /// <summary>True: offered calls are answered without a click.</summary>
    public bool? Enabled { get; init; }
}

/// <summary>Chooses the working mode (for agents whose profile lets them select it).</summary>
/// <example>{ "mode": "Inbound" }</example>
public sealed record WorkingModeRequest
{
    /// <summary><c>Inbound</c>, <c>Outbound</c> or <c>Both</c>.</summary>
    public string? Mode { get; init; }
}

/// <summary>The self-service flow to send the customer through.</summary>
/// <example>{ "flow": "pin" }</example>
public sealed record SelfServiceRequest
{
    /// <summary>A flow name of the tenant (see <c>GET /agent/self-service-flows</c>).</summary>
    public string? Flow { get; init; }
}

/// <summary>DTMF digits to send to the far end.</summary>
/// <example>{ "digits": "123#" }</example>
public sealed record DtmfRequest
{
    /// <summary>0-9, *, #, A-D; 1–32 digits.</summary>
    public string? Digits { get; init; }
}

/// <summary>Where a blind transfer goes: exactly one of an agent, a skill group or a number.</summary>
/// <example>{ "skillGroupId": "6f0c1a53-8a7e-4d53-9a55-0c2f5b0d9e11" }</example>
public sealed record TransferRequest
{
    /// <summary>A Ready agent of the tenant.</summary>
    public Guid? AgentId { get; init; }
    /// <summary>A skill group: the call queues there.</summary>
    public Guid? SkillGroupId { get; init; }
    /// <summary>A number or extension.</summary>
    public string? Number { get; init; }
}

/// <summary>Whom to consult or add to the conference: exactly one of an agent or a number.</summary>
/// <example>{ "agentId": "0f8fad5b-d9cb-469f-a165-70867728950e" }</example>
public sealed record PartyTargetRequest
{
    /// <summary>A Ready agent of the tenant.</summary>
    public Guid? AgentId { get; init; }
    /// <summary>A number or extension.</summary>
    public string? Number { get; init; }
}

/// <summary>The agent's own disposition and remarks on a call (live, in wrap-up, or after it ended). A field left out keeps its value; an empty one clears it.</summary>
/// <example>{ "dispositionId": "3f2a9c4e-0b1d-4c55-9a57-2b0e8f6c1d20", "remarks": "Customer ordered 3 items." }</example>
public sealed record DispositionRequest
{
    /// <summary>One of the tenant's active disposition codes (<c>GET /api/v1/agent/dispositions</c>); wins over <c>disposition</c>.</summary>
    public Guid? DispositionId { get; init; }
    /// <summary>
    /// A disposition code or name of the tenant, any case (older clients send this). Free text only for a tenant without
    /// codes (kept with the remarks); otherwise <c>disposition_unknown</c>. At most 100 characters.
    /// </summary>
    public string? Disposition { get; init; }
    /// <summary>Free text, at most 2000 characters.</summary>
    public string? Remarks { get; init; }
}

/// <summary>Click-to-dial: the agent's phone rings first, then the number is dialled.</summary>
/// <example>{ "number": "+4930123456" }</example>
public sealed record DialRequest
{
    /// <summary>A number or a colleague's extension: optional +, then 2–32 of 0-9 * #.</summary>
    public string? Number { get; init; }
    /// <summary>A caller ID the agent may present (<c>GET /api/v1/agent/caller-ids</c>); left out: the first of hers, else the trunk's default.</summary>
    public string? CallerId { get; init; }
}

/// <summary>The new position of a waiting call (1 = next).</summary>
/// <example>{ "position": 1 }</example>
public sealed record WaitingPositionRequest
{
    /// <summary>1 … number of waiting calls.</summary>
    public int? Position { get; init; }
}

/// <summary>Places a simulated customer call into a skill group (sandbox only).</summary>
/// <example>{ "skillGroup": "Sales", "callerNumber": "+4930555123", "attachedData": { "orderId": "A-1001" } }</example>
public sealed record SandboxCallRequest
{
    /// <summary>The skill group's name, number or id.</summary>
    public string? SkillGroup { get; init; }
    /// <summary>The caller's number: optional +, then 1–31 digits.</summary>
    public string? CallerNumber { get; init; }
    /// <summary>Attached data (at most 20 keys of 1–64 characters, values up to 1000 characters).</summary>
    public Dictionary<string, string>? AttachedData { get; init; }
}

internal sealed class AgentLoginRequestValidator : AbstractValidator<AgentLoginRequest>
{
    public AgentLoginRequestValidator()
    {
        RuleFor(x => x.Ready).NotNull().WithMessage("Required.");
        RuleFor(x => x.Reason).MaximumLength(50);
        RuleFor(x => x.PhoneEndpoint).MaximumLength(100);
    }
}

internal sealed class SetAgentStateRequestValidator : AbstractValidator<SetAgentStateRequest>
{
    public static readonly string[] States = ["Ready", "NotReady", "LoggedOut"];

    public SetAgentStateRequestValidator()
    {
        RuleFor(x => x.State).Required(20)
            .Must(s => s is null || States.Contains(s, StringComparer.OrdinalIgnoreCase)).WithMessage("One of Ready, NotReady, LoggedOut.");
        RuleFor(x => x.Reason).MaximumLength(50);
        RuleFor(x => x.Message).MaximumLength(200);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Required for NotReady.")
            .When(x => string.Equals(x.State, "NotReady", StringComparison.OrdinalIgnoreCase));
    }
}

internal sealed class ExtendWrapUpRequestValidator : AbstractValidator<ExtendWrapUpRequest>
{
    public ExtendWrapUpRequestValidator() => RuleFor(x => x.Seconds).NotNull().WithMessage("Required.").InclusiveBetween(1, 3600);
}

internal sealed class WorkingModeRequestValidator : AbstractValidator<WorkingModeRequest>
{
    public static readonly string[] Modes = ["Inbound", "Outbound", "Both"];

    public WorkingModeRequestValidator() =>
        RuleFor(x => x.Mode).Required(20)
            .Must(m => m is null || Modes.Contains(m, StringComparer.OrdinalIgnoreCase)).WithMessage("One of Inbound, Outbound, Both.");
}

internal sealed class AutoAnswerRequestValidator : AbstractValidator<AutoAnswerRequest>
{
    public AutoAnswerRequestValidator() => RuleFor(x => x.Enabled).NotNull().WithMessage("Required.");
}

internal sealed class DtmfRequestValidator : AbstractValidator<DtmfRequest>
{
    public DtmfRequestValidator() =>
        RuleFor(x => x.Digits).Required(32).Matches("^[0-9*#A-Da-d]{1,32}$").WithMessage("0-9, *, # and A-D only.");
}

internal sealed class SelfServiceRequestValidator : AbstractValidator<SelfServiceRequest>
{
    public SelfServiceRequestValidator() => RuleFor(x => x.Flow).Required(64);
}

internal static class TargetRules
{
    public const string NumberPattern = @"^\+?[0-9*#]{2,32}$";
}

internal sealed class TransferRequestValidator : AbstractValidator<TransferRequest>
{
    public TransferRequestValidator()
    {
        RuleFor(x => x).Must(x => (x.AgentId is not null ? 1 : 0) + (x.SkillGroupId is not null ? 1 : 0) + (x.Number is not null ? 1 : 0) == 1)
            .OverridePropertyName("$").WithMessage("Give exactly one of agentId, skillGroupId, number.");
        RuleFor(x => x.Number).MaximumLength(32).Matches(TargetRules.NumberPattern).WithMessage("A number: optional +, then 2–32 of 0-9 * #.");
    }
}

internal sealed class PartyTargetRequestValidator : AbstractValidator<PartyTargetRequest>
{
    public PartyTargetRequestValidator()
    {
        RuleFor(x => x).Must(x => (x.AgentId is not null ? 1 : 0) + (x.Number is not null ? 1 : 0) == 1)
            .OverridePropertyName("$").WithMessage("Give exactly one of agentId, number.");
        RuleFor(x => x.Number).MaximumLength(32).Matches(TargetRules.NumberPattern).WithMessage("A number: optional +, then 2–32 of 0-9 * #.");
    }
}

internal sealed class DispositionRequestValidator : AbstractValidator<DispositionRequest>
{
    public DispositionRequestValidator()
    {
        RuleFor(x => x).Must(x => x.DispositionId is not null || x.Disposition is not null || x.Remarks is not null)
            .OverridePropertyName("$").WithMessage("Give a disposition, remarks or both.");
        RuleFor(x => x.Disposition).MaximumLength(100);
        RuleFor(x => x.Remarks).MaximumLength(2000);
    }
}

internal sealed class DialRequestValidator : AbstractValidator<DialRequest>
{
    public DialRequestValidator()
    {
        RuleFor(x => x.Number).Required(32).Matches(TargetRules.NumberPattern).WithMessage("A number: optional +, then 2–32 of 0-9 * #.");
        RuleFor(x => x.CallerId).MaximumLength(32).Matches(CallerIdRules.NumberPattern).WithMessage("A number: optional +, then 2–31 digits.");
    }
}

internal sealed class WaitingPositionRequestValidator : AbstractValidator<WaitingPositionRequest>
{
    public WaitingPositionRequestValidator() => RuleFor(x => x.Position).NotNull().WithMessage("Required.").InclusiveBetween(1, 10_000);
}

internal sealed class SandboxCallRequestValidator : AbstractValidator<SandboxCallRequest>
{
    public SandboxCallRequestValidator()
    {
        RuleFor(x => x.SkillGroup).Required(100);
        RuleFor(x => x.CallerNumber).Required(32).Matches(Rules.PhoneNumberPattern).WithMessage("Optional +, then 1–31 digits.");
        RuleFor(x => x.AttachedData).Must(d => d is null || d.Count <= 20).WithMessage("At most 20 keys.");
        RuleForEach(x => x.AttachedData).Must(kv => kv.Key.Length is >= 1 and <= 64 && kv.Value is not null && kv.Value.Length <= 1000)
            .WithMessage("Keys of 1–64 characters, values of at most 1000.");
    }
}
