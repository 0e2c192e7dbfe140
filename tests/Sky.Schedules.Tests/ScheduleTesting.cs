using System.Globalization;
using Sky.Schedules;

namespace Sky.Schedules.Tests;

/// <summary>Helpers that keep the schedule tests to one line per expectation, with instants always given explicitly.</summary>
internal static class ScheduleTesting
{
    /// <summary>Parses text that must be valid, failing the test with the parser's own error otherwise.</summary>
    public static Schedule Parse(string text, string? zone = null)
    {
        Assert.True(ScheduleParser.TryParse(text, zone, out var schedule, out var error), error);
        return schedule;
    }

    /// <summary>An instant written as ISO 8601 with its offset, for example "2025-03-30T01:59:00+01:00".</summary>
    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>
    /// The next <paramref name="count"/> ticks after <paramref name="from"/>, each written as wall-clock time in
    /// <paramref name="zone"/> with that moment's offset, so DST changes show in the expected strings.
    /// </summary>
    public static string[] Ticks(Schedule schedule, string from, int count, string? zone = null)
    {
        var timeZone = zone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone);
        var ticks = new List<string>();
        var instant = At(from);
        for (var index = 0; index < count; index++)
        {
            var next = schedule.NextAfter(instant);
            Assert.NotNull(next);
            ticks.Add(Format(next.Value, timeZone));
            instant = next.Value;
        }
        return [.. ticks];
    }

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
