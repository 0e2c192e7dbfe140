namespace Sky.Metrics.History;

/// <summary>
/// Which series, over which range. A series matches when every label given here equals its own (a null label matches
/// any); <see cref="Global"/> asks for the series that belong to no service (StatsD's) instead.
/// </summary>
public sealed record HistoryQuery
{
    public string? Service { get; init; }

    public string? Instance { get; init; }

    public string? Container { get; init; }

    /// <summary>Only these names; empty: every name.</summary>
    public IReadOnlySet<string> Names { get; init; } = new HashSet<string>();

    public bool Global { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public bool Matches(MetricSeries series)
    {
        var labels = series.Labels;
        if (Global)
        {
            return labels.Service is null && NameMatches(series.Name);
        }

        return labels.Service is not null
            && (Service is null || labels.Service == Service)
            && (Instance is null || labels.Instance == Instance)
            && (Container is null || labels.Container == Container)
            && NameMatches(series.Name);
    }

    private bool NameMatches(string name) => Names.Count == 0 || Names.Contains(name);
}
