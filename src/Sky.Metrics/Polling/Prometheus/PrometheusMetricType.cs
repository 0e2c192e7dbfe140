namespace Sky.Metrics.Polling.Prometheus;

/// <summary>A family's <c># TYPE</c>; a family without one is <see cref="Untyped"/>, as the format says.</summary>
public enum PrometheusMetricType
{
    Untyped,
    Counter,
    Gauge,
    Histogram,
    Summary,
}
