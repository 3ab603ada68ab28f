using System.Globalization;
using CtiBridge.Application.Common;
using CtiBridge.Data.Entities;
using FluentValidation;

namespace CtiBridge.Application.DialTasks;

/// <summary>The stable error codes of dial tasks (docs/dialtasks.md).</summary>
public static class DialTaskErrors
{
    /// <summary>No such dial task in this tenant (404; another tenant's tasks are never seen).</summary>
    public const string NotFound = "dial_task_not_found";
    /// <summary>The task is not the caller's: a supervisor of another team, an agent not working it, or a team/agent the supervisor does not lead (403).</summary>
    public const string Forbidden = "dial_task_forbidden";
    /// <summary>Outside the task's days or daily window (tenant's time zone) nothing is offered or dialled (409).</summary>
    public const string WindowClosed = "dial_task_window_closed";
    /// <summary>The task is paused, completed or cancelled (409).</summary>
    public const string NotRunning = "dial_task_not_running";
    /// <summary>The contact is not offered to the caller (claimed by nobody, by another agent, or already done) (409).</summary>
    public const string NotClaimed = "dial_task_contact_not_claimed";
    /// <summary>The contact's call is still going on: its result is set after it ends, and it is not dialled twice at once (409).</summary>
    public const string CallInProgress = "dial_task_call_in_progress";
    /// <summary>No contact with a number was given (400).</summary>
    public const string NoContacts = "dial_task_no_contacts";
}

/// <summary>Keys of the attached data a dial task's call carries (and its call record keeps).</summary>
public static class DialTaskCallData
{
    public const string TaskKey = "dial_task_id";
    public const string ItemKey = "dial_task_contact_id";
}

/// <summary>
/// Create a dial task. Contacts come from any mix of <c>contactIds</c>, <c>contactSearch</c> and <c>csv</c> (each contact
/// once; its first number is dialled). Days and times are in the tenant's time zone.
/// </summary>
/// <example>{ "name": "Winter offer", "teamId": "…", "contactSearch": "ACME", "firstDay": "2026-12-07", "lastDay": "2026-12-18",
/// "dailyStart": "09:00", "dailyEnd": "17:30", "busyRetries": 2, "busyRetryMinutes": 10, "noAnswerRetries": 3, "noAnswerRetryMinutes": 60, "callerId": "+4930100" }</example>
public sealed record CreateDialTaskRequest
{
    /// <summary>Up to 100 characters.</summary>
    public string? Name { get; init; }
    /// <summary>The team whose supervisors manage the task (a supervisor: one she leads; absent: her first team). Its agents work the task unless <c>agentIds</c> names some.</summary>
    public Guid? TeamId { get; init; }
    /// <summary>The agents who work the task (each of a team the supervisor leads); absent or empty: every agent of the team.</summary>
    public IReadOnlyList<Guid>? AgentIds { get; init; }
    /// <summary>Contacts picked by id (each one the supervisor sees in the contact book; another tenant's is <c>contact_not_found</c>).</summary>
    public IReadOnlyList<Guid>? ContactIds { get; init; }
    /// <summary>Every contact the supervisor sees that matches this search (as <c>GET /contacts?search=</c>), at most 10,000.</summary>
    public string? ContactSearch { get; init; }
    /// <summary>Contacts as CSV, imported into the contact book first (the format of <c>POST /contacts/import</c>; all rows or none).</summary>
    public string? Csv { get; init; }
    /// <summary>The first day, <c>yyyy-MM-dd</c>.</summary>
    public string? FirstDay { get; init; }
    /// <summary>The last day, <c>yyyy-MM-dd</c> (not before the first, at most 366 days after it).</summary>
    public string? LastDay { get; init; }
    /// <summary>The daily window's start, <c>HH:mm</c>.</summary>
    public string? DailyStart { get; init; }
    /// <summary>The daily window's end, <c>HH:mm</c>, later than its start (no window across midnight).</summary>
    public string? DailyEnd { get; init; }
    /// <summary>How often a busy number is tried again (0–10, default 0).</summary>
    public int? BusyRetries { get; init; }
    /// <summary>Minutes between a busy attempt and its retry (1–10080, default 15).</summary>
    public int? BusyRetryMinutes { get; init; }
    /// <summary>How often a number that did not answer is tried again (0–10, default 0).</summary>
    public int? NoAnswerRetries { get; init; }
    /// <summary>Minutes between an unanswered attempt and its retry (1–10080, default 60).</summary>
    public int? NoAnswerRetryMinutes { get; init; }
    /// <summary>The caller ID presented: one of the tenant's outbound caller IDs (tenant-wide or the task's team's), else <c>caller_id_not_allowed</c>. Absent: the trunk's default.</summary>
    public string? CallerId { get; init; }
}

