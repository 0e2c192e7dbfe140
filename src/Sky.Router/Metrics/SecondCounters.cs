namespace Sky.Router.Metrics;

/// <summary>
/// One second of one series, counted in place with Interlocked by every request of that second: 96 bytes. Fields
/// rather than properties so that they can be passed by ref to Interlocked.
/// </summary>
internal struct SecondCounters
{
    public int NoResponse;
    public int Informational;
    public int Successful;
    public int Redirection;
    public int ClientError;
    public int ServerError;
    public long BytesIn;
    public long BytesOut;
    public int InFlightPeak;
    public int Ejections;
    public int MirrorCopies;
    public int MirrorFailures;
    public int MirrorDrops;

    /// <summary>Latency percentiles in microseconds, written once when the series rolls on to a later second.</summary>
    public long P50;
    public long P90;
    public long P99;
    public long Max;

    public static ref int CountOf(ref SecondCounters counters, StatusClass status)
    {
        switch (status)
        {
            case StatusClass.Informational: return ref counters.Informational;
            case StatusClass.Successful: return ref counters.Successful;
            case StatusClass.Redirection: return ref counters.Redirection;
            case StatusClass.ClientError: return ref counters.ClientError;
            case StatusClass.ServerError: return ref counters.ServerError;
            default: return ref counters.NoResponse;
        }
    }

    public static void RaiseTo(ref int peak, int value)
    {
        var seen = Volatile.Read(ref peak);
        while (value > seen)
        {
            var before = Interlocked.CompareExchange(ref peak, value, seen);
            if (before == seen)
            {
                return;
            }
            seen = before;
        }
    }

    public readonly SecondSample ToSample(DateTimeOffset at) => new(
        at,
        new StatusCounts(NoResponse, Informational, Successful, Redirection, ClientError, ServerError),
        BytesIn,
        BytesOut,
        new LatencyPercentiles(
            LatencyHistograms.ToTimeSpan(P50),
            LatencyHistograms.ToTimeSpan(P90),
            LatencyHistograms.ToTimeSpan(P99),
            LatencyHistograms.ToTimeSpan(Max)),
        InFlightPeak,
        Ejections,
        MirrorCopies,
        MirrorFailures,
        MirrorDrops);
}
