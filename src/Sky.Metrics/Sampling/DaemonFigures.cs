using System.Diagnostics;

namespace Sky.Metrics.Sampling;

/// <summary>
/// The daemon's own memory, read with each resource sample: what it holds (resident), what its heap holds after the
/// last collection and what the collector keeps committed for it, and how much it allocates. A user sees what sky
/// itself costs next to what it runs; <c>bench/footprint.sh</c> reads them to tell the heap from the rest.
/// </summary>
public static class DaemonFigures
{
    public const string ResidentBytes = "sky.daemon.memory.resident";

    public const string HeapBytes = "sky.daemon.gc.heap";

    public const string CommittedBytes = "sky.daemon.gc.committed";

    public const string AllocatedBytes = "sky.daemon.gc.allocated";

    public const string Collections = "sky.daemon.gc.collections";

    public static IEnumerable<MetricPoint> Points(DateTimeOffset now)
    {
        var info = GC.GetGCMemoryInfo();
        using var self = Process.GetCurrentProcess();
        yield return new MetricPoint(ResidentBytes, MetricLabels.None, self.WorkingSet64, now);
        yield return new MetricPoint(HeapBytes, MetricLabels.None, info.HeapSizeBytes, now);
        yield return new MetricPoint(CommittedBytes, MetricLabels.None, info.TotalCommittedBytes, now);
        yield return new MetricPoint(AllocatedBytes, MetricLabels.None, GC.GetTotalAllocatedBytes(), now);
        // Every collection collects generation 0: its count is the count of all of them.
        yield return new MetricPoint(Collections, MetricLabels.None, GC.CollectionCount(0), now);
    }
}