/// <summary>Run, pause or cancel a task.</summary>
/// <example>{ "status": "Paused" }</example>
public sealed record SetDialTaskStatusRequest
{
    /// <summary><c>Running</c>, <c>Paused</c> or <c>Cancelled</c> (cancelled is final).</summary>
    public DialTaskStatus? Status { get; init; }
}

/// <summary>The result of a contact: a disposition code of the tenant (by id, or its code or name as text) and a remark.</summary>
/// <example>{ "disposition": "SALE", "remark": "Ordered 3 units" }</example>
public sealed record DialTaskResultRequest
{
    /// <summary>The disposition code's id.</summary>
    public Guid? DispositionId { get; init; }
    /// <summary>Or the code (or its name) as text.</summary>
    public string? Disposition { get; init; }
    /// <summary>Up to 2000 characters (required when the code requires remarks).</summary>
    public string? Remark { get; init; }
}

/// <summary>How many contacts have one result.</summary>
public sealed record DialTaskResultCount(string Result, int Count);

/// <summary>
/// A task's progress: <c>done</c> (a result set, retries exhausted, or blocked) and <c>remaining</c> (pending or being
/// worked) of <c>total</c>, each status's count, and the done contacts by result (<c>byResult</c>; those closed without
/// one — answered, and no result set in time — are counted in <c>noResult</c> instead).
/// </summary>
public sealed record DialTaskProgress(Guid TaskId, int Total, int Done, int Remaining, int Pending, int RetriesWaiting, int Claimed,
    int Completed, int Exhausted, int Blocked, IReadOnlyList<DialTaskResultCount> ByResult, int NoResult);

/// <summary>A dial task. Days and times are the tenant's (<c>timeZone</c>); <c>windowOpen</c>: contacts are offered now.</summary>
public sealed record DialTaskView(
    Guid Id, string Name, DialTaskStatus Status, Guid? TeamId, string? TeamName, IReadOnlyList<Guid> AgentIds, IReadOnlyList<string> AgentNames,
    string FirstDay, string LastDay, string DailyStart, string DailyEnd, string TimeZone, bool WindowOpen,
    int BusyRetries, int BusyRetryMinutes, int NoAnswerRetries, int NoAnswerRetryMinutes, string? CallerId,
    Guid? CreatedById, DateTimeOffset CreatedAt, DialTaskProgress Progress);

/// <summary>One contact of a task: its number, where it is, its attempts and result.</summary>
public sealed record DialTaskContactView(
    Guid Id, Guid TaskId, int Position, string Number, Guid? ContactId, string? ContactName, string? Company, DialTaskItemStatus Status,
    int Attempts, int BusyCount, int NoAnswerCount, DialAttemptOutcome? LastOutcome, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt,
    Guid? ClaimedById, Guid? CallId, Guid? DispositionId, string? Result, string? Remark, DateTimeOffset? CompletedAt);

/// <summary>
/// The contact offered to the agent (<c>contact</c>; null when none is due now), how many contacts remain, and when the
/// next retry falls due (UTC) if nothing is due now.
/// </summary>
public sealed record DialTaskNextResponse(DialTaskContactView? Contact, int Remaining, DateTimeOffset? NextRetryAt);

