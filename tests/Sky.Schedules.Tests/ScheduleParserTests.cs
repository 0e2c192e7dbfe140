using Sky.Schedules;
using static Sky.Schedules.Tests.ScheduleTesting;

namespace Sky.Schedules.Tests;

public class ScheduleParserTests
{
    [Theory]
    [InlineData("15 minutes", "every 15 minutes")]
    [InlineData("every 15 minutes", "every 15 minutes")]
    [InlineData("  EVERY   15   Minutes  ", "every 15 minutes")]
    [InlineData("1 minute", "every minute")]
    [InlineData("minute", "every minute")]
    [InlineData("15min", "every 15 minutes")]
    [InlineData("15 m", "every 15 minutes")]
    [InlineData("30 seconds", "every 30 seconds")]
    [InlineData("30 sec", "every 30 seconds")]
    [InlineData("second", "every second")]
    [InlineData("2 hours", "every 2 hours")]
    [InlineData("2h", "every 2 hours")]
    [InlineData("hourly", "every hour")]
    [InlineData("1 day at 17:00", "every day at 17:00 (UTC)")]
    [InlineData("every 1 day at 17:00", "every day at 17:00 (UTC)")]
    [InlineData("day at 17:00", "every day at 17:00 (UTC)")]
    [InlineData("daily at 17:00", "every day at 17:00 (UTC)")]
    [InlineData("daily at 5pm", "every day at 17:00 (UTC)")]
    [InlineData("daily at 5:30 PM", "every day at 17:30 (UTC)")]
    [InlineData("daily at 12am", "every day at 00:00 (UTC)")]
    [InlineData("daily at noon", "every day at 12:00 (UTC)")]
    [InlineData("1 day at 9:05", "every day at 09:05 (UTC)")]
    [InlineData("3 days at 06:00", "every 3 days at 06:00 (UTC)")]
    [InlineData("3 days", "every 3 days at 00:00 (UTC)")]
    [InlineData("daily", "every day at 00:00 (UTC)")]
    [InlineData("monday at 09:30", "every monday at 09:30 (UTC)")]
    [InlineData("Mondays at 09:30", "every monday at 09:30 (UTC)")]
    [InlineData("every mon at 09:30", "every monday at 09:30 (UTC)")]
    [InlineData("monday, wednesday at 09:30", "every monday and wednesday at 09:30 (UTC)")]
    [InlineData("fri,mon and wed at 09:30", "every monday, wednesday and friday at 09:30 (UTC)")]
    [InlineData("weekdays at 08:00", "every weekday at 08:00 (UTC)")]
    [InlineData("weekends at 10:00", "every weekend day at 10:00 (UTC)")]
    [InlineData("sunday at 23:59", "every sunday at 23:59 (UTC)")]
    [InlineData("*/5 * * * *", "cron */5 * * * * (UTC)")]
    [InlineData("0  9 * *   1-5", "cron 0 9 * * 1-5 (UTC)")]
    [InlineData("30 2 1 * *", "cron 30 2 1 * * (UTC)")]
    [InlineData("0 9 * * mon-fri", "cron 0 9 * * mon-fri (UTC)")]
    [InlineData("@daily", "cron @daily (UTC)")]
    public void Each_form_of_the_grammar_parses_and_describes_itself_in_words(string text, string description)
    {
        Assert.Equal(description, Parse(text).Description);
    }

    [Fact]
    public void Wall_clock_forms_name_their_time_zone_in_the_description()
    {
        Assert.Equal("every day at 17:00 (Europe/Paris)", Parse("1 day at 17:00", "Europe/Paris").Description);
        Assert.Equal("cron 0 9 * * 1-5 (America/New_York)", Parse("0 9 * * 1-5", "America/New_York").Description);
    }

    [Fact]
    public void Interval_forms_do_not_name_a_time_zone_because_they_do_not_depend_on_one()
    {
        Assert.Equal("every 15 minutes", Parse("15 minutes", "Europe/Paris").Description);
    }

    [Fact]
    public void The_example_job_of_the_mission_parses()
    {
        var schedule = Parse("1 day at 17:00");
        Assert.Equal(At("2025-06-01T17:00:00Z"), schedule.NextAfter(At("2025-06-01T12:00:00Z")));
    }
}
