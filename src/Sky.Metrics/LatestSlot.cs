namespace Sky.Metrics;

/// <summary>One series' newest point; once forgotten it takes no more (a writer adds a new slot instead).</summary>
internal sealed class LatestSlot(MetricPoint point)
{
    private readonly Lock gate = new();
    private MetricPoint point = point;
    private bool forgotten;

    public MetricPoint Point
    {
        get
        {
            lock (gate)
            {
                return point;
            }
        }
    }

    public bool TrySet(MetricPoint value)
    {
        lock (gate)
        {
            point = value;
            return !forgotten;
        }
    }

    public bool TryForget(DateTimeOffset cutoff)
    {
        lock (gate)
        {
            forgotten = forgotten || point.Time < cutoff;
            return forgotten;
        }
    }
}
