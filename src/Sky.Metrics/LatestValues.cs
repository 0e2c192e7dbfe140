using System.Collections.Concurrent;

namespace Sky.Metrics;

/// <summary>
/// The newest value of every series: what <c>sky top</c>, the Prometheus exposition and the alert rules read. A
/// series not written for a while (its container removed, its endpoint no longer polled) is forgotten by
/// <see cref="ForgetOlderThan"/>, so what is exposed is what exists.
/// </summary>
public sealed class LatestValues
{
    private readonly ConcurrentDictionary<MetricSeries, MetricPoint> latest = new();

    public int Count => latest.Count;

    public void Record(IReadOnlyList<MetricPoint> points)
    {
        foreach (var point in points)
        {
            latest[MetricSeries.Of(point)] = point;
        }
    }

    public MetricPoint? Get(MetricSeries series) => latest.TryGetValue(series, out var point) ? point : null;

    public IReadOnlyList<MetricPoint> All() => [.. latest.Values];

    public IReadOnlyList<MetricPoint> Where(Func<MetricSeries, bool> matches) =>
        [.. latest.Where(pair => matches(pair.Key)).Select(pair => pair.Value)];

    public int ForgetOlderThan(DateTimeOffset cutoff)
    {
        var forgotten = 0;
        foreach (var (series, point) in latest)
        {
            if (point.Time < cutoff && latest.TryRemove(new KeyValuePair<MetricSeries, MetricPoint>(series, point)))
            {
                forgotten++;
            }
        }

        return forgotten;
    }
}
