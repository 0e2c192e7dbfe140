namespace Sky.Metrics.StatsD;

/// <summary>
/// What the aggregator held at a flush, taken in one step so that computing and naming happen outside the lock while
/// the receive loops go on: every counter and gauge with its value, every timer with its values and call count, every
/// set with its size. Keys are cleaned keys, Graphite tags (<c>;tag=value</c>) included.
/// </summary>
internal sealed record StatsdSnapshot(
    IReadOnlyList<KeyValuePair<string, double>> Counters,
    IReadOnlyList<TimerSnapshot> Timers,
    IReadOnlyList<KeyValuePair<string, double>> Gauges,
    IReadOnlyList<KeyValuePair<string, int>> Sets);
