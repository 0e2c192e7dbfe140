using System.Globalization;

namespace Sky.Cli.Output;

/// <summary>
/// A metric's value as people read it, by what its name says it measures: <c>12.5%</c> for percentages,
/// <c>48.2 MiB</c> for memory, <c>1.2 KiB/s</c> for network and disk rates, <c>42ms</c> for latencies, a plain number
/// otherwise; and a sparkline of a series.
/// </summary>
public static class MetricText
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    public static string Value(string name, double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "-";
        }

        if (name.EndsWith(".percent", StringComparison.Ordinal))
        {
            return Number(v, "0.0") + "%";
        }

        if (name.StartsWith("memory.", StringComparison.Ordinal))
        {
            return Bytes(v);
        }

        if (name.StartsWith("network.", StringComparison.Ordinal) || name.StartsWith("blkio.", StringComparison.Ordinal))
        {
            return Bytes(v) + "/s";
        }

        if (name.StartsWith("latency.", StringComparison.Ordinal))
        {
            return Milliseconds(v);
        }

        return Math.Abs(v) >= 1000 || v == Math.Floor(v) ? Number(v, "0.##") : Number(v, "0.###");
    }

    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0 ? Number(bytes, "0") + " B" : Number(bytes, "0.0") + " " + units[unit];
    }

    public static string Milliseconds(double milliseconds) => milliseconds switch
    {
        < 10 => Number(milliseconds, "0.0") + "ms",
        < 1000 => Number(milliseconds, "0") + "ms",
        _ => Number(milliseconds / 1000, "0.00") + "s",
    };

    /// <summary>At most <paramref name="width"/> bars, each the average of its share of the values, scaled between their least and most.</summary>
    public static string Sparkline(IReadOnlyList<double> values, int width = 24)
    {
        if (values.Count == 0)
        {
            return "";
        }

        var buckets = Math.Min(width, values.Count);
        var averages = Enumerable.Range(0, buckets)
            .Select(b => values.Skip(b * values.Count / buckets).Take(Math.Max(1, ((b + 1) * values.Count / buckets) - (b * values.Count / buckets))).Average())
            .ToList();
        var (low, high) = (averages.Min(), averages.Max());
        return string.Concat(averages.Select(a => high - low < 1e-12 ? Bars[0] : Bars[(int)Math.Round((a - low) / (high - low) * (Bars.Length - 1))]));
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
