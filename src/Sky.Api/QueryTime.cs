using System.Globalization;
using Sky.Configuration.Values;

namespace Sky.Api;

/// <summary>A time in a query string, as <c>since</c> and <c>until</c> take it: a duration ago (<c>1h</c>) or a time.</summary>
public static class QueryTime
{
    /// <summary>The time <paramref name="name"/> says; null when absent or wrong (then <paramref name="error"/> says what, if it said nothing yet).</summary>
    public static DateTimeOffset? Parse(IQueryCollection query, string name, DateTimeOffset now, ref string? error)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (Durations.TryParse(text, out var ago))
        {
            return now - ago;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        error ??= $"{name} '{text}' is neither a duration ago (30s, 15m, 1h, 2d) nor a time (2026-11-30T10:00:00Z)";
        return null;
    }
}
