using System.Globalization;
using Sky.Contracts;

namespace Sky.Cli.Output;

/// <summary>Request metrics as people read them in a table: rates, counts, percentages and latencies.</summary>
public static class StatsText
{
    /// <summary>A window as it is typed: <c>10s</c>, <c>1m</c>, <c>1m30s</c>, <c>1h</c>.</summary>
    public static string Window(double seconds)
    {
        var whole = TimeSpan.FromSeconds(Math.Round(seconds));
        var text = (whole.Hours > 0 ? $"{whole.Hours}h" : string.Empty) + (whole.Minutes > 0 ? $"{whole.Minutes}m" : string.Empty) + (whole.Seconds > 0 ? $"{whole.Seconds}s" : string.Empty);
        return text.Length == 0 ? "0s" : text;
    }

    public static string Rate(double perSecond) => perSecond.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>1.5%</c>; <c>-</c> without requests, where no ratio exists.</summary>
    public static string Percent(RequestStatsView stats) =>
        stats.Requests == 0 ? "-" : (stats.ErrorRatio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary><c>0.8ms</c>, <c>42ms</c>, <c>1.25s</c>; <c>-</c> without requests.</summary>
    public static string Latency(RequestStatsView stats, double milliseconds) => stats.Requests == 0
        ? "-"
        : milliseconds switch
        {
            < 10 => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + "ms",
            < 1000 => milliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms",
            _ => (milliseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + "s",
        };
}
