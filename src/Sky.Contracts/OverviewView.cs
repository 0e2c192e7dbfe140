namespace Sky.Contracts;

/// <summary>
/// <c>GET /overview</c>: everything the dashboard's first page shows, in one answer built from the daemon's memory (the
/// state feed's snapshot, the newest metric values, the open alerts) with no engine call, so it stays cheap with
/// hundreds of containers. <see cref="Sequence"/> is the feed's position it was read at: a change of
/// <c>/events/stream</c> with a sequence at or below it is already in it.
/// </summary>
public sealed record OverviewView
{
    public required long Sequence { get; init; }

    public required long Revision { get; init; }

    public required bool EngineConnected { get; init; }

    /// <summary>How often resource figures are sampled: newer figures than that are not worth asking for.</summary>
    public required double SampleIntervalSeconds { get; init; }

    /// <summary>
    /// When the next sample is due, in seconds from this answer (null before the first, or when it is overdue): a page reads the overview
    /// again just after it rather than on a clock of its own, so open pages ask at the same moment and share one read.
    /// </summary>
    public double? NextSampleInSeconds { get; init; }

    public required IReadOnlyList<OverviewServiceView> Services { get; init; }

    public required IReadOnlyList<JobView> Jobs { get; init; }

    /// <summary>Open (and acknowledged) alerts, newest first.</summary>
    public required IReadOnlyList<AlertView> OpenAlerts { get; init; }
}
