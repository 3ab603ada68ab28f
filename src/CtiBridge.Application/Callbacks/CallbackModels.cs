using CtiBridge.Application.Common;
using CtiBridge.Data.Entities;
using FluentValidation;

namespace CtiBridge.Application.Callbacks;

/// <summary>Error codes of callbacks (docs/callbacks.md).</summary>
public static class CallbackErrors
{
    /// <summary>No such callback, or one the caller may not see (404; another tenant's callbacks are never seen).</summary>
    public const string NotFound = "callback_not_found";
    /// <summary>The due time is not later than now (400).</summary>
    public const string DueInPast = "callback_due_in_past";
    /// <summary>The due time cannot be read, or falls in the tenant's daylight-saving gap (400).</summary>
    public const string DueTimeInvalid = "callback_due_time_invalid";
    /// <summary>The number cannot be dialled: letters, fewer than 3 or more than 20 digits (400); or the contact has no number.</summary>
    public const string NumberInvalid = "callback_number_invalid";
    /// <summary>The agent named is not one the caller may give a callback to: an agent of another team, not an agent, not of this tenant (403).</summary>
    public const string AssigneeForbidden = "callback_assignee_forbidden";
    /// <summary>No such skill group in this tenant (404).</summary>
    public const string SkillGroupNotFound = "callback_skill_group_not_found";
    /// <summary>The callback is completed or cancelled; it cannot change any more (409).</summary>
    public const string Closed = "callback_closed";
    /// <summary>Only supervisors (their teams' callbacks) and admins reassign (403).</summary>
    public const string ReassignForbidden = "callback_reassign_forbidden";
    /// <summary>Only a signed-in agent dials a callback (403).</summary>
    public const string DialForbidden = "callback_dial_forbidden";
}

/// <summary>Schedule a callback. Give the due time as <c>dueAt</c> (with an offset) or <c>dueAtLocal</c> (the tenant's time zone).</summary>
/// <example>{ "contactId": "3f0c…", "number": "+49 30 1234567", "dueAtLocal": "2026-12-07T10:30", "note": "Wants the new offer" }</example>
public sealed record ScheduleCallbackRequest
{
    /// <summary>The contact to call back (one of this tenant's); its first number is used when <c>number</c> is absent.</summary>
    public Guid? ContactId { get; init; }
    /// <summary>The number to dial: digits with optional <c>+</c>, spaces, <c>-</c>, <c>/</c>, <c>.</c>, brackets; 3–20 digits. Read with the tenant's country.</summary>
    public string? Number { get; init; }
    /// <summary>When it is due, with an offset (e.g. <c>2026-12-07T09:30:00Z</c>); stored in UTC.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>When it is due, in the tenant's time zone, without an offset (e.g. <c>2026-12-07T10:30</c>).</summary>
    public string? DueAtLocal { get; init; }
    /// <summary>Up to 2000 characters.</summary>
    public string? Note { get; init; }
    /// <summary>The agent who calls back: the caller when absent (agents); another agent of the caller's team (agents and supervisors); any agent (admins, API keys).</summary>
    public Guid? AgentId { get; init; }
    /// <summary>A skill group: with no agent, any logged-in agent of the group is reminded; with an agent, the group it is offered to on escalation.</summary>
    public Guid? SkillGroupId { get; init; }
}

/// <summary>Snooze a due callback: it is due again in <c>minutes</c> and its reminder fires again.</summary>
/// <example>{ "minutes": 10 }</example>
public sealed record SnoozeCallbackRequest
{
    /// <summary>1–1440 minutes.</summary>
    public int? Minutes { get; init; }
}

/// <summary>Move a callback to another time (and optionally change its note).</summary>
/// <example>{ "dueAtLocal": "2026-12-08T14:00" }</example>
public sealed record RescheduleCallbackRequest
{
    /// <summary>The new due time with an offset.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>The new due time in the tenant's time zone.</summary>
    public string? DueAtLocal { get; init; }
    /// <summary>A new note (absent: unchanged).</summary>
    public string? Note { get; init; }
}

/// <summary>Complete a callback with its result.</summary>
/// <example>{ "result": "Reached, order placed" }</example>
public sealed record CompleteCallbackRequest
{
    /// <summary>Required, up to 200 characters.</summary>
    public string? Result { get; init; }
}

/// <summary>Cancel a callback.</summary>
/// <example>{ "reason": "Customer called in" }</example>
public sealed record CancelCallbackRequest
{
    /// <summary>Optional, up to 200 characters (kept as the result).</summary>
    public string? Reason { get; init; }
}

/// <summary>Give a callback to another agent of the supervisor's teams, or to a skill group (exactly one).</summary>
/// <example>{ "agentId": "7a1e…" }</example>
public sealed record ReassignCallbackRequest
{
    /// <summary>The agent who calls back now.</summary>
    public Guid? AgentId { get; init; }
    /// <summary>The skill group whose agents are reminded now (the callback has no agent any more).</summary>
    public Guid? SkillGroupId { get; init; }
}

