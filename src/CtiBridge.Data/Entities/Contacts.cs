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

/// <summary>Where a dial task is in its life.</summary>
public enum DialTaskStatus
{
    Draft,
    Running,
    Paused,
    Completed,
    Cancelled,
}

/// <summary>Where one number of a dial task is.</summary>
public enum DialTaskItemStatus
{
    Pending,
    Dialling,
    Answered,
    Failed,
    Skipped,
}

/// <summary>An outbound list of numbers worked by agents (preview or automatic dialling).</summary>
public class DialTask : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public Guid? OwnerUserId { get; set; }
    public Guid? SkillGroupId { get; set; }
    public DialTaskStatus Status { get; set; }
    public int MaxAttempts { get; set; } = 3;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartAt { get; set; }
    public DateTimeOffset? EndAt { get; set; }
    public List<DialTaskItem> Items { get; set; } = new();
}

/// <summary>One number of a dial task.</summary>
public class DialTaskItem : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public Guid DialTaskId { get; set; }
    public string Number { get; set; } = "";
    public Guid? ContactId { get; set; }
    public DialTaskItemStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public Guid? CallId { get; set; }
    public string? Result { get; set; }
}
