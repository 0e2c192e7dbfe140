namespace Sky.Metrics.StatsD;

/// <summary>
/// The timings one timer received since the last flush, and how many calls they stand for: each timing sent with
/// sample rate r counts 1/r calls (etsy's <c>timer_counters</c>), so <c>count</c> is not the number of values.
/// </summary>
internal sealed class TimerSamples
{
    public List<double> Values { get; } = [];

    public double Count { get; set; }
}
