using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Sky.Schedules;

/// <summary>Reads the <c>every:</c> grammar and the optional IANA time zone of a recurrent job.</summary>
public static partial class ScheduleParser
{
    /// <summary>Ends the error for text that matches no form, so the reader sees what would have worked.</summary>
    internal const string FormsHint =
        "use '15 minutes', '1 day at 17:00', 'monday at 09:30', 'weekdays at 08:00' or a cron expression";

    /// <summary>
    /// Parses <paramref name="text"/> in <paramref name="timeZone"/> (null: UTC). On failure <paramref name="error"/>
    /// says what is wrong in words fit for a configuration error message.
    /// </summary>
    /// <remarks>Every error starts with the quoted text, so it reads well after a key path: "job.every: '…' is …".</remarks>
    public static bool TryParse(string text, string? timeZone, [NotNullWhen(true)] out Schedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        ArgumentNullException.ThrowIfNull(text);
        if (!TryFindZone(timeZone, out var zone, out error))
        {
            return false;
        }
        var trimmed = text.Trim();
        var words = Spaces().Split(trimmed).Where(word => word.Length > 0).ToArray();
        if (words.Length > 0 && words[0].Equals("every", StringComparison.OrdinalIgnoreCase))
        {
            words = words[1..];
        }
        if (words.Length == 0)
        {
            error = NotASchedule(trimmed);
            return false;
        }
        if (CronParser.LooksLikeCron(words))
        {
            return CronParser.TryParse(trimmed, words, zone, out schedule, out error);
        }
        return PhraseParser.TryParse(trimmed, string.Join(' ', words), zone, out schedule, out error);
    }

    internal static string NotASchedule(string text) => $"'{text}' is not a schedule ({FormsHint})";

    private static bool TryFindZone(string? timeZone, [NotNullWhen(true)] out TimeZoneInfo? zone, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (timeZone is null)
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = null;
            error = $"unknown time zone '{timeZone}' (use an IANA name such as Europe/Paris)";
            return false;
        }
    }

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
