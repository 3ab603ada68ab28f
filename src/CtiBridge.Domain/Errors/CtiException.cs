namespace CtiBridge.Domain.Errors;

/// <summary>How a refusal maps onto HTTP, without the Domain knowing HTTP.</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or out of range (400).</summary>
    Validation,
    /// <summary>Not signed in or credentials refused (401).</summary>
    Unauthenticated,
    /// <summary>Signed in but not allowed (403).</summary>
    Forbidden,
    /// <summary>The thing does not exist, or exists in another tenant (404).</summary>
    NotFound,
    /// <summary>The request is valid but the current state refuses it (409).</summary>
    Conflict,
    /// <summary>Too many attempts (429).</summary>
    TooManyRequests,
    /// <summary>The PBX is unreachable or refused the operation (503).</summary>
    Unavailable,
}

/// <summary>
/// A refusal with a stable machine-readable code (snake_case, e.g. <c>agent_not_ready</c>) that
/// clients map to a human sentence. Every rule that says "no" throws one of these; the Api turns
/// it into a ProblemDetails carrying <see cref="Code"/>.
/// </summary>
public class CtiException(string code, string message, ErrorKind kind = ErrorKind.Conflict) : Exception(message)
{
    public string Code { get; } = code;
    public ErrorKind Kind { get; } = kind;
}

/// <summary>The stable error codes, in one place so they stay unique and documented.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidCredentials = "invalid_credentials";
    public const string AccountLocked = "account_locked";
    public const string AccountDisabled = "account_disabled";
    public const string TenantNotFound = "tenant_not_found";
    /// <summary>Another CtiBridge node holds the tenant's lease (docs/architecture.md, "Several nodes").</summary>
    public const string TenantOwnedElsewhere = "tenant_owned_elsewhere";
    public const string UnknownAsteriskServer = "unknown_asterisk_server";
    public const string WeakPassword = "weak_password";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    /// <summary>A PJSIP endpoint name that belongs to another tenant on the shared Asterisk.</summary>
    public const string EndpointTaken = "endpoint_taken";
    /// <summary>CtiBridge does not provision SIP endpoints here (sandbox, or <c>Asterisk:Provisioning:IncludeFile</c> unset).</summary>
    public const string ProvisioningOff = "provisioning_off";
    public const string RateLimited = "rate_limited";

    public const string InvalidStateTransition = "invalid_state_transition";
    public const string AgentNotLoggedIn = "agent_not_logged_in";
    public const string AgentAlreadyLoggedIn = "agent_already_logged_in";
    public const string AgentNotFound = "agent_not_found";
    public const string AgentNotReady = "agent_not_ready";
    public const string AgentBusy = "agent_busy";
    public const string UnknownPauseReason = "unknown_pause_reason";
    public const string NotInWrapUp = "not_in_wrap_up";
    public const string WorkingModeForbidsCall = "working_mode_forbids_call";
    public const string NotAMember = "not_a_member";

    public const string CallNotFound = "call_not_found";
    public const string TargetNotReady = "target_not_ready";
    public const string TargetOffline = "target_offline";
    public const string AlreadyHeld = "already_held";
    public const string NotHeld = "not_held";
    public const string NoConsultInProgress = "no_consult_in_progress";
    public const string ConsultInProgress = "consult_in_progress";
    public const string ConferenceFull = "conference_full";
    public const string AnswerOnDevice = "answer_on_device";
    public const string CallNotRinging = "call_not_ringing";
    /// <summary>The call exists but is not waiting in that skill group any more (offered, answered, moved or ended).</summary>
    public const string CallNotWaiting = "call_not_waiting";
    /// <summary>A supervisor acted on a skill group none of their teams' agents belongs to.</summary>
    public const string NotYourSkillGroup = "not_your_skill_group";
    /// <summary>The wallboard was opened without a valid key (missing, unknown or revoked).</summary>
    public const string InvalidWallboardKey = "invalid_wallboard_key";
    public const string CallNotConnected = "call_not_connected";
    /// <summary>Supervision: the agent has no connected call to monitor.</summary>
    public const string AgentNotOnCall = "agent_not_on_call";
    /// <summary>A supervisor acted on an agent outside their teams, or an agent on another agent (403).</summary>
    public const string NotYourAgent = "not_your_agent";
    /// <summary>Supervision: the supervisor's teams do not allow this monitoring mode for this agent.</summary>
    public const string MonitoringModeNotAllowed = "monitoring_mode_not_allowed";
    /// <summary>Supervision: the supervisor already monitors a call (one at a time).</summary>
    public const string AlreadyMonitoring = "already_monitoring";
    /// <summary>Supervision: the supervisor monitors no call.</summary>
    public const string NotMonitoring = "not_monitoring";
    /// <summary>Supervision: the supervisor has no device (supervisor extension or agent extension) to hear the call on.</summary>
    public const string NoSupervisorDevice = "no_supervisor_device";
    /// <summary>Supervision: a listening line is kept only to a browser softphone (a web device), not to a desk phone.</summary>
    public const string ListeningLineNeedsWebDevice = "listening_line_needs_web_device";
    /// <summary>Supervision: the call cannot be taken over now (a consultation, conference or self-service runs), or was already.</summary>
    public const string TakeOverNotPossible = "take_over_not_possible";
    /// <summary>Only a web agent's browser softphone can be called back into her call.</summary>
    public const string NoSoftphone = "no_softphone";
    public const string SkillGroupNotFound = "skill_group_not_found";
    public const string NumberBlocked = "number_blocked";
    public const string RecordingNotAllowed = "recording_not_allowed";
    public const string NotRecording = "not_recording";
    public const string SelfServiceFlowNotFound = "self_service_flow_not_found";
    public const string SelfServiceInProgress = "self_service_in_progress";
    public const string SoftphoneNotAvailable = "softphone_not_available";

    /// <summary>Only a failed webhook delivery can be retried by hand; a pending one is still being tried, a delivered one arrived (409).</summary>
    public const string WebhookDeliveryNotFailed = "webhook_delivery_not_failed";
    /// <summary>The webhook endpoint is disabled: enable it before retrying its deliveries (409).</summary>
    public const string WebhookEndpointDisabled = "webhook_endpoint_disabled";

    public const string PbxUnavailable = "pbx_unavailable";
    /// <summary>The database cannot be reached (503, with Retry-After); what the call center does in memory goes on.</summary>
    public const string DatabaseUnavailable = "database_unavailable";
    public const string SandboxOnly = "sandbox_only";

    /// <summary>No or an invalid bearer token (401).</summary>
    public const string Unauthenticated = "unauthenticated";
    /// <summary>An unexpected server error (500); details are in the server log under the trace id.</summary>
    public const string InternalError = "internal_error";
    /// <summary>Any other HTTP-level refusal (415 …) without a more specific code.</summary>
    public const string HttpError = "http_error";
    /// <summary>The path exists, but not for this HTTP method (405, with an <c>Allow</c> header).</summary>
    public const string MethodNotAllowed = "method_not_allowed";
}
