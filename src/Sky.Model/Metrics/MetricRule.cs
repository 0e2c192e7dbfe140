namespace Sky.Model.Metrics;

/// <summary>
/// One of an instance's <c>alerts:</c>: a threshold (<see cref="Above"/> or <see cref="Below"/>, held for
/// <see cref="For"/>) or a rate of change (<see cref="Change"/> over <see cref="Over"/>: <c>-50%</c> fires when
/// the value fell by half or more against what it was that long ago). <see cref="Text"/> is the rule as written,
/// which names it in alerts.
/// </summary>
public sealed record MetricRule
{
    public required string Metric { get; init; }

    public double? Above { get; init; }

    public double? Below { get; init; }

    /// <summary>How long the threshold must be crossed before it fires; zero: at the first value that crosses it.</summary>
    public TimeSpan For { get; init; }

    /// <summary>The change that fires: a fraction when <see cref="ChangeIsRelative"/> (-0.5 for <c>-50%</c>), else in the metric's units.</summary>
    public double? Change { get; init; }

    public bool ChangeIsRelative { get; init; }

    public TimeSpan Over { get; init; } = TimeSpan.FromMinutes(5);

    public required string Text { get; init; }
}
