using System.Globalization;

namespace Sky.Metrics.StatsD;

/// <summary>
/// How etsy names a percentile threshold in a timer's statistics: the number as JavaScript prints it with its first
/// <c>.</c> made <c>_</c> and its <c>-</c> made <c>top</c> (90 is <c>90</c>, 99.9 is <c>99_9</c>, -10 is <c>top10</c>).
/// .NET prints the same shortest digits as JavaScript, and the same text for every threshold
/// <see cref="StatsdSettings"/> accepts (at least 0.0001 away from 0, where .NET would start writing exponents).
/// </summary>
internal static class PercentileName
{
    public static string Of(double percentile)
    {
        var text = percentile.ToString("R", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            text = string.Concat(text.AsSpan(0, dot), "_", text.AsSpan(dot + 1));
        }

        return text.StartsWith('-') ? "top" + text[1..] : text;
    }
}
