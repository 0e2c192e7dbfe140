using System.Collections.Concurrent;

namespace Sky.Metrics;

/// <summary>
/// The newest value of every series: what <c>sky top</c>, the Prometheus exposition and the alert rules read. A
/// series not written for a while (its container removed, its endpoint no longer polled) is forgotten by
/// <see cref="ForgetOlderThan"/>, so what is exposed is what exists.
/// </summary>
public sealed class LatestValues
{
    // A slot per series, written in place: replacing a dictionary's value of this size makes a new entry each time, and
    // with 300 containers sampled every 10 s those entries lived just long enough to need a full collection to go.
    private readonly ConcurrentDictionary<MetricSeries, LatestSlot> latest = new();

    public int Count => latest.Count;

    public void Record(IReadOnlyList<MetricPoint> points)
    {
        foreach (var point in points)
        {
            var series = MetricSeries.Of(point);
            while (true)
            {
                if (!latest.TryGetValue(series, out var slot))
                {
                    if (latest.TryAdd(series, new LatestSlot(point)))
                    {
                        break;
                    }
                }
                else if (slot.TrySet(point))
                {
                    break;
                }
                else
                {
                    // Forgotten between the lookup and the write: out with it (whoever forgot it may not have yet), and a new one.
                    latest.TryRemove(new KeyValuePair<MetricSeries, LatestSlot>(series, slot));
                }
            }
        }
    }

    public MetricPoint? Get(MetricSeries series) => latest.TryGetValue(series, out var slot) ? slot.Point : null;

    public IReadOnlyList<MetricPoint> All() => [.. latest.Values.Select(slot => slot.Point)];

    public IReadOnlyList<MetricPoint> Where(Func<MetricSeries, bool> matches) =>
        [.. latest.Where(pair => matches(pair.Key)).Select(pair => pair.Value.Point)];

    public int ForgetOlderThan(DateTimeOffset cutoff)
    {
        var forgotten = 0;
        foreach (var (series, slot) in latest)
        {
            if (slot.TryForget(cutoff))
            {
                latest.TryRemove(new KeyValuePair<MetricSeries, LatestSlot>(series, slot));
                forgotten++;
            }
        }

        return forgotten;
    }
}
