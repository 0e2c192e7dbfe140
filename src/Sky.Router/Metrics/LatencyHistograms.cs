using HdrHistogram;

namespace Sky.Router.Metrics;

/// <summary>
/// The one shape of every latency histogram, so that they can be added to each other: microseconds from 1 µs to one
/// hour (longer requests count as one hour) at 2 significant digits (1 %): 3,328 buckets, 13 KB with 32-bit counts.
/// </summary>
internal static class LatencyHistograms
{
    public const long HighestMicroseconds = 3_600_000_000;
    private const int SignificantDigits = 2;

    /// <summary>Takes latencies from many threads at once and hands out what came in since the last call.</summary>
    public static Recorder NewRecorder() => HistogramFactory.With32BitBucketSize()
        .WithValuesFrom(1)
        .WithValuesUpTo(HighestMicroseconds)
        .WithPrecisionOf(SignificantDigits)
        .WithThreadSafeWrites()
        .WithThreadSafeReads()
        .Create();

    /// <summary>For one 10 s block, filled under the series' lock.</summary>
    public static HistogramBase NewBlockAccumulator() => new IntHistogram(1, HighestMicroseconds, SignificantDigits);

    /// <summary>For a summary, which may add up an hour of requests: 64-bit counts.</summary>
    public static HistogramBase NewMerge() => new LongHistogram(1, HighestMicroseconds, SignificantDigits);

    public static long ToMicroseconds(TimeSpan latency) => Math.Clamp(latency.Ticks / TimeSpan.TicksPerMicrosecond, 0, HighestMicroseconds);

    public static TimeSpan ToTimeSpan(long microseconds) => TimeSpan.FromTicks(microseconds * TimeSpan.TicksPerMicrosecond);

    public static LatencyPercentiles PercentilesOf(HistogramBase histogram) => histogram.TotalCount == 0
        ? default
        : new LatencyPercentiles(
            ToTimeSpan(histogram.GetValueAtPercentile(50)),
            ToTimeSpan(histogram.GetValueAtPercentile(90)),
            ToTimeSpan(histogram.GetValueAtPercentile(99)),
            ToTimeSpan(histogram.GetMaxValue()));
}
