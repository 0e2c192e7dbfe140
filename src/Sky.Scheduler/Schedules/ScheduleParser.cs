using System.Diagnostics.CodeAnalysis;

namespace Sky.Scheduler.Schedules;

/// <summary>Reads the <c>every:</c> grammar and the optional IANA time zone of a recurrent job.</summary>
public static class ScheduleParser
{
    /// <summary>
    /// Parses <paramref name="text"/> in <paramref name="timeZone"/> (null: UTC). On failure <paramref name="error"/>
    /// says what is wrong in words fit for a configuration error message.
    /// </summary>
    public static bool TryParse(string text, string? timeZone, [NotNullWhen(true)] out Schedule? schedule, [NotNullWhen(false)] out string? error)
    {
        throw new NotImplementedException("being written");
    }
}
