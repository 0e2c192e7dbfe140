using static Sky.Schedules.Tests.ScheduleTesting;

namespace Sky.Schedules.Tests;

public class IntervalScheduleTests
{
    [Fact]
    public void Every_15_minutes_ticks_on_the_quarter_hours()
    {
        Assert.Equal(
            ["2025-06-01T10:15:00+00:00", "2025-06-01T10:30:00+00:00", "2025-06-01T10:45:00+00:00", "2025-06-01T11:00:00+00:00"],
            Ticks(Parse("15 minutes"), "2025-06-01T10:07:31Z", 4));
    }

    [Fact]
    public void An_instant_exactly_on_a_tick_gets_the_following_tick()
    {
        Assert.Equal(At("2025-06-01T10:30:00Z"), Parse("15 minutes").NextAfter(At("2025-06-01T10:15:00Z")));
    }

    [Fact]
    public void Intervals_that_do_not_divide_an_hour_are_counted_from_the_unix_epoch()
    {
        // 2025-01-01T00:00Z is minute 28928160 since the epoch, which leaves 2 over a multiple of 7.
        Assert.Equal(
            ["2025-01-01T00:05:00+00:00", "2025-01-01T00:12:00+00:00", "2025-01-01T00:19:00+00:00"],
            Ticks(Parse("7 minutes"), "2025-01-01T00:00:00Z", 3));
    }

    [Fact]
    public void The_ticks_are_the_same_whenever_the_daemon_happens_to_start()
    {
        var schedule = Parse("every 7 minutes");
        var fromEarlyStart = Ticks(schedule, "2025-01-01T00:00:00Z", 10).TakeLast(3);
        var fromLateStart = Ticks(schedule, "2025-01-01T00:48:10Z", 3);
        Assert.Equal(fromEarlyStart, fromLateStart);
    }

    [Fact]
    public void Every_30_seconds_ticks_on_the_minute_and_the_half_minute()
    {
        Assert.Equal(
            ["2025-06-01T10:00:30+00:00", "2025-06-01T10:01:00+00:00", "2025-06-01T10:01:30+00:00"],
            Ticks(Parse("30 seconds"), "2025-06-01T10:00:00.5Z", 3));
    }

    [Fact]
    public void Every_5_hours_ticks_on_hours_counted_from_the_epoch_not_from_midnight()
    {
        // 2025-01-01T00:00Z is hour 482136 since the epoch, which leaves 1 over a multiple of 5.
        Assert.Equal(
            ["2025-01-01T04:00:00+00:00", "2025-01-01T09:00:00+00:00", "2025-01-01T14:00:00+00:00",
             "2025-01-01T19:00:00+00:00", "2025-01-02T00:00:00+00:00"],
            Ticks(Parse("5 hours"), "2025-01-01T00:00:00Z", 5));
    }

    [Fact]
    public void Instants_before_1970_align_on_the_same_grid()
    {
        Assert.Equal(At("1969-12-31T23:45:00Z"), Parse("15 minutes").NextAfter(At("1969-12-31T23:31:00Z")));
    }

    [Fact]
    public void An_interval_in_a_zone_stays_absolute_across_the_spring_forward_change()
    {
        Assert.Equal(
            ["2025-03-30T01:00:00+01:00", "2025-03-30T01:30:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-30T03:30:00+02:00"],
            Ticks(Parse("30 minutes", "Europe/Paris"), "2025-03-30T00:50:00+01:00", 4, "Europe/Paris"));
    }

    [Fact]
    public void An_interval_in_a_zone_keeps_ticking_through_the_repeated_hour_of_fall_back()
    {
        Assert.Equal(
            ["2025-11-02T01:00:00-04:00", "2025-11-02T01:00:00-05:00", "2025-11-02T02:00:00-05:00"],
            Ticks(Parse("1 hour", "America/New_York"), "2025-11-02T00:30:00-04:00", 3, "America/New_York"));
    }
}
