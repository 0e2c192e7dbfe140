using System.Globalization;
using Sky.Configuration.Keys;
using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Model.Metrics;

namespace Sky.Configuration.Reading;

/// <summary>
/// Reads <c>alerts:</c>, a list of rules (keys of the table's alert rule rows), each with <c>metric</c> and exactly one of
/// <c>above</c>, <c>below</c> (held for <c>for</c>) or <c>change</c> (measured over <c>over</c>). Each rule is located at
/// its metric name, which is what a later "no such metric" warning is about.
/// </summary>
internal sealed class AlertReader(KeyReaders readers)
{
    public IReadOnlyList<Located<MetricRule>>? Read(Node node, string path)
    {
        if (node is not ListNode list)
        {
            readers.Values.Report(node, path, $"expected a list of alert rules, found {node.Describe()}");
            return null;
        }

        var rules = new List<Located<MetricRule>>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (ReadOne(list.Items[i], $"{path}[{i}]") is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    public MetricChange? Change(Node node, string path)
    {
        if (readers.Values.Text(node, path, "a change") is not { } text)
        {
            return null;
        }

        if (MetricChange.TryParse(text, out var change))
        {
            return change;
        }

        readers.Values.Report(node, path, $"'{text}' is not a change {MetricChange.Hint}");
        return null;
    }

    private Located<MetricRule>? ReadOne(Node node, string path)
    {
        if (readers.Values.Map(node, path, "an alert rule (a mapping with metric and above, below or change)") is not { } map)
        {
            return null;
        }

        var keys = readers.Mapping(map, path, KeyPlaces.AlertRule);
        if (Problem(keys) is { } problem)
        {
            readers.Values.Report(map, path, problem);
            return null;
        }

        if (!keys.Complete)
        {
            return null;
        }

        var metric = keys.Get(AlertRuleKeys.Metric)!;
        var defaults = new MetricRule { Metric = metric.Value, Text = "" };
        var change = keys.Get(AlertRuleKeys.Change);
        var rule = new MetricRule
        {
            Metric = metric.Value,
            Above = keys.Get(AlertRuleKeys.Above),
            Below = keys.Get(AlertRuleKeys.Below),
            For = keys.Get(AlertRuleKeys.For) ?? defaults.For,
            Change = change?.Value,
            ChangeIsRelative = change?.IsRelative ?? false,
            Over = keys.Get(AlertRuleKeys.Over) ?? defaults.Over,
            Text = "",
        };
        return new Located<MetricRule>(rule with { Text = Text(rule, change) }, metric.Node, metric.Path);
    }

    /// <summary>What makes the rule as a whole wrong, reported at the rule: a missing metric, no condition or two.</summary>
    private static string? Problem(KeyValues keys)
    {
        if (!keys.Writes(AlertRuleKeys.Metric))
        {
            return "an alert rule needs metric: NAME";
        }

        ConfigurationKey[] conditions = [AlertRuleKeys.Above, AlertRuleKeys.Below, AlertRuleKeys.Change];
        var written = conditions.Where(keys.Writes).ToList();
        if (written.Count != 1)
        {
            return written.Count == 0
                ? "an alert rule needs one of above: N, below: N or change: N%"
                : $"an alert rule can have only one of above, below or change (it has {string.Join(" and ", written.Select(k => k.Name))})";
        }

        // A threshold is held for a time; a change is measured over one. The other pairing means nothing.
        var isChange = written[0] == AlertRuleKeys.Change;
        if (isChange && keys.Writes(AlertRuleKeys.For))
        {
            return "'for' goes with above or below; a change is measured over: DURATION";
        }

        if (!isChange && keys.Writes(AlertRuleKeys.Over))
        {
            return "'over' goes with change; a threshold is held for: DURATION";
        }

        return null;
    }

    /// <summary>The rule in a few words, as alerts name it: <c>requests.5xx.rate above 5 for 1m</c>.</summary>
    private static string Text(MetricRule rule, MetricChange? change)
    {
        if (change is not null)
        {
            return $"{rule.Metric} change {change} over {Durations.Format(rule.Over)}";
        }

        var threshold = rule.Above is { } above ? $"above {Number(above)}" : $"below {Number(rule.Below!.Value)}";
        var held = rule.For > TimeSpan.Zero ? $" for {Durations.Format(rule.For)}" : "";
        return $"{rule.Metric} {threshold}{held}";
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