/// <summary>The call dialled for a contact, and the contact.</summary>
public sealed record DialTaskDialResponse(Guid CallId, DialTaskContactView Contact);

internal sealed class CreateDialTaskRequestValidator : AbstractValidator<CreateDialTaskRequest>
{
    public CreateDialTaskRequestValidator()
    {
        RuleFor(x => x.Name).Required(100);
        RuleFor(x => x.ContactSearch).MaximumLength(100);
        RuleFor(x => x.Csv).MaximumLength(5_000_000);
        RuleFor(x => x.ContactIds).Must(l => l is null || l.Count <= 10_000).WithMessage("At most 10,000 contacts.");
        RuleFor(x => x.AgentIds).Must(l => l is null || l.Count <= 500).WithMessage("At most 500 agents.");
        RuleFor(x => x.FirstDay).Must(d => DialTaskFormats.Day(d) is not null).WithMessage("A day like 2026-12-07.");
        RuleFor(x => x.LastDay).Must(d => DialTaskFormats.Day(d) is not null).WithMessage("A day like 2026-12-18.");
        RuleFor(x => x.DailyStart).Must(t => DialTaskFormats.Time(t) is not null).WithMessage("A time like 09:00.");
        RuleFor(x => x.DailyEnd).Must(t => DialTaskFormats.Time(t) is not null).WithMessage("A time like 17:30.");
        RuleFor(x => x).Must(x => DialTaskFormats.Day(x.LastDay) is not { } last || DialTaskFormats.Day(x.FirstDay) is not { } first
                                  || (last >= first && last.DayNumber - first.DayNumber <= 366))
            .OverridePropertyName("lastDay").WithMessage("The last day is not before the first, and at most 366 days after it.");
        RuleFor(x => x).Must(x => DialTaskFormats.Time(x.DailyEnd) is not { } end || DialTaskFormats.Time(x.DailyStart) is not { } start || end > start)
            .OverridePropertyName("dailyEnd").WithMessage("The window ends after it starts (no window across midnight).");
        RuleFor(x => x.BusyRetries).InclusiveBetween(0, 10);
        RuleFor(x => x.NoAnswerRetries).InclusiveBetween(0, 10);
        RuleFor(x => x.BusyRetryMinutes).InclusiveBetween(1, 10080);
        RuleFor(x => x.NoAnswerRetryMinutes).InclusiveBetween(1, 10080);
        RuleFor(x => x.CallerId).MaximumLength(32);
        RuleFor(x => x).Must(x => x.ContactIds is { Count: > 0 } || !string.IsNullOrWhiteSpace(x.ContactSearch) || !string.IsNullOrWhiteSpace(x.Csv))
            .OverridePropertyName("contactIds").WithMessage("Give contacts: contactIds, contactSearch or csv.");
    }
}

internal sealed class SetDialTaskStatusRequestValidator : AbstractValidator<SetDialTaskStatusRequest>
{
    public SetDialTaskStatusRequestValidator() =>
        RuleFor(x => x.Status).NotNull().WithMessage("Required.")
            .Must(s => s is DialTaskStatus.Running or DialTaskStatus.Paused or DialTaskStatus.Cancelled).WithMessage("Running, Paused or Cancelled.");
}

internal sealed class DialTaskResultRequestValidator : AbstractValidator<DialTaskResultRequest>
{
    public DialTaskResultRequestValidator()
    {
        RuleFor(x => x.Disposition).MaximumLength(100);
        RuleFor(x => x.Remark).Optional(2000);
        RuleFor(x => x).Must(x => x.DispositionId is not null || !string.IsNullOrWhiteSpace(x.Disposition))
            .OverridePropertyName("disposition").WithMessage("Give the result: dispositionId or disposition.");
    }
}

/// <summary>The request formats of days and times.</summary>
internal static class DialTaskFormats
{
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Format(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
