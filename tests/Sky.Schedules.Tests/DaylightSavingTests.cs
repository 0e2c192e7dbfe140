using static Sky.Schedules.Tests.ScheduleTesting;

namespace Sky.Schedules.Tests;

/// <summary>
/// Europe/Paris: 2025-03-30 02:00 → 03:00 and 2025-10-26 03:00 → 02:00.
/// America/New_York: 2025-03-09 02:00 → 03:00 and 2025-11-02 02:00 → 01:00.
/// </summary>
public class DaylightSavingTests
{
    private const string Paris = "Europe/Paris";
    private const string NewYork = "America/New_York";

    [Theory]
    [InlineData("1 day at 02:30")]
    [InlineData("30 2 * * *")]
    public void In_paris_a_time_the_clock_skips_runs_once_at_the_end_of_the_gap(string text)
    {
        Assert.Equal(
            ["2025-03-29T02:30:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-31T02:30:00+02:00"],
            Ticks(Parse(text, Paris), "2025-03-29T00:00:00+01:00", 3, Paris));
    }

    [Theory]
    [InlineData("1 day at 02:30")]
    [InlineData("30 2 * * *")]
    public void In_paris_a_time_the_clock_repeats_runs_once_at_its_first_occurrence(string text)
    {
        Assert.Equal(
            ["2025-10-25T02:30:00+02:00", "2025-10-26T02:30:00+02:00", "2025-10-27T02:30:00+01:00"],
            Ticks(Parse(text, Paris), "2025-10-25T00:00:00+02:00", 3, Paris));
    }

    [Theory]
    [InlineData("1 day at 02:30")]
    [InlineData("30 2 * * *")]
    public void In_paris_the_second_pass_through_the_repeated_hour_does_not_run_the_job_again(string text)
    {
        Assert.Equal(At("2025-10-27T02:30:00+01:00"), Parse(text, Paris).NextAfter(At("2025-10-26T02:10:00+01:00")));
    }

    [Theory]
    [InlineData("sunday at 02:30")]
    [InlineData("30 2 * * sun")]
    public void In_new_york_a_time_the_clock_skips_runs_once_at_the_end_of_the_gap(string text)
    {
        Assert.Equal(
            ["2025-03-09T03:00:00-04:00", "2025-03-16T02:30:00-04:00"],
            Ticks(Parse(text, NewYork), "2025-03-08T00:00:00-05:00", 2, NewYork));
    }

    [Theory]
    [InlineData("daily at 1:30am")]
    [InlineData("30 1 * * *")]
    public void In_new_york_a_time_the_clock_repeats_runs_once_at_its_first_occurrence(string text)
    {
        Assert.Equal(
            ["2025-11-02T01:30:00-04:00", "2025-11-03T01:30:00-05:00"],
            Ticks(Parse(text, NewYork), "2025-11-01T12:00:00-04:00", 2, NewYork));
    }

    [Fact]
    public void Two_cron_times_inside_the_same_gap_run_once_together()
    {
        Assert.Equal(
            ["2025-03-30T01:45:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-31T01:15:00+02:00"],
            Ticks(Parse("15,45 1,2 * * *", Paris), "2025-03-30T01:30:00+01:00", 3, Paris));
    }

    [Fact]
    public void A_daily_time_outside_the_change_keeps_its_wall_clock_time_across_it()
    {
        Assert.Equal(
            ["2025-03-29T09:00:00+01:00", "2025-03-30T09:00:00+02:00", "2025-03-31T09:00:00+02:00"],
            Ticks(Parse("1 day at 09:00", Paris), "2025-03-29T00:00:00+01:00", 3, Paris));
    }

    [Fact]
    public void A_wildcard_cron_job_keeps_its_rhythm_across_the_spring_gap()
    {
        // Vixie cron's wildcard jobs: the skipped :30 past 02 is not made up, the job just goes on by the clock.
        Assert.Equal(
            ["2025-03-30T01:00:00+01:00", "2025-03-30T01:30:00+01:00", "2025-03-30T03:00:00+02:00", "2025-03-30T03:30:00+02:00"],
            Ticks(Parse("*/30 * * * *", Paris), "2025-03-30T00:45:00+01:00", 4, Paris));
    }

    [Fact]
    public void A_wildcard_cron_job_runs_in_both_passes_of_the_repeated_hour()
    {
        Assert.Equal(
            ["2025-10-26T02:00:00+02:00", "2025-10-26T02:30:00+02:00", "2025-10-26T02:00:00+01:00",
             "2025-10-26T02:30:00+01:00", "2025-10-26T03:00:00+01:00"],
            Ticks(Parse("*/30 * * * *", Paris), "2025-10-26T01:45:00+02:00", 5, Paris));
    }

    [Fact]
    public void An_hourly_cron_job_stays_hourly_in_absolute_time_through_both_changes_in_new_york()
    {
        Assert.Equal(
            ["2025-03-09T01:30:00-05:00", "2025-03-09T03:30:00-04:00", "2025-03-09T04:30:00-04:00"],
            Ticks(Parse("30 * * * *", NewYork), "2025-03-09T01:00:00-05:00", 3, NewYork));
        Assert.Equal(
            ["2025-11-02T00:30:00-04:00", "2025-11-02T01:30:00-04:00", "2025-11-02T01:30:00-05:00", "2025-11-02T02:30:00-05:00"],
            Ticks(Parse("30 * * * *", NewYork), "2025-11-02T00:00:00-04:00", 4, NewYork));
    }

    [Fact]
    public void Midnight_that_does_not_exist_runs_at_the_first_instant_of_the_day()
    {
        // Chile moves its clocks from 24:00 to 01:00 on the first Saturday night of September.
        Assert.Equal(
            ["2025-09-06T00:00:00-04:00", "2025-09-07T01:00:00-03:00", "2025-09-08T00:00:00-03:00"],
            Ticks(Parse("1 day", "America/Santiago"), "2025-09-05T12:00:00-04:00", 3, "America/Santiago"));
    }

    [Fact]
    public void A_time_on_a_day_the_zone_skipped_entirely_runs_at_the_start_of_the_next_day()
    {
        // Samoa crossed the date line after 2011-12-29: 30 December 2011 never happened there.
        Assert.Equal(
            ["2011-12-31T00:00:00+14:00", "2011-12-31T10:00:00+14:00"],
            Ticks(Parse("1 day at 10:00", "Pacific/Apia"), "2011-12-29T12:00:00-10:00", 2, "Pacific/Apia"));
    }

    [Fact]
    public void Ticks_do_not_depend_on_the_offset_the_instant_is_written_with()
    {
        var schedule = Parse("1 day at 17:00", Paris);
        Assert.Equal(schedule.NextAfter(At("2025-06-10T12:00:00Z")), schedule.NextAfter(At("2025-06-10T08:00:00-04:00")));
    }
}
