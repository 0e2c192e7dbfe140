namespace Sky.Contracts;

/// <summary>Latency percentiles of a stretch of requests, in milliseconds (within 1 %); all 0 when there were none.</summary>
public sealed record LatencyView(double P50, double P90, double P99, double Max);
