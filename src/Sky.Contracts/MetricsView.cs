namespace Sky.Contracts;

/// <summary><c>GET /api/v1/metrics</c>: the series asked for, over <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record MetricsView
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required IReadOnlyList<MetricSeriesView> Series { get; init; }
}
