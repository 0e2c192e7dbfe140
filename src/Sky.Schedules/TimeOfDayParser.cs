using System.Globalization;
using System.Text.RegularExpressions;

namespace Sky.Schedules;

/// <summary>Reads the time after "at": 24-hour "17:00" or "9:30", 12-hour "5pm" or "5:30 pm", "noon", "midnight".</summary>
internal static partial class TimeOfDayParser
{
    public static bool TryParse(string text, out TimeOnly time)
    {
        time = default;
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
        switch (compact)
        {
            case "noon":
                time = new TimeOnly(12, 0);
                return true;
            case "midnight":
                time = TimeOnly.MinValue;
                return true;
        }
        var match = Pattern().Match(compact);
        if (!match.Success || (!match.Groups["minute"].Success && !match.Groups["half"].Success))
        {
            // A bare number such as "17" is refused: it is too easy to mean 5pm and get 5am, or the reverse.
            return false;
        }
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        if (minute > 59)
        {
            return false;
        }
        if (match.Groups["half"].Success)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }
            // 12am is midnight and 12pm is noon.
            hour = (hour % 12) + (match.Groups["half"].Value == "pm" ? 12 : 0);
        }
        else if (hour > 23)
        {
            return false;
        }
        time = new TimeOnly(hour, minute);
        return true;
    }

    [GeneratedRegex("^(?<hour>[0-9]{1,2})(?::(?<minute>[0-9]{2}))?(?<half>am|pm)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
