namespace Sky.Metrics.Polling;

/// <summary>
/// One endpoint of one container to poll: <see cref="Url"/> is the container's main port as published on 127.0.0.1
/// plus the service's path (<c>http://127.0.0.1:49153/debug/vars</c>); every point read is stamped with
/// <see cref="Labels"/>; a poll that has no full answer within <see cref="Timeout"/> fails.
/// </summary>
public sealed record PollTarget(Uri Url, PollKind Kind, MetricLabels Labels, TimeSpan Timeout, MetricNameRules Rules)
{
    public const string ExpvarFailureMetric = "expvar.failed";
    public const string PrometheusFailureMetric = "prometheus.failed";

    /// <summary>
    /// The series that is 1 after a failed poll and 0 after a good one, as samlare's <c>FailureMetric</c>: a graph of
    /// it shows when the endpoint stopped answering, and an alert rule can watch it.
    /// </summary>
    public string FailureMetric => Kind == PollKind.Expvar ? ExpvarFailureMetric : PrometheusFailureMetric;
}
