namespace Sky.Router.Metrics;

/// <summary>Latency percentiles of a stretch of requests, within HdrHistogram's 1 % precision; zero when there were none.</summary>
public readonly record struct LatencyPercentiles(TimeSpan P50, TimeSpan P90, TimeSpan P99, TimeSpan Max);
