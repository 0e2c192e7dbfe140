using Sky.Metrics.Polling.Prometheus;

namespace Sky.Metrics.Polling;

/// <summary>
/// What one poll gives: the points read, all stamped with the time the poll began, and last among them the target's
/// failure metric (0 or 1). <see cref="Failure"/> says in a few words why a poll failed ("HTTP 500", "timed out after
/// 2s", "refused", "bad JSON at byte 12: ..."), for the log; a failed poll has no points but the failure metric, since
/// half an answer would draw graphs that look right and are not. <see cref="PrometheusTypes"/> holds the family TYPE
/// of each point read from a Prometheus endpoint, by point name, for whoever exposes them again; it is empty for expvar.
/// </summary>
public sealed record PollResult(
    IReadOnlyList<MetricPoint> Points,
    string? Failure,
    IReadOnlyDictionary<string, PrometheusMetricType> PrometheusTypes)
{
    public bool Failed => Failure is not null;
}
