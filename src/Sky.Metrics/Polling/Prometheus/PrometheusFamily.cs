namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// One metric as the exposition groups it: its name, its <c># TYPE</c> and <c># HELP</c> (null when the text had
/// none) and every sample that belongs to it, a histogram's <c>_bucket</c>, <c>_sum</c> and <c>_count</c> lines
/// included. A family may have no samples: a labelled metric that has seen no label values yet.
/// </summary>
public sealed record PrometheusFamily(string Name, PrometheusMetricType Type, string? Help, IReadOnlyList<PrometheusSample> Samples);
