namespace Sky.Router.Metrics;

/// <summary>
/// Ten seconds of one series: their counters and, once the block is over, the latencies of all its requests. Made
/// when the first request of those ten seconds arrives, so quiet stretches cost nothing; ~1 KB plus the latencies.
/// </summary>
internal sealed class SecondsBlock(long start)
{
    public const int Length = 10;

    private SparseLatencies? latencies;

    /// <summary>Unix second the block begins with; a multiple of <see cref="Length"/>.</summary>
    public long Start { get; } = start;

    public SecondCounters[] Seconds { get; } = new SecondCounters[Length];

    /// <summary>Every latency of the block; null while it is still open (or had none).</summary>
    public SparseLatencies? Latencies
    {
        get => Volatile.Read(ref latencies);
        set => Volatile.Write(ref latencies, value);
    }

    public static long StartOf(long second) => second - (((second % Length) + Length) % Length);
}
