using static Sky.Schedules.Tests.ScheduleTesting;

namespace Sky.Schedules.Tests;

public class CronScheduleTests
{
    [Fact]
    public void Every_fifth_minute_runs_on_multiples_of_five()
    {
        Assert.Equal(
            ["2025-06-01T10:05:00+00:00", "2025-06-01T10:10:00+00:00", "2025-06-01T10:15:00+00:00"],
            Ticks(Parse("*/5 * * * *"), "2025-06-01T10:03:20Z", 3));
    }

    [Fact]
    public void Nine_on_weekdays_skips_the_weekend()
    {
        Assert.Equal(
            ["2025-06-13T09:00:00+00:00", "2025-06-16T09:00:00+00:00", "2025-06-17T09:00:00+00:00"],
            Ticks(Parse("0 9 * * 1-5"), "2025-06-12T09:00:00Z", 3));
    }

    [Fact]
    public void Day_names_and_ranges_of_names_are_read_like_numbers()
    {
        Assert.Equal(Ticks(Parse("0 9 * * 1-5"), "2025-06-12T09:00:00Z", 5), Ticks(Parse("0 9 * * MON-fri"), "2025-06-12T09:00:00Z", 5));
    }

    [Fact]
    public void The_first_of_each_month_at_02_30_runs_monthly()
    {
        Assert.Equal(
            ["2025-02-01T02:30:00+00:00", "2025-03-01T02:30:00+00:00", "2025-04-01T02:30:00+00:00"],
            Ticks(Parse("30 2 1 * *"), "2025-01-01T02:30:00Z", 3));
    }

    [Fact]
    public void The_31st_skips_months_that_have_no_31st()
    {
        Assert.Equal(
            ["2025-03-31T00:00:00+00:00", "2025-05-31T00:00:00+00:00", "2025-07-31T00:00:00+00:00",
             "2025-08-31T00:00:00+00:00", "2025-10-31T00:00:00+00:00", "2025-12-31T00:00:00+00:00"],
            Ticks(Parse("0 0 31 * *"), "2025-01-31T00:00:00Z", 6));
    }

    [Fact]
    public void The_29th_of_february_from_2027_lands_on_the_next_leap_day()
    {
        Assert.Equal(
            ["2028-02-29T12:00:00+00:00", "2032-02-29T12:00:00+00:00"],
            Ticks(Parse("0 12 29 2 *"), "2027-01-01T00:00:00Z", 2));
    }

    [Fact]
    public void The_29th_of_february_skips_2100_which_is_not_a_leap_year()
    {
        Assert.Equal(At("2104-02-29T12:00:00Z"), Parse("0 12 29 2 *").NextAfter(At("2096-03-01T00:00:00Z")));
    }

    [Fact]
    public void A_step_from_a_start_value_runs_from_there_to_the_end_of_the_field()
    {
        Assert.Equal(
            ["2025-06-01T10:05:00+00:00", "2025-06-01T10:20:00+00:00", "2025-06-01T10:35:00+00:00",
             "2025-06-01T10:50:00+00:00", "2025-06-01T11:05:00+00:00"],
            Ticks(Parse("5/15 * * * *"), "2025-06-01T10:00:00Z", 5));
    }

    [Fact]
    public void A_step_over_a_range_stays_inside_the_range()
    {
        Assert.Equal(
            ["2025-06-01T10:10:00+00:00", "2025-06-01T10:15:00+00:00", "2025-06-01T10:20:00+00:00", "2025-06-01T11:10:00+00:00"],
            Ticks(Parse("10-20/5 * * * *"), "2025-06-01T10:00:00Z", 4));
    }

    [Fact]
    public void Lists_in_several_fields_combine()
    {
        Assert.Equal(
            ["2025-06-01T17:00:00+00:00", "2025-06-01T17:30:00+00:00", "2025-06-02T08:00:00+00:00", "2025-06-02T08:30:00+00:00"],
            Ticks(Parse("0,30 8,17 * * *"), "2025-06-01T12:00:00Z", 4));
    }

    [Fact]
    public void Month_names_restrict_the_months()
    {
        Assert.Equal(
            ["2025-07-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00", "2026-07-01T00:00:00+00:00"],
            Ticks(Parse("0 0 1 jan,JUL *"), "2025-02-01T00:00:00Z", 3));
    }

    [Fact]
    public void Seven_in_the_day_of_week_field_is_sunday_like_zero()
    {
        Assert.Equal(Ticks(Parse("0 0 * * 0"), "2025-06-01T12:00:00Z", 3), Ticks(Parse("0 0 * * 7"), "2025-06-01T12:00:00Z", 3));
        Assert.Equal(Ticks(Parse("0 0 * * 0"), "2025-06-01T12:00:00Z", 3), Ticks(Parse("0 0 * * sun"), "2025-06-01T12:00:00Z", 3));
    }

    [Fact]
    public void When_both_day_fields_are_restricted_either_one_matching_is_enough()
    {
        // The 13th, or any Friday, as Vixie cron reads it: 2025-06-13 is both, 2025-06-20 a Friday, 2025-07-13 a Sunday.
        Assert.Equal(
            ["2025-06-13T00:00:00+00:00", "2025-06-20T00:00:00+00:00", "2025-06-27T00:00:00+00:00",
             "2025-07-04T00:00:00+00:00", "2025-07-11T00:00:00+00:00", "2025-07-13T00:00:00+00:00"],
            Ticks(Parse("0 0 13 * fri"), "2025-06-12T00:00:00Z", 6));
    }

    [Fact]
    public void When_one_day_field_starts_with_a_star_both_must_match()
    {
        // Sundays in January only: the '*' day of month does not widen the choice.
        Assert.Equal(
            ["2026-01-04T00:00:00+00:00", "2026-01-11T00:00:00+00:00", "2026-01-18T00:00:00+00:00",
             "2026-01-25T00:00:00+00:00", "2027-01-03T00:00:00+00:00"],
            Ticks(Parse("0 0 * jan sun"), "2025-06-01T00:00:00Z", 5));
    }

    [Fact]
    public void Shorthands_stand_for_their_five_fields()
    {
        Assert.Equal(Ticks(Parse("0 * * * *"), "2025-06-01T10:30:00Z", 3), Ticks(Parse("@hourly"), "2025-06-01T10:30:00Z", 3));
        Assert.Equal(Ticks(Parse("0 0 1 1 *"), "2025-06-01T10:30:00Z", 2), Ticks(Parse("@yearly"), "2025-06-01T10:30:00Z", 2));
    }

    [Fact]
    public void A_cron_expression_runs_by_the_wall_clock_of_its_zone()
    {
        Assert.Equal(
            ["2025-06-16T09:00:00-04:00", "2025-06-17T09:00:00-04:00"],
            Ticks(Parse("0 9 * * 1-5", "America/New_York"), "2025-06-13T12:00:00-04:00", 2, "America/New_York"));
    }

    [Fact]
    public void There_is_no_next_tick_at_the_end_of_the_calendar()
    {
        Assert.Null(Parse("0 0 1 1 *").NextAfter(At("9998-06-01T00:00:00Z")));
        Assert.Null(Parse("1 day at 17:00").NextAfter(DateTimeOffset.MaxValue));
        Assert.Null(Parse("15 minutes").NextAfter(DateTimeOffset.MaxValue));
    }
}
