using Prometheus;

namespace Sky.Metrics.Export;

/// <summary>
/// The newest value of every series in Prometheus' text format, for <c>GET /metrics</c>: prometheus-net's registry,
/// filled from <see cref="LatestValues"/> just before each scrape. Every family has the labels <c>service</c>,
/// <c>service_instance</c> and <c>container</c> (empty where they do not apply); series that stopped are removed.
/// </summary>
public sealed class PrometheusExposition
{
    // Not "instance": Prometheus sets that label to the scraped target and would move sky's aside (exported_instance).
    private static readonly string[] LabelNames = ["service", "service_instance", "container"];

    private readonly LatestValues latest;
    private readonly CollectorRegistry registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly MetricFactory factory;
    private readonly Dictionary<string, (Gauge Gauge, string Source)> families = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public PrometheusExposition(LatestValues latest)
    {
        this.latest = latest;
        factory = Prometheus.Metrics.WithCustomRegistry(registry);
        registry.AddBeforeCollectCallback(Refresh);
    }

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken) =>
        await registry.CollectAndExportAsTextAsync(output, cancellationToken);

    private void Refresh()
    {
        lock (gate)
        {
            var seen = new Dictionary<Gauge, HashSet<(string, string, string)>>();
            foreach (var point in latest.All())
            {
                var (name, help) = PrometheusNames.Of(point.Name, point.Labels);
                if (!families.TryGetValue(name, out var family))
                {
                    family = (factory.CreateGauge(name, help, new GaugeConfiguration { LabelNames = LabelNames, SuppressInitialValue = true }), point.Name);
                    families[name] = family;
                }
                else if (family.Source != point.Name && point.Labels.Service is null)
                {
                    continue; // two StatsD names that read the same once sanitised: the first keeps it
                }

                var values = (point.Labels.Service ?? "", point.Labels.Instance ?? "", point.Labels.Container ?? "");
                family.Gauge.WithLabels(values.Item1, values.Item2, values.Item3).Set(point.Value);
                (seen.TryGetValue(family.Gauge, out var set) ? set : seen[family.Gauge] = []).Add(values);
            }

            foreach (var (gauge, _) in families.Values)
            {
                var current = seen.GetValueOrDefault(gauge);
                foreach (var labels in gauge.GetAllLabelValues().ToList())
                {
                    if (current is null || !current.Contains((labels[0], labels[1], labels[2])))
                    {
                        gauge.RemoveLabelled(labels);
                    }
                }
            }
        }
    }
}
