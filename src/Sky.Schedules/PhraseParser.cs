using System.Globalization;
using System.Text.RegularExpressions;

namespace Sky.Schedules;

/// <summary>
/// Reads the schedules written in words: "15 minutes", "1 day at 17:00", "daily at 5pm", "monday at 09:30",
/// "monday, wednesday at 09:30", "weekdays at 08:00". The leading "every" is already gone.
/// </summary>
internal static partial class PhraseParser
{
    private const string UnitHint = "use seconds, minutes, hours or days";
    private const string TimeHint = "use HH:MM from 00:00 to 23:59, or 5pm";
    private const string DayHint = "use monday to sunday, mon to sun, weekdays or weekends";

    public static bool TryParse(string text, string phrase, TimeZoneInfo zone, out Schedule? schedule, out string? error)
    {
        schedule = null;
        var words = Separators().Split(phrase.ToLowerInvariant()).Where(word => word.Length > 0).ToList();
        var at = words.IndexOf("at");
        var head = at < 0 ? words : words[..at];
        var timeText = at < 0 ? null : string.Join(' ', words[(at + 1)..]);
        TimeOnly? time = null;
        if (timeText is not null)
        {
            if (timeText.Length == 0)
            {
                error = $"'{text}' needs a time of day after 'at' (for example 'monday at 09:30')";
                return false;
            }
            if (!TimeOfDayParser.TryParse(timeText, out var parsed))
            {
                error = $"'{text}' has an invalid time of day '{timeText}' ({TimeHint})";
                return false;
            }
            time = parsed;
        }
        if (head.Count == 0)
        {
            error = $"'{text}' needs a day before 'at' (for example '1 day at 17:00' or 'monday at 09:30')";
            return false;
        }
        if (DayWords.TryRead(head[0], out _))
        {
            return TryWeekly(text, head, time, zone, out schedule, out error);
        }
        return TryInterval(text, head, time, zone, out schedule, out error);
    }

    private static bool TryWeekly(string text, List<string> head, TimeOnly? time, TimeZoneInfo zone, out Schedule? schedule, out string? error)
    {
        schedule = null;
        var days = new HashSet<DayOfWeek>();
        foreach (var word in head.Where(word => word != "and"))
        {
            if (!DayWords.TryRead(word, out var named))
            {
                error = $"'{text}' has an unknown day '{word}' ({DayHint})";
                return false;
            }
            days.UnionWith(named);
        }
        if (time is null)
        {
            error = $"'{text}' needs a time of day (for example '{head[0]} at 09:30')";
            return false;
        }
        schedule = new WallClockSchedule(zone, 1, days, time.Value);
        error = null;
        return true;
    }

    private static bool TryInterval(string text, List<string> head, TimeOnly? time, TimeZoneInfo zone, out Schedule? schedule, out string? error)
    {
        schedule = null;
        long count = 1;
        string? unitWord;
        var rest = head.Skip(1);
        var counted = CountAndUnit().Match(head[0]);
        if (head[0] is "daily" or "hourly")
        {
            unitWord = head[0] == "daily" ? "day" : "hour";
        }
        else if (counted.Success)
        {
            if (!long.TryParse(counted.Groups["count"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count))
            {
                count = long.MaxValue;
            }
            unitWord = counted.Groups["unit"].Value;
            if (unitWord.Length == 0)
            {
                unitWord = head.Count > 1 ? head[1] : null;
                rest = head.Skip(2);
            }
            if (unitWord is null)
            {
                error = $"'{text}' needs a unit after the number ({UnitHint})";
                return false;
            }
            if (!TimeUnits.TryRead(unitWord, out _))
            {
                error = $"'{text}' has an unknown unit '{unitWord}' ({UnitHint})";
                return false;
            }
        }
        else if (TimeUnits.TryRead(head[0], out _))
        {
            unitWord = head[0];
        }
        else
        {
            error = ScheduleParser.NotASchedule(text);
            return false;
        }
        if (rest.Any())
        {
            error = ScheduleParser.NotASchedule(text);
            return false;
        }
        TimeUnits.TryRead(unitWord, out var unit);
        if (count < 1)
        {
            error = $"'{text}' needs a count of at least 1";
            return false;
        }
        if (count > TimeUnits.MaxCount(unit))
        {
            error = $"'{text}' is too long an interval (at most {TimeUnits.Describe(TimeUnits.MaxCount(unit), unit)}, ten years)";
            return false;
        }
        if (unit == TimeUnit.Day)
        {
            // "N days" alone ticks at local midnight: the start of each counted day.
            schedule = new WallClockSchedule(zone, (int)count, Enum.GetValues<DayOfWeek>().ToHashSet(), time ?? TimeOnly.MinValue);
            error = null;
            return true;
        }
        if (time is not null)
        {
            error = $"'{text}' cannot have a time of day: only day intervals can (for example '1 day at 17:00')";
            return false;
        }
        schedule = new IntervalSchedule((int)count, unit);
        error = null;
        return true;
    }

    /// <summary>Words are split on spaces and commas, so "monday,wednesday" and "monday, wednesday" read alike.</summary>
    [GeneratedRegex("[\\s,]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    /// <summary>A count with its unit optionally glued on: "15", "15m", "-5".</summary>
    [GeneratedRegex("^(?<count>[+-]?[0-9]+)(?<unit>[a-z]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountAndUnit();
}
