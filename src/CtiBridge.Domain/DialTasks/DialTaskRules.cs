namespace CtiBridge.Domain.DialTasks;

/// <summary>
/// When a dial task is worked: on its days (first to last, inclusive) within its daily window (start included, end
/// excluded), both read in the tenant's time zone, so the window follows the zone's daylight-saving changes.
/// </summary>
public sealed record DialWindow(DateOnly FirstDay, DateOnly LastDay, TimeOnly DailyStart, TimeOnly DailyEnd)
{
    /// <summary>True when <paramref name="now"/> falls on one of the task's days inside its daily window, in <paramref name="zone"/>.</summary>
    public bool IsOpen(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        return day >= FirstDay && day <= LastDay && time >= DailyStart && time < DailyEnd;
    }

    /// <summary>True once the last day's window has closed (the task is over).</summary>
    public bool IsOver(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        return day > LastDay || (day == LastDay && TimeOnly.FromDateTime(local) >= DailyEnd);
    }
}

/// <summary>What an unanswered attempt leads to.</summary>
public enum RetryDecision
{
    /// <summary>Tried again at the returned time.</summary>
    Retry,
    /// <summary>No retry left: the contact is done with (exhausted).</summary>
    Exhausted,
}

/// <summary>
/// The retry rules of a dial task: a busy number is tried again <see cref="BusyRetries"/> times, each
/// <see cref="BusySpacing"/> after the last attempt; a number that did not answer <see cref="NoAnswerRetries"/> times,
/// each <see cref="NoAnswerSpacing"/> later. The two counts are separate (a number busy once and unanswered once has used
/// one retry of each).
/// </summary>
public sealed record DialRetryRules(int BusyRetries, TimeSpan BusySpacing, int NoAnswerRetries, TimeSpan NoAnswerSpacing)
{
    /// <summary>
    /// After an attempt that was busy (<paramref name="busy"/>) or not answered, with <paramref name="busySoFar"/> and
    /// <paramref name="noAnswerSoFar"/> counting that attempt too: retry at the returned time, or exhausted.
    /// </summary>
    public (RetryDecision Decision, DateTimeOffset? At) After(bool busy, int busySoFar, int noAnswerSoFar, DateTimeOffset now) => busy
        ? busySoFar <= BusyRetries ? (RetryDecision.Retry, now + BusySpacing) : (RetryDecision.Exhausted, null)
        : noAnswerSoFar <= NoAnswerRetries ? (RetryDecision.Retry, now + NoAnswerSpacing) : (RetryDecision.Exhausted, null);
}
