namespace Sky.Router.Metrics;

/// <summary>
/// One series over the last <see cref="Window"/> of whole seconds (the current second, still counting, is left out).
/// </summary>
/// <param name="ErrorRatio">(5xx + no response) / finished requests; 0 without requests.</param>
/// <param name="Latency">Percentiles over every request of the window (not an average of per-second percentiles),
/// taken from 10 s latency blocks: the oldest block the window touches counts whole, so up to 9 s of latencies from
/// just before the window may be in them.</param>
/// <param name="InFlight">Requests in flight now.</param>
/// <param name="InFlightPeak">The highest per-second in-flight peak in the window.</param>
public sealed record MetricsSummary(
    MetricsKey Key,
    TimeSpan Window,
    double RequestsPerSecond,
    StatusCounts Responses,
    double ErrorRatio,
    LatencyPercentiles Latency,
    long BytesIn,
    long BytesOut,
    int InFlight,
    int InFlightPeak,
    long Ejections,
    long MirrorCopies,
    long MirrorFailures,
    long MirrorDrops);
