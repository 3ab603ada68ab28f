namespace CtiBridge.Domain.Callbacks;

/// <summary>What the reminder job does next with an open callback.</summary>
public enum CallbackReminderStep
{
    /// <summary>Not due yet, or reminded and still within the time the agent has to act, or already escalated.</summary>
    Wait,
    /// <summary>Due and not reminded for this due time: remind its agent (or offer it to its group).</summary>
    Remind,
    /// <summary>Reminded, and nobody acted within the tenant's time (or nobody could be reminded): escalate, once.</summary>
    Escalate,
}

/// <summary>
/// When a callback's reminder goes out and when it is escalated (docs/callbacks.md). Pure: the times come in, the step
/// goes out; the job that applies it claims each step with a conditional update so that it happens once.
/// </summary>
public static class CallbackReminderPolicy
{
    /// <summary>The next step for a callback that is still scheduled.</summary>
    /// <param name="dueAt">When it is due.</param>
    /// <param name="reminderSentAt">When its reminder went out for this due time (null: not yet).</param>
    /// <param name="escalatedAt">When it was escalated (null: not yet).</param>
    /// <param name="now">Now.</param>
    /// <param name="timeToAct">How long the agent has after the reminder (tenant setting).</param>
    public static CallbackReminderStep Next(DateTimeOffset dueAt, DateTimeOffset? reminderSentAt, DateTimeOffset? escalatedAt,
        DateTimeOffset now, TimeSpan timeToAct)
    {
        if (escalatedAt is not null) return CallbackReminderStep.Wait;
        if (reminderSentAt is null) return dueAt <= now ? CallbackReminderStep.Remind : CallbackReminderStep.Wait;
        return reminderSentAt.Value + timeToAct <= now ? CallbackReminderStep.Escalate : CallbackReminderStep.Wait;
    }

    /// <summary>A due time the caller may set: later than now (a callback in the past would fire at once and mislead).</summary>
    public static bool IsAcceptableDueTime(DateTimeOffset dueAt, DateTimeOffset now) => dueAt > now;
}
