namespace Sky.Router.Metrics;

/// <summary>
/// What one series saw in one second. A request counts in the second it finished; its latency is in that second's
/// percentiles.
/// </summary>
/// <param name="InFlightPeak">The most requests in flight seen when a request started or finished in this second (a
/// second in which none did shows 0, even if long requests were running through it).</param>
/// <param name="MirrorFailures">Mirror copies among <paramref name="MirrorCopies"/> that got a 5xx or no response.</param>
public readonly record struct SecondSample(
    DateTimeOffset At,
    StatusCounts Responses,
    long BytesIn,
    long BytesOut,
    LatencyPercentiles Latency,
    int InFlightPeak,
    int Ejections,
    int MirrorCopies,
    int MirrorFailures,
    int MirrorDrops);
