using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Model.Metrics;

namespace Sky.Configuration.Resolution;

/// <summary>
/// The alert rules of one instance, with a warning for each that names a metric nothing will measure. Only a warning:
/// a name may be right and merely new to sky, and an alert that never fires should not keep a service from running.
/// </summary>
internal sealed class AlertResolver(WarningList warnings)
{
    public IReadOnlyList<MetricRule> Resolve(Entry entry, IReadOnlyList<Located<MetricRule>>? rules, PollingSpec? polling)
    {
        if (rules is null)
        {
            return [];
        }

        // What a polled endpoint gives is only known once it answers, so any name may be one of its.
        if (polling?.PollsAnything != true)
        {
            foreach (var rule in rules.Where(r => !IsKnown(r.Value.Metric)))
            {
                warnings.Add(entry.File, rule.Node, rule.Path, Unknown(rule.Value.Metric));
            }
        }

        return rules.Select(r => r.Value).ToList();
    }

    private static bool IsKnown(string metric) => MetricNames.IsBuiltIn(metric) || MetricNames.IsStatsd(metric);

    private static string Unknown(string metric) =>
        $"sky measures no metric '{metric}'{Suggestions.Hint(metric, MetricNames.BuiltIn)}, so this rule never fires "
        + $"(an application's own metrics come from metrics.expvar, metrics.prometheus or StatsD: {string.Join(", ", MetricNames.StatsdPrefixes.Select(p => p + "*"))})";
}
