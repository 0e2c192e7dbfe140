using Sky.Metrics;
using Sky.Metrics.History;
using Sky.Model.Metrics;

namespace Sky.Api.Overview;

/// <summary>
/// Every container's recent CPU and memory for the overview's sparklines, keyed by container and metric name. Kept in
/// memory as the points arrive (an exporter beside the history), one value per history step: every open dashboard
/// reads the overview again each sample interval, and reading the history's file for 2 series per container each
/// time was most of that read's cost. What the daemon measured before it started is read from the history once, on
/// the first read, so a restart does not blank the lines.
/// </summary>
public sealed class Sparklines(MetricHistory history, TimeProvider clock) : IMetricExporter
{
    /// <summary>How far back they reach: long enough to show a trend, short enough to stay in memory.</summary>
    public static readonly TimeSpan Range = TimeSpan.FromMinutes(10);

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { MetricNames.CpuPercent, MetricNames.MemoryUsage };

    private readonly long step = (long)history.Fine.Step.TotalSeconds;
    private readonly Lock gate = new();
    private readonly Dictionary<(string Container, string Name), List<(long Slot, double Value)>> lines = [];
    private Task? seeding;
    private long sweptAt;

    public void Offer(IReadOnlyList<MetricPoint> points)
    {
        lock (gate)
        {
            var newest = 0L;
            foreach (var point in points)
            {
                if (point.Labels.Container is { } container && Names.Contains(point.Name) && double.IsFinite(point.Value))
                {
                    var slot = SlotOf(point.Time);
                    Put(container, point.Name, slot, point.Value);
                    newest = Math.Max(newest, slot);
                }
            }

            // With no page open nothing reads: the lines of removed containers are dropped here, once per range.
            if (newest - sweptAt > RangeSlots)
            {
                Sweep(newest - RangeSlots);
                sweptAt = newest;
            }
        }
    }

    public async Task<IReadOnlyDictionary<(string Container, string Name), IReadOnlyList<double>>> ReadAsync(CancellationToken cancellationToken)
    {
        Task seed;
        lock (gate)
        {
            // Shared by the reads that come while it runs, so not cancelled by the first one's caller.
            seed = seeding ??= Task.Run(SeedAsync, CancellationToken.None);
        }

        await seed.WaitAsync(cancellationToken);

        var byContainer = new Dictionary<(string, string), IReadOnlyList<double>>();
        lock (gate)
        {
            Sweep(SlotOf(clock.GetUtcNow() - Range));
            foreach (var (key, line) in lines)
            {
                byContainer[key] = line.ConvertAll(p => Math.Round(p.Value, 2));
            }
        }

        return byContainer;
    }

    /// <summary>Adds what the history holds of the range before the first value that arrived live, once.</summary>
    private async Task SeedAsync()
    {
        var now = clock.GetUtcNow();
        var query = new HistoryQuery { Names = Names, From = now - Range, To = now };
        IReadOnlyList<SeriesHistory> stored;
        try
        {
            stored = await history.ReadAsync(query, now, CancellationToken.None);
        }
        catch
        {
            lock (gate)
            {
                seeding = null; // the next read tries again
            }

            throw;
        }

        lock (gate)
        {
            foreach (var series in stored)
            {
                if (series.Series.Labels.Container is { } container)
                {
                    foreach (var point in series.Points.Reverse())
                    {
                        PutBefore(container, series.Series.Name, SlotOf(point.Time), point.Value);
                    }
                }
            }
        }
    }

    private long RangeSlots => (long)Range.TotalSeconds / step;

    /// <summary>A newer value: a new slot at the end, or the last slot's value replaced (the history keeps one per step).</summary>
    private void Put(string container, string name, long slot, double value)
    {
        var line = LineOf(container, name);
        if (line.Count > 0 && line[^1].Slot >= slot)
        {
            if (line[^1].Slot == slot)
            {
                line[^1] = (slot, value);
            }

            return; // older than the newest value: out of order, and the line shows the newest
        }

        line.Add((slot, value));
        if (line[0].Slot <= slot - RangeSlots)
        {
            line.RemoveAt(0);
        }
    }

    /// <summary>A stored value, added in front of what arrived live when it is older than all of it.</summary>
    private void PutBefore(string container, string name, long slot, double value)
    {
        var line = LineOf(container, name);
        if (line.Count == 0 || line[0].Slot > slot)
        {
            line.Insert(0, (slot, value));
        }
    }

    /// <summary>Drops the values before <paramref name="oldest"/>, and the lines left with none.</summary>
    private void Sweep(long oldest)
    {
        foreach (var (key, line) in lines)
        {
            line.RemoveAll(p => p.Slot < oldest);
            if (line.Count == 0)
            {
                lines.Remove(key);
            }
        }
    }

    private List<(long Slot, double Value)> LineOf(string container, string name)
    {
        if (!lines.TryGetValue((container, name), out var line))
        {
            line = [];
            lines[(container, name)] = line;
        }

        return line;
    }

    // Unix seconds of any time sky measures are positive: plain division is the floor.
    private long SlotOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / step;
}
