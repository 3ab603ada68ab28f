using CtiBridge.Domain.DialTasks;

namespace CtiBridge.Application.Tests.DialTasks;

/// <summary>The dial task's window (days and daily hours in the tenant's zone) and its retry rules.</summary>
public class DialTaskRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DialWindow Window = new(new DateOnly(2026, 3, 27), new DateOnly(2026, 3, 30), new TimeOnly(9, 0), new TimeOnly(17, 30));

    [Theory]
    [InlineData("2026-03-27T07:59:59Z", false)] // 08:59:59 in Berlin (winter, UTC+1)
    [InlineData("2026-03-27T08:00:00Z", true)]  // 09:00 opens
    [InlineData("2026-03-27T16:29:59Z", true)]
    [InlineData("2026-03-27T16:30:00Z", false)] // 17:30 closes (end excluded)
    [InlineData("2026-03-29T07:00:00Z", true)]  // 09:00 on the day clocks go forward (summer, UTC+2)
    [InlineData("2026-03-29T15:30:00Z", false)] // 17:30 summer time
    [InlineData("2026-03-26T12:00:00Z", false)] // before the first day
    [InlineData("2026-03-31T10:00:00Z", false)] // after the last day
    public void The_window_is_read_in_the_tenants_zone_across_a_daylight_saving_change(string utc, bool open) =>
        Assert.Equal(open, Window.IsOpen(DateTimeOffset.Parse(utc), Berlin));

    [Fact]
    public void A_task_is_over_once_its_last_window_closed()
    {
        Assert.False(Window.IsOver(DateTimeOffset.Parse("2026-03-30T15:29:00Z"), Berlin)); // 17:29 on the last day
        Assert.True(Window.IsOver(DateTimeOffset.Parse("2026-03-30T15:30:00Z"), Berlin));
        Assert.True(Window.IsOver(DateTimeOffset.Parse("2026-03-31T06:00:00Z"), Berlin));
        Assert.False(Window.IsOver(DateTimeOffset.Parse("2026-03-27T20:00:00Z"), Berlin)); // closed for the night, not over
    }

    [Fact]
    public void Busy_and_no_answer_have_their_own_count_and_spacing()
    {
        var rules = new DialRetryRules(1, TimeSpan.FromMinutes(10), 2, TimeSpan.FromHours(1));
        var now = DateTimeOffset.Parse("2026-03-27T10:00:00Z");
        Assert.Equal((RetryDecision.Retry, (DateTimeOffset?)now.AddMinutes(10)), rules.After(busy: true, busySoFar: 1, noAnswerSoFar: 0, now));
        Assert.Equal((RetryDecision.Exhausted, (DateTimeOffset?)null), rules.After(busy: true, busySoFar: 2, noAnswerSoFar: 0, now));
        // Busy twice used up the busy retry, not the no-answer ones.
        Assert.Equal((RetryDecision.Retry, (DateTimeOffset?)now.AddHours(1)), rules.After(busy: false, busySoFar: 1, noAnswerSoFar: 2, now));
        Assert.Equal(RetryDecision.Exhausted, rules.After(busy: false, busySoFar: 0, noAnswerSoFar: 3, now).Decision);
        Assert.Equal(RetryDecision.Exhausted, new DialRetryRules(0, TimeSpan.FromMinutes(1), 0, TimeSpan.FromMinutes(1)).After(true, 1, 0, now).Decision);
    }
}
