using CtiBridge.Application.Callbacks;
using CtiBridge.Domain.Callbacks;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Tests.Callbacks;

/// <summary>The tenant's time zone (IANA only, wall-clock times in and out) and the reminder rule's steps.</summary>
public class CallbackTimeRulesTests
{
    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("W. Europe Standard Time", false)] // a Windows id
    [InlineData("Mars/Olympus", false)]
    [InlineData("+01:00", false)]
    [InlineData("", false)]
    public void Only_IANA_zones_the_system_knows_are_valid(string id, bool valid) => Assert.Equal(valid, TenantTimeZone.IsValid(id));

    [Fact]
    public void A_repeated_hour_when_clocks_go_back_is_read_as_its_first_occurrence_and_a_skipped_hour_is_refused()
    {
        var berlin = TenantTimeZone.Of("Europe/Berlin");
        // 2027-10-31: 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30Z and again at 01:30Z.
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), berlin.Parse("2027-10-31T02:30"));
        Assert.Equal("2027-10-31T02:30:00+02:00", berlin.Format(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2027-10-31T02:30:00+01:00", berlin.Format(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.Zero)));
        // 2027-03-28: 02:00 CET becomes 03:00 CEST; 02:30 does not exist.
        var gap = Assert.Throws<CtiException>(() => berlin.Parse("2027-03-28T02:30"));
        Assert.Equal(CallbackErrors.DueTimeInvalid, gap.Code);
        Assert.Equal(CallbackErrors.DueTimeInvalid, Assert.Throws<CtiException>(() => berlin.Parse("2027-03-28T10:30+01:00")).Code); // no offsets
    }

    [Fact]
    public void An_unknown_stored_zone_reads_as_UTC() => Assert.Equal(("UTC", "2027-01-01T10:00:00+00:00"),
        (TenantTimeZone.Of("Gone/Zone").Id, TenantTimeZone.Of("Gone/Zone").Format(new DateTimeOffset(2027, 1, 1, 10, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void The_reminder_goes_out_when_due_and_escalates_once_after_the_time_to_act()
    {
        var due = new DateTimeOffset(2027, 1, 1, 10, 0, 0, TimeSpan.Zero);
        var act = TimeSpan.FromMinutes(5);
        Assert.Equal(CallbackReminderStep.Wait, CallbackReminderPolicy.Next(due, null, null, due.AddSeconds(-1), act));
        Assert.Equal(CallbackReminderStep.Remind, CallbackReminderPolicy.Next(due, null, null, due, act));
        Assert.Equal(CallbackReminderStep.Wait, CallbackReminderPolicy.Next(due, due, null, due.AddMinutes(5).AddSeconds(-1), act));
        Assert.Equal(CallbackReminderStep.Escalate, CallbackReminderPolicy.Next(due, due, null, due.AddMinutes(5), act));
        Assert.Equal(CallbackReminderStep.Wait, CallbackReminderPolicy.Next(due, due, due.AddMinutes(5), due.AddHours(1), act)); // once
        Assert.False(CallbackReminderPolicy.IsAcceptableDueTime(due, due));
        Assert.True(CallbackReminderPolicy.IsAcceptableDueTime(due.AddTicks(1), due));
    }
}
