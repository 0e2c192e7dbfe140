namespace Sky.Metrics.Rules;

/// <summary>
/// The last minutes of the series a <c>change</c> rule names, in memory, so a rule compares the value now with the
/// value <c>over</c> ago without reading the history's file every few seconds. Only watched names are kept; after a
/// daemon restart a change rule waits one <c>over</c> before it can judge.
/// </summary>
public sealed class RecentValues : IMetricExporter
{
    private readonly Lock gate = new();
    private readonly Dictionary<MetricSeries, Queue<(DateTimeOffset Time, double Value)>> values = [];
    private Dictionary<string, TimeSpan> watched = new(StringComparer.Ordinal);

    /// <summary>Keeps these names for as long as each says (its rule's <c>over</c>, and a little more); forgets the rest.</summary>
    public void Watch(IReadOnlyDictionary<string, TimeSpan> names)
    {
        lock (gate)
        {
            watched = new Dictionary<string, TimeSpan>(names, StringComparer.Ordinal);
            foreach (var series in values.Keys.Where(s => !watched.ContainsKey(s.Name)).ToList())
            {
                values.Remove(series);
            }
        }
    }

    public void Offer(IReadOnlyList<MetricPoint> points)
    {
        lock (gate)
        {
            foreach (var point in points)
            {
                if (!watched.TryGetValue(point.Name, out var keep) || !double.IsFinite(point.Value))
                {
                    continue;
                }

                var series = MetricSeries.Of(point);
                if (!values.TryGetValue(series, out var queue))
                {
                    queue = new Queue<(DateTimeOffset, double)>();
                    values[series] = queue;
                }

                queue.Enqueue((point.Time, point.Value));
                // One value older than the window stays: it is the one "over ago" is read from.
                while (queue.Count > 1 && queue.ElementAt(1).Time < point.Time - keep - TimeSpan.FromMinutes(1))
                {
                    queue.Dequeue();
                }
            }
        }
    }

    /// <summary>The series' value at or just before <paramref name="time"/>; null when nothing that old is kept.</summary>
    public double? At(MetricSeries series, DateTimeOffset time)
    {
        lock (gate)
        {
            if (!values.TryGetValue(series, out var queue))
            {
                return null;
            }

            double? found = null;
            foreach (var (at, value) in queue)
            {
                if (at > time)
                {
                    break;
                }

                found = value;
            }

            return found;
        }
    }
}
