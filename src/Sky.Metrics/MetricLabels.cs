namespace Sky.Metrics;

/// <summary>
/// Whose a series is: a container (all three set), an instance (no container), or nobody in particular (StatsD's
/// names, which are the application's own and global, as in etsy statsd).
/// </summary>
public sealed record MetricLabels(string? Service = null, string? Instance = null, string? Container = null)
{
    /// <summary>A series that belongs to no service: StatsD's and the daemon's own.</summary>
    public static readonly MetricLabels None = new();
}
