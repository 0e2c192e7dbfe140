namespace Sky.Metrics.StatsD;

/// <summary>One timer at a flush: its values (empty when it received none since the last flush) and its call count.</summary>
internal sealed record TimerSnapshot(string Key, double[] Values, double Count);
