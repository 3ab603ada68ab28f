namespace CtiBridge.Data.Entities;

/// <summary>
/// An address-book entry: its owner (an agent) and team decide who sees it (docs/contacts.md).
/// <see cref="Shared"/> is kept from the first schema and not used by the rules.
/// </summary>
public class Contact : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid? OwnerUserId { get; set; }
    /// <summary>The team whose supervisors see and edit the contact.</summary>
    public Guid? TeamId { get; set; }
    public bool Shared { get; set; }
    public string Name { get; set; } = "";
    public string? Company { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ContactNumber> Numbers { get; set; } = new();
}

/// <summary>One of a contact's numbers.</summary>
public class ContactNumber : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid ContactId { get; set; }
    /// <summary>The number as given.</summary>
    public string Number { get; set; } = "";
    /// <summary>
    /// The number in E.164 (<c>+4930123456</c>), parsed with the tenant's country; when it cannot be parsed
    /// (<see cref="Unparsable"/>), its digits (and a leading <c>+</c>) as given. Screen pop looks contacts up by it
    /// (index TenantId, NormalizedNumber), so a caller's number is normalised the same way.
    /// </summary>
    public string NormalizedNumber { get; set; } = "";
    /// <summary>The number could not be read as a phone number: kept as given and flagged.</summary>
    public bool Unparsable { get; set; }
    /// <summary>The number's place in the contact's list (0 first).</summary>
    public int Position { get; set; }
    /// <summary>e.g. "mobile", "work".</summary>
    public string? Label { get; set; }
}

/// <summary>Where a callback is in its life.</summary>
public enum CallbackStatus
{
    Scheduled,
    InProgress,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>A promise to call a customer back at a time.</summary>
public class Callback : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string CustomerNumber { get; set; } = "";
    public Guid? ContactId { get; set; }
    /// <summary>The agent who will call; null = any agent of <see cref="SkillGroupId"/>.</summary>
    public Guid? AssignedUserId { get; set; }
    public Guid? SkillGroupId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public CallbackStatus Status { get; set; }
    public string? Notes { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The call that fulfilled it (the latest one dialled for it).</summary>
    public Guid? CallId { get; set; }
    /// <summary>The team whose supervisors see and reassign it (the assigned agent's team, else the creator's).</summary>
    public Guid? TeamId { get; set; }
    /// <summary>The outcome given when it was completed (e.g. <c>reached, order placed</c>).</summary>
    public string? Result { get; set; }
    /// <summary>When the due reminder went out for the current <see cref="DueAt"/>; null = not yet (a snooze or reschedule clears it).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>When nobody acting on the reminder in time (or the agent being offline) escalated it; null = not escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
}

/// <summary>Where a dial task is in its life (docs/dialtasks.md).</summary>
public enum DialTaskStatus
{
    Draft,
    /// <summary>Worked by its agents whenever its daily window is open.</summary>
    Running,
    /// <summary>Stopped by its supervisor: nothing is offered until it runs again.</summary>
    Paused,
    /// <summary>Its last day's window closed, or every contact is done.</summary>
    Completed,
    Cancelled,
}

/// <summary>Where one contact of a dial task is.</summary>
public enum DialTaskItemStatus
{
    /// <summary>Waiting to be offered (at <see cref="DialTaskItem.NextAttemptAt"/> for a retry).</summary>
    Pending,
    /// <summary>Offered to one agent (claimed), dialled or about to be, until she sets its result.</summary>
    Claimed,
    /// <summary>The agent set its result (a disposition code).</summary>
    Done,
    /// <summary>Busy or not answered more often than the task's retry rules allow.</summary>
    Exhausted,
    /// <summary>Its number is on the tenant's blocklist: never dialled.</summary>
    Blocked,
}

/// <summary>What one attempt at a dial task's contact gave.</summary>
public enum DialAttemptOutcome
{
    Answered,
    Busy,
    NoAnswer,
}

/// <summary>
/// An outbound call list worked by preview dialling: contacts, the agents (or the team) who call them, the days and the
/// daily window (in the tenant's time zone) in which they are called, retry rules for busy and not answered calls, and
/// the caller ID presented.
/// </summary>
public class DialTask : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Who created it.</summary>
    public Guid? OwnerUserId { get; set; }
    /// <summary>The team whose supervisors manage it (and whose agents work it when no agents are named).</summary>
    public Guid? TeamId { get; set; }
    public DialTaskStatus Status { get; set; }
    /// <summary>The first and last day (tenant's time zone) on which it is worked.</summary>
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    /// <summary>The daily window (tenant's time zone, start included, end excluded).</summary>
    public TimeOnly DailyStart { get; set; }
    public TimeOnly DailyEnd { get; set; }
    /// <summary>How often a busy number is tried again, and how many minutes later.</summary>
    public int BusyRetries { get; set; }
    public int BusyRetryMinutes { get; set; }
    /// <summary>How often a number that did not answer is tried again, and how many minutes later.</summary>
    public int NoAnswerRetries { get; set; }
    public int NoAnswerRetryMinutes { get; set; }
    /// <summary>The caller ID its calls present (one of the tenant's or the team's outbound caller IDs); null: the trunk's default.</summary>
    public string? CallerId { get; set; }
    /// <summary>The window as the scheduled job last saw it (agents are told when it opens or closes).</summary>
    public bool WindowOpen { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<DialTaskItem> Items { get; set; } = new();
    public List<DialTaskAgent> Agents { get; set; } = new();
}

/// <summary>An agent named on a dial task (none named: every agent of its team works it).</summary>
public class DialTaskAgent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid DialTaskId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>One contact (number) of a dial task.</summary>
public class DialTaskItem : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid DialTaskId { get; set; }
    /// <summary>Its place in the list (offered in this order, retries when due).</summary>
    public int Position { get; set; }
    /// <summary>The number as dialled (E.164 when it reads with the tenant's country).</summary>
    public string Number { get; set; } = "";
    public Guid? ContactId { get; set; }
    public DialTaskItemStatus Status { get; set; }
    public int Attempts { get; set; }
    public int BusyCount { get; set; }
    public int NoAnswerCount { get; set; }
    public DialAttemptOutcome? LastOutcome { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    /// <summary>Not offered before this time (a retry); null: at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>The agent it is offered to while <see cref="DialTaskItemStatus.Claimed"/>, and since when.</summary>
    public Guid? ClaimedByUserId { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    /// <summary>The latest call dialled for it.</summary>
    public Guid? CallId { get; set; }
    /// <summary>The result: a disposition code of the tenant (its id and name when set).</summary>
    public Guid? DispositionId { get; set; }
    public string? Result { get; set; }
    public string? Remark { get; set; }
    public Guid? CompletedByUserId { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
