namespace Sky.Metrics.Polling.Prometheus;

/// <summary>Everything one <c>/metrics</c> answer said, family by family in the order they first appeared.</summary>
public sealed record PrometheusExposition(IReadOnlyList<PrometheusFamily> Families)
{
    public IEnumerable<PrometheusSample> Samples => Families.SelectMany(family => family.Samples);
}
