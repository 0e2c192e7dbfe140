using Sky.Metrics.History;

namespace Sky.Metrics;

/// <summary>The daemon settings' <c>metrics:</c> section.</summary>
public sealed record MetricsSettings
{
    /// <summary>How often every container's resources are sampled (<c>metrics.sample-interval</c>).</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(10);

    public HistorySettings History { get; init; } = new();

    /// <summary>
    /// A series not written for this long is no longer current: gone from <c>sky top</c> and <c>/metrics</c> (its
    /// history stays). Longer than any sensible polling interval.
    /// </summary>
    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromMinutes(5);
}
