using static Sky.Schedules.Tests.ScheduleTesting;

namespace Sky.Schedules.Tests;

public class WallClockScheduleTests
{
    [Fact]
    public void One_day_at_17_before_17_runs_the_same_day()
    {
        Assert.Equal(At("2025-06-10T17:00:00Z"), Parse("1 day at 17:00").NextAfter(At("2025-06-10T16:59:59Z")));
    }

    [Fact]
    public void One_day_at_17_after_17_runs_the_next_day()
    {
        Assert.Equal(
            ["2025-06-11T17:00:00+00:00", "2025-06-12T17:00:00+00:00", "2025-06-13T17:00:00+00:00"],
            Ticks(Parse("1 day at 17:00"), "2025-06-10T17:00:01Z", 3));
    }

    [Fact]
    public void One_day_at_17_exactly_at_17_runs_the_next_day()
    {
        Assert.Equal(At("2025-06-11T17:00:00Z"), Parse("1 day at 17:00").NextAfter(At("2025-06-10T17:00:00Z")));
    }

    [Fact]
    public void A_daily_time_is_wall_clock_time_in_the_zone_summer_and_winter()
    {
        var schedule = Parse("daily at 5pm", "Europe/Paris");
        Assert.Equal(At("2025-07-01T15:00:00Z"), schedule.NextAfter(At("2025-07-01T08:00:00Z")));
        Assert.Equal(At("2025-12-01T16:00:00Z"), schedule.NextAfter(At("2025-12-01T08:00:00Z")));
    }

    [Fact]
    public void The_local_date_decides_the_day_even_when_the_utc_date_differs()
    {
        // 23:30 UTC on the 10th is already 01:30 on the 11th in Paris: 17:00 on the 11th is next.
        Assert.Equal(At("2025-06-11T17:00:00+02:00"), Parse("1 day at 17:00", "Europe/Paris").NextAfter(At("2025-06-10T23:30:00Z")));
    }

    [Fact]
    public void Weekdays_skip_the_weekend()
    {
        // 2025-06-13 is a Friday.
        Assert.Equal(
            ["2025-06-16T08:00:00+00:00", "2025-06-17T08:00:00+00:00", "2025-06-18T08:00:00+00:00",
             "2025-06-19T08:00:00+00:00", "2025-06-20T08:00:00+00:00", "2025-06-23T08:00:00+00:00"],
            Ticks(Parse("weekdays at 08:00"), "2025-06-13T09:00:00Z", 6));
    }

    [Fact]
    public void Weekends_run_on_saturday_and_sunday_only()
    {
        Assert.Equal(
            ["2025-06-14T10:00:00+00:00", "2025-06-15T10:00:00+00:00", "2025-06-21T10:00:00+00:00"],
            Ticks(Parse("weekends at 10:00"), "2025-06-11T00:00:00Z", 3));
    }

    [Fact]
    public void Monday_at_09_30_crosses_the_end_of_the_month()
    {
        // 2025-01-27 is a Monday.
        Assert.Equal(
            ["2025-02-03T09:30:00+00:00", "2025-02-10T09:30:00+00:00"],
            Ticks(Parse("monday at 09:30"), "2025-01-27T09:30:00Z", 2));
    }

    [Fact]
    public void Monday_at_09_30_before_the_time_on_a_monday_runs_that_day()
    {
        Assert.Equal(At("2025-01-27T09:30:00Z"), Parse("mondays at 9:30").NextAfter(At("2025-01-27T09:29:00Z")));
    }

    [Fact]
    public void A_list_of_days_runs_on_each_of_them()
    {
        Assert.Equal(
            ["2025-06-16T09:30:00+00:00", "2025-06-18T09:30:00+00:00", "2025-06-23T09:30:00+00:00"],
            Ticks(Parse("monday, wednesday at 09:30"), "2025-06-13T00:00:00Z", 3));
    }

    [Fact]
    public void Every_3_days_runs_at_local_midnight_on_days_counted_from_1970()
    {
        // 2025-01-01 is day 20089 after 1970-01-01 (20089 = 3 × 6696 + 1), so 2025-01-03 is the next third day.
        Assert.Equal(
            ["2025-01-03T00:00:00+01:00", "2025-01-06T00:00:00+01:00", "2025-01-09T00:00:00+01:00"],
            Ticks(Parse("3 days", "Europe/Paris"), "2025-01-01T00:00:00+01:00", 3, "Europe/Paris"));
    }

    [Fact]
    public void Every_2_days_at_a_time_keeps_to_the_same_days_whenever_asked()
    {
        var schedule = Parse("2 days at 06:00");
        Assert.Equal(At("2025-01-02T06:00:00Z"), schedule.NextAfter(At("2025-01-01T00:00:00Z")));
        Assert.Equal(At("2025-01-02T06:00:00Z"), schedule.NextAfter(At("2025-01-02T05:00:00Z")));
        Assert.Equal(At("2025-01-04T06:00:00Z"), schedule.NextAfter(At("2025-01-02T06:00:00Z")));
    }
}
