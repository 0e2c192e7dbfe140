namespace Sky.Metrics;

/// <summary>
/// One value of one series at one time. <see cref="Name"/> is the dotted name a user reads in <c>sky metrics</c> and
/// alert rules (<c>cpu.percent</c>, <c>stats_counts.logins</c>); <see cref="Labels"/> say whose it is.
/// </summary>
public readonly record struct MetricPoint(string Name, MetricLabels Labels, double Value, DateTimeOffset Time);