/// <summary>
/// A callback. Times are UTC (<c>dueAt</c>, …) and, for display, in the tenant's time zone (<c>dueAtLocal</c>,
/// ISO 8601 with the zone's offset at that instant).
/// </summary>
/// <param name="Id">The callback.</param>
/// <param name="Status">Scheduled, InProgress (dialled), Completed, Cancelled.</param>
/// <param name="Number">The number to dial (E.164 when it could be read with the tenant's country).</param>
/// <param name="ContactId">The contact, if any.</param>
/// <param name="ContactName">The contact's name.</param>
/// <param name="DueAt">When it is due (UTC).</param>
/// <param name="DueAtLocal">The same instant in the tenant's time zone.</param>
/// <param name="TimeZone">The tenant's IANA time zone.</param>
/// <param name="Note">The note.</param>
/// <param name="AgentId">The agent who calls back; null: any agent of the skill group.</param>
/// <param name="AgentName">That agent's name.</param>
/// <param name="SkillGroupId">The skill group.</param>
/// <param name="SkillGroupName">Its name.</param>
/// <param name="TeamId">The team whose supervisors see it.</param>
/// <param name="CreatedById">Who scheduled it (null: an API key).</param>
/// <param name="CreatedAt">When it was scheduled (UTC).</param>
/// <param name="ReminderSentAt">When its reminder went out for this due time (UTC; null: not yet).</param>
/// <param name="EscalatedAt">When it was escalated (UTC; null: not).</param>
/// <param name="CompletedAt">When it was completed or cancelled (UTC).</param>
/// <param name="Result">The result (or the reason it was cancelled).</param>
/// <param name="CallId">The last call dialled for it.</param>
public sealed record CallbackView(
    Guid Id, CallbackStatus Status, string Number, Guid? ContactId, string? ContactName,
    DateTimeOffset DueAt, string DueAtLocal, string TimeZone, string? Note,
    Guid? AgentId, string? AgentName, Guid? SkillGroupId, string? SkillGroupName, Guid? TeamId,
    Guid? CreatedById, DateTimeOffset CreatedAt, DateTimeOffset? ReminderSentAt, DateTimeOffset? EscalatedAt,
    DateTimeOffset? CompletedAt, string? Result, Guid? CallId);

/// <summary>Which callbacks a list shows.</summary>
public enum CallbackScope
{
    /// <summary>The caller's own, and those of their skill groups that no agent has.</summary>
    Mine,
    /// <summary>Supervisors: their teams' callbacks; admins and API keys: the tenant's.</summary>
    Team,
}

/// <summary>The id of the call dialled for a callback.</summary>
public sealed record CallbackDialResponse(Guid CallId, CallbackView Callback);

internal sealed class ScheduleCallbackRequestValidator : AbstractValidator<ScheduleCallbackRequest>
{
    public ScheduleCallbackRequestValidator()
    {
        RuleFor(x => x.Number).MaximumLength(40);
        RuleFor(x => x.Note).Optional(2000);
        RuleFor(x => x.DueAtLocal).MaximumLength(40);
        RuleFor(x => x).Must(x => (x.DueAt is null) != (x.DueAtLocal is null)).OverridePropertyName("dueAt")
            .WithMessage("Give dueAt or dueAtLocal (exactly one).");
        RuleFor(x => x).Must(x => x.ContactId is not null || !string.IsNullOrWhiteSpace(x.Number)).OverridePropertyName("number")
            .WithMessage("Give a number, a contact, or both.");
    }
}

internal sealed class SnoozeCallbackRequestValidator : AbstractValidator<SnoozeCallbackRequest>
{
    public SnoozeCallbackRequestValidator() => RuleFor(x => x.Minutes).NotNull().WithMessage("Required.").InclusiveBetween(1, 1440);
}

internal sealed class RescheduleCallbackRequestValidator : AbstractValidator<RescheduleCallbackRequest>
{
    public RescheduleCallbackRequestValidator()
    {
        RuleFor(x => x.Note).Optional(2000);
        RuleFor(x => x.DueAtLocal).MaximumLength(40);
        RuleFor(x => x).Must(x => (x.DueAt is null) != (x.DueAtLocal is null)).OverridePropertyName("dueAt")
            .WithMessage("Give dueAt or dueAtLocal (exactly one).");
    }
}

internal sealed class CompleteCallbackRequestValidator : AbstractValidator<CompleteCallbackRequest>
{
    public CompleteCallbackRequestValidator() =>
        RuleFor(x => x.Result).Required(200).Must(r => r is null || r.Trim().Length > 0).WithMessage("Required.");
}

internal sealed class CancelCallbackRequestValidator : AbstractValidator<CancelCallbackRequest>
{
    public CancelCallbackRequestValidator() => RuleFor(x => x.Reason).Optional(200);
}

internal sealed class ReassignCallbackRequestValidator : AbstractValidator<ReassignCallbackRequest>
{
    public ReassignCallbackRequestValidator() =>
        RuleFor(x => x).Must(x => (x.AgentId is null) != (x.SkillGroupId is null)).OverridePropertyName("agentId")
            .WithMessage("Give agentId or skillGroupId (exactly one).");
}
