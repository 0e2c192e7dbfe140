namespace Sky.Contracts;

/// <summary>What one series saw in one second (requests count in the second they finished), for charts.</summary>
public sealed record StatsSampleView(
    DateTimeOffset At,
    long Requests,
    StatusCountsView Responses,
    LatencyView LatencyMs,
    long BytesIn,
    long BytesOut,
    int InFlightPeak,
    int Ejections,
    int MirrorCopies,
    int MirrorFailures,
    int MirrorDrops);
