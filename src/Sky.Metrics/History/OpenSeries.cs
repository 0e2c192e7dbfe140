namespace Sky.Metrics.History;

/// <summary>
/// What the history holds in memory of one series: its current block at each resolution, and whether each was
/// merged with what the file held before (a daemon restarted within the hour finds part of the block stored).
/// </summary>
internal sealed class OpenSeries(MetricSeries series)
{
    public MetricSeries Series { get; } = series;

    /// <summary>The stored id, once known; forgotten when pruning may have removed the row.</summary>
    public long? Id { get; set; }

    public HistoryBlock? Fine { get; set; }

    public HistoryBlock? Coarse { get; set; }

    public bool FineMerged { get; set; }

    public bool CoarseMerged { get; set; }

    public DateTimeOffset LastWritten { get; set; }
}
