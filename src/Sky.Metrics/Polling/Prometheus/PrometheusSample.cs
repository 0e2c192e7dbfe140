namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// One line of values: <c>http_request_duration_seconds_bucket{le="0.5"} 129 1395066363000</c>. <see cref="Name"/> is
/// the name as written (with <c>_bucket</c>, <c>_sum</c> or <c>_count</c> for the parts of a histogram or summary);
/// <see cref="Labels"/> are in the order written; <see cref="Timestamp"/> is the optional time the application gave,
/// in milliseconds since the Unix epoch.
/// </summary>
public sealed record PrometheusSample(string Name, IReadOnlyList<PrometheusLabel> Labels, double Value, long? Timestamp = null);
