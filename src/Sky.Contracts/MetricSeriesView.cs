namespace Sky.Contracts;

/// <summary>
/// One series over a range: its name and whose it is (no service: a StatsD name), the step between its values, and
/// the values with their times (Unix seconds), oldest first, in two lists of the same length for charts.
/// </summary>
public sealed record MetricSeriesView
{
    public required string Name { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    public string? Container { get; init; }

    public required double StepSeconds { get; init; }

    public required IReadOnlyList<long> Times { get; init; }

    public required IReadOnlyList<double> Values { get; init; }
}
