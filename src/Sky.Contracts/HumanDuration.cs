using System.Globalization;

namespace Sky.Contracts;

/// <summary>
/// A duration as people read it in tables and messages: <c>0.1s</c> under a minute, then the two largest units,
/// <c>2m 5s</c>, <c>1h 2m</c>, <c>3d 4h</c>. JSON carries durations as seconds in a number, never this text.
/// </summary>
public static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        // Rounded once, first: 59.96 s is "1m 0s", not "60.0s".
        var tenths = Math.Round(Math.Max(0, duration.TotalSeconds) * 10, MidpointRounding.AwayFromZero);
        if (tenths < 600)
        {
            return (tenths / 10).ToString("0.0", CultureInfo.InvariantCulture) + "s";
        }

        var whole = TimeSpan.FromSeconds(Math.Floor(tenths / 10));
        return whole switch
        {
            { TotalHours: < 1 } => $"{whole.Minutes}m {whole.Seconds}s",
            { TotalDays: < 1 } => $"{whole.Hours}h {whole.Minutes}m",
            _ => $"{(int)whole.TotalDays}d {whole.Hours}h",
        };
    }

    /// <summary>Seconds as the API sends them; <c>-</c> for none.</summary>
    public static string Format(double? seconds) => seconds is { } s ? Format(TimeSpan.FromSeconds(s)) : "-";
}
