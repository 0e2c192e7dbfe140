namespace Sky.Metrics;

/// <summary>
/// Where every source of metrics (sampling, StatsD, polling, the router) hands what it measured: the history, the
/// exporters and the alert rules read from behind it. Returns at once; never throws for a slow reader.
/// </summary>
public interface IMetricSink
{
    void Write(IReadOnlyList<MetricPoint> points);
}
