using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Model.Metrics;

namespace Sky.Configuration.Keys;

/// <summary>
/// The rows of the key table (<see cref="ConfigurationKeys.All"/>) that stand in one rule of <c>alerts:</c>. A rule
/// has <c>metric</c> and exactly one of <c>above</c>, <c>below</c> or <c>change</c>; see <see cref="AlertReader"/>.
/// </summary>
internal static class AlertRuleKeys
{
    private static readonly MetricRule Defaults = new() { Metric = "", Text = "" };

    public static readonly ConfigurationKey<Located<string>?> Metric = new()
    {
        Name = "metric",
        Places = KeyPlaces.AlertRule,
        Value = "a metric name, as `sky metrics` shows it",
        Example = "requests.5xx.rate",
        Summary = "what the rule watches (required): one sky measures (`memory.percent`, `requests.5xx.rate`...), a StatsD name (`stats.*`, `stats_counts.*`), or one the instance's `metrics` endpoints give; any other name is a warning, not an error",
        Read = (r, node, path) => r.Located(node, path, "a metric name"),
    };

    public static readonly ConfigurationKey<double?> Above = new()
    {
        Name = "above",
        Places = KeyPlaces.AlertRule,
        Value = "a number, decimals allowed",
        Example = "5",
        Summary = "fires when the value is above this, held for `for`",
        Read = (r, node, path) => r.Values.Number(node, path, "a threshold"),
    };

    public static readonly ConfigurationKey<double?> Below = new()
    {
        Name = "below",
        Places = KeyPlaces.AlertRule,
        Value = "a number, decimals allowed",
        Example = "10",
        Summary = "fires when the value is below this, held for `for`",
        Read = (r, node, path) => r.Values.Number(node, path, "a threshold"),
    };

    public static readonly ConfigurationKey<MetricChange?> Change = new()
    {
        Name = "change",
        Places = KeyPlaces.AlertRule,
        Value = "a signed amount: a percentage (`-50%`, `+50%`) or a number in the metric's units (`-100`)",
        Example = "-50%",
        Summary = "fires when the value changed by this much or more, in its direction, against what it was `over` ago: `-50%` when it fell by half",
        Read = (r, node, path) => r.Alerts.Change(node, path),
    };

    public static readonly ConfigurationKey<TimeSpan?> For = new()
    {
        Name = "for",
        Places = KeyPlaces.AlertRule,
        Value = "a duration, `0s` allowed",
        Example = "1m",
        Summary = $"with `above` or `below`: how long the value must stay beyond the threshold before the rule fires (default {Durations.Format(Defaults.For)}: at the first value beyond it)",
        Read = (r, node, path) => r.Values.Duration(node, path, allowZero: true),
    };

    public static readonly ConfigurationKey<TimeSpan?> Over = new()
    {
        Name = "over",
        Places = KeyPlaces.AlertRule,
        Value = "a duration",
        Example = "10m",
        Summary = $"with `change`: how far back the value it is compared with is (default {Durations.Format(Defaults.Over)})",
        Read = (r, node, path) => r.Values.Duration(node, path),
    };

    /// <summary>The rows, in the reference's order.</summary>
    public static IReadOnlyList<ConfigurationKey> All { get; } = [Metric, Above, Below, Change, For, Over];
}
