namespace Sky.Metrics.Polling.Prometheus;

/// <summary>One label of a sample, its value unescaped (<c>\"</c>, <c>\\</c> and <c>\n</c> read as the characters).</summary>
public readonly record struct PrometheusLabel(string Name, string Value);
