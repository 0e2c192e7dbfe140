namespace Sky.Contracts;

/// <summary>The requests of one series (a service, an instance, a container) over a window.</summary>
/// <param name="ErrorRatio">(5xx + no response) / finished requests, 0 to 1; 0 without requests.</param>
/// <param name="InFlight">Requests in flight now.</param>
/// <param name="InFlightPeak">The most requests in flight at once in the window.</param>
/// <param name="Ejections">Times the router's breaker ejected a container in the window.</param>
/// <param name="MirrorFailures">Copies among <paramref name="MirrorCopies"/> that got a 5xx or no answer from the mirror.</param>
/// <param name="MirrorDrops">Requests not copied to the mirror (its queue was full).</param>
public sealed record RequestStatsView(
    double RequestsPerSecond,
    long Requests,
    StatusCountsView Responses,
    double ErrorRatio,
    LatencyView LatencyMs,
    long BytesIn,
    long BytesOut,
    int InFlight,
    int InFlightPeak,
    long Ejections,
    long MirrorCopies,
    long MirrorFailures,
    long MirrorDrops);
