namespace Sky.Model.Metrics;

/// <summary>
/// An instance's <c>metrics:</c>: the endpoints polled on the main port of each of its containers, how often, where
/// the values go in Graphite, and samlare's ignore and rename rules. Not part of any container's spec: changing it
/// replaces nothing.
/// </summary>
public sealed record PollingSpec
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>The path of a Go expvar endpoint (<c>/debug/vars</c>); null: none.</summary>
    public string? Expvar { get; init; }

    /// <summary>The path of a Prometheus text endpoint (<c>/metrics</c>); null: none.</summary>
    public string? Prometheus { get; init; }

    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Graphite path of the instance's metrics; null: <c>services.SERVICE.INSTANCE</c>.</summary>
    public string? Prefix { get; init; }

    /// <summary>Regular expressions: a polled name that matches one is dropped.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Applied in order to each polled name that is kept.</summary>
    public IReadOnlyList<RenameRule> Rename { get; init; } = [];

    public bool PollsAnything => Expvar is not null || Prometheus is not null;
}
