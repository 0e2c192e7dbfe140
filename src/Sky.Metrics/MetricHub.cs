using Sky.Metrics.History;

namespace Sky.Metrics;

/// <summary>
/// The one sink every source writes to: it keeps the newest values, the history, and hands the points to each
/// exporter (Graphite), which buffers them on its own and never makes a source wait.
/// </summary>
public sealed class MetricHub(LatestValues latest, MetricHistory history, IEnumerable<IMetricExporter> exporters) : IMetricSink
{
    private readonly IMetricExporter[] exporters = [.. exporters];

    public void Write(IReadOnlyList<MetricPoint> points)
    {
        if (points.Count == 0)
        {
            return;
        }

        latest.Record(points);
        history.Record(points);
        foreach (var exporter in exporters)
        {
            exporter.Offer(points);
        }
    }
}
