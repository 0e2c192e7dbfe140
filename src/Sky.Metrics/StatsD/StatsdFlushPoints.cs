namespace Sky.Metrics.StatsD;

/// <summary>
/// Turns a flush's snapshot into points named as etsy statsd's Graphite backend names them with its defaults
/// (legacyNamespace on, no prefix or suffix), all at the flush time and with no labels:
/// <list type="bullet">
/// <item>per counter <c>stats.KEY</c> (per second over the flush interval) and <c>stats_counts.KEY</c>;</item>
/// <item>per timer <c>stats.timers.KEY.STATISTIC</c> (see <see cref="TimerStatistics"/>);</item>
/// <item>per gauge <c>stats.gauges.KEY</c>, per set <c>stats.sets.KEY.count</c>;</item>
/// <item><c>statsd.numStats</c> (how many keys were flushed) and <c>stats.statsd.processing_time</c> (milliseconds
/// spent computing the statistics).</item>
/// </list>
/// etsy's <c>stats.statsd.graphiteStats.*</c> are left out: they describe its Graphite connection (the previous
/// flush's send time, length and time, the last connection error, the time spent formatting lines), which in sky is
/// the exporters' business behind the sink, not the StatsD server's.
/// A key's Graphite tags (<c>;tag=value</c>) go after the whole name, as etsy writes them.
/// </summary>
internal static class StatsdFlushPoints
{
    public static List<MetricPoint> From(StatsdSnapshot snapshot, StatsdSettings settings, DateTimeOffset time, TimeProvider clock)
    {
        var started = clock.GetTimestamp();
        var flushSeconds = settings.FlushInterval.TotalMilliseconds / 1000;
        var points = new List<MetricPoint>();
        void Add(string name, double value) => points.Add(new MetricPoint(name, MetricLabels.None, value, time));

        foreach (var (key, value) in snapshot.Counters)
        {
            Add(Name("stats.", key, null), value / flushSeconds);
            Add(Name("stats_counts.", key, null), value);
        }

        foreach (var timer in snapshot.Timers)
        {
            foreach (var (statistic, value) in TimerStatistics.Compute(timer.Values, timer.Count, settings.Percentiles, flushSeconds))
            {
                Add(Name("stats.timers.", timer.Key, statistic), value);
            }
        }

        foreach (var (key, value) in snapshot.Gauges)
        {
            Add(Name("stats.gauges.", key, null), value);
        }

        foreach (var (key, size) in snapshot.Sets)
        {
            Add(Name("stats.sets.", key, "count"), size);
        }

        Add("statsd.numStats", snapshot.Counters.Count + snapshot.Timers.Count + snapshot.Gauges.Count + snapshot.Sets.Count);

        // Whole milliseconds, as etsy's difference of two Date.now().
        Add("stats.statsd.processing_time", Math.Floor(clock.GetElapsedTime(started).TotalMilliseconds));
        return points;
    }

    private static string Name(string prefix, string key, string? statistic)
    {
        var tagsAt = key.IndexOf(';', StringComparison.Ordinal);
        var name = tagsAt < 0 ? key : key[..tagsAt];
        var tags = tagsAt < 0 ? string.Empty : key[tagsAt..];
        return statistic is null ? prefix + name + tags : string.Concat(prefix, name, ".", statistic, tags);
    }
}
