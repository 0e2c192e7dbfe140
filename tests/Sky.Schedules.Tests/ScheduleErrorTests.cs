using Sky.Schedules;

namespace Sky.Schedules.Tests;

public class ScheduleErrorTests
{
    private const string Forms = "(use '15 minutes', '1 day at 17:00', 'monday at 09:30', 'weekdays at 08:00' or a cron expression)";

    [Theory]
    [InlineData("", "'' is not a schedule " + Forms)]
    [InlineData("   ", "'' is not a schedule " + Forms)]
    [InlineData("every", "'every' is not a schedule " + Forms)]
    [InlineData("evry day", "'evry day' is not a schedule " + Forms)]
    [InlineData(" 5 minutes please ", "'5 minutes please' is not a schedule " + Forms)]
    [InlineData("0 minutes", "'0 minutes' needs a count of at least 1")]
    [InlineData("-5 minutes", "'-5 minutes' needs a count of at least 1")]
    [InlineData("0 days at 17:00", "'0 days at 17:00' needs a count of at least 1")]
    [InlineData("5", "'5' needs a unit after the number (use seconds, minutes, hours or days)")]
    [InlineData("5 fortnights", "'5 fortnights' has an unknown unit 'fortnights' (use seconds, minutes, hours or days)")]
    [InlineData("2 weeks", "'2 weeks' has an unknown unit 'weeks' (use seconds, minutes, hours or days)")]
    [InlineData("4000 days", "'4000 days' is too long an interval (at most 3653 days, ten years)")]
    [InlineData("99999999999999999999 seconds", "'99999999999999999999 seconds' is too long an interval (at most 315619200 seconds, ten years)")]
    [InlineData("3 hours at 17:00", "'3 hours at 17:00' cannot have a time of day: only day intervals can (for example '1 day at 17:00')")]
    [InlineData("1 day at 25:00", "'1 day at 25:00' has an invalid time of day '25:00' (use HH:MM from 00:00 to 23:59, or 5pm)")]
    [InlineData("1 day at 17:60", "'1 day at 17:60' has an invalid time of day '17:60' (use HH:MM from 00:00 to 23:59, or 5pm)")]
    [InlineData("1 day at 17", "'1 day at 17' has an invalid time of day '17' (use HH:MM from 00:00 to 23:59, or 5pm)")]
    [InlineData("daily at 13pm", "'daily at 13pm' has an invalid time of day '13pm' (use HH:MM from 00:00 to 23:59, or 5pm)")]
    [InlineData("monday at", "'monday at' needs a time of day after 'at' (for example 'monday at 09:30')")]
    [InlineData("monday", "'monday' needs a time of day (for example 'monday at 09:30')")]
    [InlineData("weekdays", "'weekdays' needs a time of day (for example 'weekdays at 09:30')")]
    [InlineData("monday, funday at 09:30", "'monday, funday at 09:30' has an unknown day 'funday' (use monday to sunday, mon to sun, weekdays or weekends)")]
    [InlineData("at 17:00", "'at 17:00' needs a day before 'at' (for example '1 day at 17:00' or 'monday at 09:30')")]
    [InlineData("61 * * * *", "'61 * * * *' has an invalid minute field '61': 61 is outside 0-59")]
    [InlineData("0 24 * * *", "'0 24 * * *' has an invalid hour field '24': 24 is outside 0-23")]
    [InlineData("0 0 0 * *", "'0 0 0 * *' has an invalid day-of-month field '0': 0 is outside 1-31")]
    [InlineData("0 0 * 13 *", "'0 0 * 13 *' has an invalid month field '13': 13 is outside 1-12")]
    [InlineData("0 0 * * 8", "'0 0 * * 8' has an invalid day-of-week field '8': 8 is outside 0-7")]
    [InlineData("0 0 9 * * 1", "'0 0 9 * * 1' has 6 fields; a cron expression has 5 (minute hour day-of-month month day-of-week)")]
    [InlineData("0 9 * *", "'0 9 * *' has 4 fields; a cron expression has 5 (minute hour day-of-month month day-of-week)")]
    [InlineData("*/0 * * * *", "'*/0 * * * *' has an invalid minute field '*/0': the step '0' must be a whole number of at least 1")]
    [InlineData("*/x * * * *", "'*/x * * * *' has an invalid minute field '*/x': the step 'x' must be a whole number of at least 1")]
    [InlineData("0 9 * * 5-1", "'0 9 * * 5-1' has an invalid day-of-week field '5-1': the range 5-1 runs backwards")]
    [InlineData("0 9 * * funday", "'0 9 * * funday' has an invalid day-of-week field 'funday': 'funday' is not a number or a name such as mon")]
    [InlineData("0 9 * foo *", "'0 9 * foo *' has an invalid month field 'foo': 'foo' is not a number or a name such as jan")]
    [InlineData("0 mon * * *", "'0 mon * * *' has an invalid hour field 'mon': 'mon' is not a number")]
    [InlineData("1,,2 * * * *", "'1,,2 * * * *' has an invalid minute field '1,,2': it has an empty list item")]
    [InlineData("? * * * *", "'? * * * *' has an invalid minute field '?': '?' is only allowed in the day fields")]
    [InlineData("0 0 30 2 *", "'0 0 30 2 *' never runs: none of its months has the day of the month it names")]
    [InlineData("@fortnightly", "'@fortnightly' is not a cron shorthand (use @hourly, @daily, @weekly, @monthly or @yearly)")]
    public void Each_mistake_is_reported_in_words_starting_with_the_quoted_text(string text, string expected)
    {
        Assert.False(ScheduleParser.TryParse(text, null, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    public void An_unknown_time_zone_is_reported_with_an_example_of_a_good_one(string zone)
    {
        Assert.False(ScheduleParser.TryParse("1 day at 17:00", zone, out _, out var error));
        Assert.Equal($"unknown time zone '{zone}' (use an IANA name such as Europe/Paris)", error);
    }
}
