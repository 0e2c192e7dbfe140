using System.Runtime.InteropServices;

namespace Sky.Metrics.StatsD;

/// <summary>
/// The four kinds of StatsD metric between two flushes, kept as etsy statsd keeps them with its default settings
/// (deleteIdleStats off): a key, once seen, stays. At a flush counters go back to 0, timers and sets empty, gauges keep
/// their value. Not thread-safe: <see cref="StatsdCollector"/> guards it. Lookups take the key as characters, so a
/// key that exists already costs no string.
/// </summary>
internal sealed class StatsdAggregator
{
    public const string BadLinesSeen = "statsd.bad_lines_seen";
    public const string PacketsReceived = "statsd.packets_received";
    public const string MetricsReceived = "statsd.metrics_received";

    private readonly Dictionary<string, double> counters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimerSamples> timers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> gauges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> counterByChars;
    private readonly Dictionary<string, TimerSamples>.AlternateLookup<ReadOnlySpan<char>> timerByChars;
    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> gaugeByChars;
    private readonly Dictionary<string, HashSet<string>>.AlternateLookup<ReadOnlySpan<char>> setByChars;

    public StatsdAggregator()
    {
        counterByChars = counters.GetAlternateLookup<ReadOnlySpan<char>>();
        timerByChars = timers.GetAlternateLookup<ReadOnlySpan<char>>();
        gaugeByChars = gauges.GetAlternateLookup<ReadOnlySpan<char>>();
        setByChars = sets.GetAlternateLookup<ReadOnlySpan<char>>();

        // etsy starts with its own three counters, so they are flushed (as 0) before anything arrives.
        counters[BadLinesSeen] = 0;
        counters[PacketsReceived] = 0;
        counters[MetricsReceived] = 0;
    }

    /// <summary>One of statsd's own counters, counted up by one (etsy's <c>counters[name]++</c>).</summary>
    public void Increment(string counter) => CollectionsMarshal.GetValueRefOrAddDefault(counters, counter, out _)++;

    public void Count(ReadOnlySpan<char> key, double amount)
    {
        ref var value = ref CollectionsMarshal.GetValueRefOrAddDefault(counterByChars, key, out _);

        // etsy: `if (!counters[key]) counters[key] = 0;`, so a counter that became NaN starts again from 0.
        if (double.IsNaN(value))
        {
            value = 0;
        }

        value += amount;
    }

    public void Time(ReadOnlySpan<char> key, double milliseconds, double sampleRate)
    {
        ref var samples = ref CollectionsMarshal.GetValueRefOrAddDefault(timerByChars, key, out _);
        samples ??= new TimerSamples();
        samples.Values.Add(milliseconds);
        samples.Count += 1 / sampleRate;
    }

    /// <summary>
    /// Sets the gauge, or moves it by <paramref name="value"/> when the text had a sign: etsy adds only to a gauge that
    /// is truthy in JavaScript (exists, not 0, not NaN); otherwise even <c>+5</c> sets it, which is the same for 0.
    /// </summary>
    public void Gauge(ReadOnlySpan<char> key, double value, bool signed)
    {
        ref var gauge = ref CollectionsMarshal.GetValueRefOrAddDefault(gaugeByChars, key, out var exists);
        var truthy = exists && gauge != 0 && !double.IsNaN(gauge);
        gauge = signed && truthy ? gauge + value : value;
    }

    public void AddToSet(ReadOnlySpan<char> key, ReadOnlySpan<char> member)
    {
        ref var members = ref CollectionsMarshal.GetValueRefOrAddDefault(setByChars, key, out _);
        members ??= new HashSet<string>(StringComparer.Ordinal);
        members.GetAlternateLookup<ReadOnlySpan<char>>().Add(member);
    }

    /// <summary>Sets a gauge of statsd's own (etsy's <c>statsd.timestamp_lag</c>).</summary>
    public void SetGauge(string key, double value) => gauges[key] = value;

    /// <summary>Takes every value for a flush and starts the next interval as etsy does.</summary>
    public StatsdSnapshot TakeSnapshot()
    {
        var counterValues = new List<KeyValuePair<string, double>>(counters.Count);
        foreach (var key in counters.Keys)
        {
            ref var value = ref CollectionsMarshal.GetValueRefOrNullRef(counters, key);
            counterValues.Add(new(key, value));
            value = 0;
        }

        var timerValues = new List<TimerSnapshot>(timers.Count);
        foreach (var (key, samples) in timers)
        {
            timerValues.Add(new TimerSnapshot(key, [.. samples.Values], samples.Count));
            samples.Values.Clear();
            samples.Count = 0;
        }

        var setSizes = new List<KeyValuePair<string, int>>(sets.Count);
        foreach (var (key, members) in sets)
        {
            setSizes.Add(new(key, members.Count));
            members.Clear();
        }

        return new StatsdSnapshot(counterValues, timerValues, [.. gauges], setSizes);
    }
}
