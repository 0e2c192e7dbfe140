namespace Sky.Metrics.History;

/// <summary>One series' points over a range, at the resolution the range called for.</summary>
public sealed record SeriesHistory(MetricSeries Series, TimeSpan Step, IReadOnlyList<HistoryPoint> Points);
