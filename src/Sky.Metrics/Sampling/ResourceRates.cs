using Sky.Model.Metrics;
using Sky.Runtime.Resources;

namespace Sky.Metrics.Sampling;

/// <summary>
/// Turns two readings of a container's counters into what a person reads: CPU as a percentage of one core (Docker's
/// formula: CPU time used over time passed), memory and its share of the limit, and network and block I/O as bytes per
/// second. The first reading of a container has no rates yet, only its memory.
/// </summary>
public static class ResourceRates
{
    public static IEnumerable<MetricPoint> Points(MetricLabels labels, ResourceUsage? previous, ResourceUsage current)
    {
        var time = current.Time;
        yield return new MetricPoint(MetricNames.MemoryUsage, labels, current.MemoryBytes, time);
        if (current.MemoryLimitBytes > 0)
        {
            yield return new MetricPoint(MetricNames.MemoryLimit, labels, current.MemoryLimitBytes, time);
            yield return new MetricPoint(MetricNames.MemoryPercent, labels, 100.0 * current.MemoryBytes / current.MemoryLimitBytes, time);
        }

        var seconds = previous is null ? 0 : (current.Time - previous.Time).TotalSeconds;
        // A counter that went down was reset (the container restarted): no rate from across the restart.
        if (previous is null || seconds <= 0 || current.CpuNanoseconds < previous.CpuNanoseconds)
        {
            yield break;
        }

        yield return new MetricPoint(MetricNames.CpuPercent, labels, (current.CpuNanoseconds - previous.CpuNanoseconds) / (seconds * 1e9) * 100, time);
        yield return new MetricPoint(MetricNames.NetworkReceived, labels, Rate(previous.NetworkReceivedBytes, current.NetworkReceivedBytes, seconds), time);
        yield return new MetricPoint(MetricNames.NetworkSent, labels, Rate(previous.NetworkSentBytes, current.NetworkSentBytes, seconds), time);
        yield return new MetricPoint(MetricNames.BlockRead, labels, Rate(previous.BlockReadBytes, current.BlockReadBytes, seconds), time);
        yield return new MetricPoint(MetricNames.BlockWritten, labels, Rate(previous.BlockWrittenBytes, current.BlockWrittenBytes, seconds), time);
    }

    private static double Rate(long before, long after, double seconds) => Math.Max(0, after - before) / seconds;
}
