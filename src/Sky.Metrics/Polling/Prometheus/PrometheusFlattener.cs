namespace Sky.Metrics.Polling.Prometheus;

/// <summary>
/// Turns a parsed exposition into one value per sample under its <see cref="PrometheusSampleName"/>, after the
/// service's ignore and rename rules. NaN and infinite values are left out: a summary that has seen no observations
/// reports NaN quantiles, which mean "no data", and Graphite's files, sky's history and alert rules hold numbers.
/// </summary>
public static class PrometheusFlattener
{
    /// <param name="types">The family TYPE of each value, by the value's final name, for whoever re-exposes them.</param>
    public static IReadOnlyList<PolledValue> Flatten(
        PrometheusExposition exposition,
        MetricNameRules rules,
        out IReadOnlyDictionary<string, PrometheusMetricType> types)
    {
        var values = new List<PolledValue>();
        var typesByName = new Dictionary<string, PrometheusMetricType>(StringComparer.Ordinal);
        foreach (var family in exposition.Families)
        {
            foreach (var sample in family.Samples)
            {
                if (double.IsFinite(sample.Value) && rules.Apply(PrometheusSampleName.Of(sample)) is { } name)
                {
                    values.Add(new PolledValue(name, sample.Value));
                    typesByName[name] = family.Type;
                }
            }
        }

        types = typesByName;
        return values;
    }
}
