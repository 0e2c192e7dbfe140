using System.Globalization;
using System.Text.RegularExpressions;

namespace Sky.Configuration.Values;

/// <summary>Durations: <c>500ms</c>, <c>5s</c>, <c>2m</c>, <c>1h</c>, <c>1d</c> and sequences of them (<c>1m30s</c>).</summary>
public static partial class Durations
{
    public const string Hint = "(use 5s, 2m, 1h)";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (!WholePattern().IsMatch(text))
        {
            return false;
        }

        decimal milliseconds = 0;
        foreach (Match part in PartPattern().Matches(text))
        {
            if (!decimal.TryParse(part.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var unit = part.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "ms" => 1m,
                "s" => 1_000m,
                "m" => 60_000m,
                "h" => 3_600_000m,
                _ => 86_400_000m,
            };
            milliseconds += value * unit;
            // Far beyond any sensible timeout; also keeps TimeSpan from overflowing.
            if (milliseconds > (decimal)TimeSpan.FromDays(36_500).TotalMilliseconds)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond));
        return true;
    }

    /// <summary>Writes a duration back the way a configuration would (<c>1m30s</c>), for messages and tests.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = "";
        if (duration.Days > 0) { text += $"{duration.Days}d"; }
        if (duration.Hours > 0) { text += $"{duration.Hours}h"; }
        if (duration.Minutes > 0) { text += $"{duration.Minutes}m"; }
        if (duration.Seconds > 0) { text += $"{duration.Seconds}s"; }
        if (duration.Milliseconds > 0) { text += $"{duration.Milliseconds}ms"; }
        return text;
    }

    [GeneratedRegex(@"^([0-9]{1,9}(\.[0-9]{1,9})?(ms|s|m|h|d))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholePattern();

    [GeneratedRegex(@"(?<number>[0-9]{1,9}(\.[0-9]{1,9})?)(?<unit>ms|s|m|h|d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
