namespace Sky.Metrics;

/// <summary>A place points are sent on to (Graphite): takes them at once, buffers and sends on its own time.</summary>
public interface IMetricExporter
{
    void Offer(IReadOnlyList<MetricPoint> points);
}
