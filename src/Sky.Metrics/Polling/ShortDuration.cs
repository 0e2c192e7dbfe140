using System.Globalization;

namespace Sky.Metrics.Polling;

/// <summary>A duration as a service's file writes it: <c>2s</c>, <c>300ms</c>, <c>1.5s</c>.</summary>
internal static class ShortDuration
{
    public static string Of(TimeSpan span) => span < TimeSpan.FromSeconds(1)
        ? $"{span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms"
        : $"{span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
}
