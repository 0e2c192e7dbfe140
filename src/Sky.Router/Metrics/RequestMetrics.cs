using System.Collections.Concurrent;

namespace Sky.Router.Metrics;

/// <summary>
/// Request metrics of the last hour at one-second resolution, in memory. Each request is recorded once and counts in
/// its container's, its instance's and its service's series. Thread-safe; recording takes no lock except once per
/// second and series (to hand latencies over), and allocates only when a series or a 10 s block is first used.
/// </summary>
/// <remarks>
/// A request counts in the second it finished (its status class, bytes, latency); <see cref="Started"/> only moves the
/// in-flight gauge. Readers see whole seconds only: the current second is still counting and is left out. A series
/// exists from its first recorded event until <see cref="Forget"/> or <see cref="ForgetIdle"/> drops it; memory per
/// series is described on <see cref="MetricsSeries"/> (3 KB idle, ~1 KB per busy 10 s, 40 KB of live histograms).
/// </remarks>
public sealed class RequestMetrics(TimeProvider clock)
{
    private readonly ConcurrentDictionary<MetricsKey, MetricsSeries> series = new();

    public IEnumerable<MetricsKey> Keys => series.Keys;

    public void Started(RequestRoute route)
    {
        var second = Now();
        SeriesOf(route.ContainerKey).Started(second);
        SeriesOf(route.InstanceKey).Started(second);
        SeriesOf(route.ServiceKey).Started(second);
    }

    /// <param name="statusCode">The status the client got; 0 when the container gave no response.</param>
    /// <param name="bytesIn">Request body bytes received from the client.</param>
    /// <param name="bytesOut">Response body bytes sent to the client.</param>
    public void Finished(RequestRoute route, int statusCode, TimeSpan latency, long bytesIn, long bytesOut)
    {
        var second = Now();
        var status = StatusClasses.Of(statusCode);
        var microseconds = LatencyHistograms.ToMicroseconds(latency);
        SeriesOf(route.ContainerKey).Finished(second, status, microseconds, bytesIn, bytesOut);
        SeriesOf(route.InstanceKey).Finished(second, status, microseconds, bytesIn, bytesOut);
        SeriesOf(route.ServiceKey).Finished(second, status, microseconds, bytesIn, bytesOut);
    }

    /// <summary>The breaker ejected the route's container.</summary>
    public void Ejected(RequestRoute route)
    {
        var second = Now();
        SeriesOf(route.ContainerKey).Ejected(second);
        SeriesOf(route.InstanceKey).Ejected(second);
        SeriesOf(route.ServiceKey).Ejected(second);
    }

    /// <summary>A copy of a request went to the route's mirror; <paramref name="statusCode"/> 0: it got no response.</summary>
    public void MirrorCopied(RequestRoute route, int statusCode)
    {
        var second = Now();
        var failed = StatusClasses.IsError(StatusClasses.Of(statusCode));
        SeriesOf(route.ContainerKey).MirrorCopied(second, failed);
        SeriesOf(route.InstanceKey).MirrorCopied(second, failed);
        SeriesOf(route.ServiceKey).MirrorCopied(second, failed);
    }

    /// <summary>A request was not copied to the mirror (the mirror's queue was full, say).</summary>
    public void MirrorDropped(RequestRoute route)
    {
        var second = Now();
        SeriesOf(route.ContainerKey).MirrorDropped(second);
        SeriesOf(route.InstanceKey).MirrorDropped(second);
        SeriesOf(route.ServiceKey).MirrorDropped(second);
    }

    /// <summary>
    /// One sample for every second from <paramref name="from"/> (rounded down to its second) up to <paramref name="to"/>
    /// (exclusive; a second it reaches into counts), within the last hour and before the current second. Seconds without traffic come back as
    /// zero samples, so a chart needs no gap filling; an unknown key gives an empty list.
    /// </summary>
    public IReadOnlyList<SecondSample> Series(MetricsKey key, DateTimeOffset from, DateTimeOffset to)
    {
        if (!series.TryGetValue(key, out var found))
        {
            return [];
        }
        return found.Samples(from.ToUnixTimeSeconds(), EndSecondOf(to), Now());
    }

    /// <summary>The last <paramref name="window"/> (whole seconds, 1 s to 1 h) of one series; all zero for an unknown key.</summary>
    public MetricsSummary Summary(MetricsKey key, TimeSpan window)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(window.TotalSeconds), 1, MetricsSeries.KeptSeconds);
        if (!series.TryGetValue(key, out var found))
        {
            return new MetricsSummary(key, TimeSpan.FromSeconds(seconds), 0, default, 0, default, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return found.Summarize(key, seconds, Now());
    }

    /// <summary>Drops a series, say of a container that was removed. Requests still in flight on it start a new one.</summary>
    public bool Forget(MetricsKey key) => series.TryRemove(key, out _);

    /// <summary>
    /// Drops every series that has seen no request for over an hour and has none in flight (its ring holds nothing
    /// any more); the router calls it now and then. Returns the keys dropped.
    /// </summary>
    public IReadOnlyList<MetricsKey> ForgetIdle()
    {
        var now = Now();
        var dropped = new List<MetricsKey>();
        foreach (var (key, found) in series)
        {
            if (found.InFlight == 0 && !(found.LastActiveSecond() > now - MetricsSeries.KeptSeconds) && series.TryRemove(key, out _))
            {
                dropped.Add(key);
            }
        }
        return dropped;
    }

    private MetricsSeries SeriesOf(MetricsKey key) => series.GetOrAdd(key, static _ => new MetricsSeries());

    private long Now() => clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>The first second a range ending at <paramref name="to"/> leaves out: a second it reaches into counts.</summary>
    private static long EndSecondOf(DateTimeOffset to)
    {
        var second = to.ToUnixTimeSeconds();
        return to.UtcTicks % TimeSpan.TicksPerSecond == 0 ? second : second + 1;
    }
}
