namespace Sky.Metrics.History;

public readonly record struct HistoryPoint(DateTimeOffset Time, double Value);
