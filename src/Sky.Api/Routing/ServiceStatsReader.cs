using Sky.Api.Views;
using Sky.Contracts;
using Sky.Model.Routing;
using Sky.Router;
using Sky.Router.Metrics;
using Sky.Supervisor;

namespace Sky.Api.Routing;

/// <summary>
/// Answers <c>/services/NAME/stats</c> from the router's in-memory metrics: the service, each instance of the applied
/// configuration, and each container that carries a host, with its router state. A container no longer configured
/// (a replica scaled away) still shows while its requests are in the window.
/// </summary>
public sealed class ServiceStatsReader(DesiredStateSource desired, RequestMetrics metrics, RouterState router, TimeProvider clock)
{
    public ServiceStatsView Read(ServiceSelector selector, TimeSpan window, bool series)
    {
        var instances = selector.Select(desired.Current().State);
        var keys = metrics.Keys.Where(k => k.Service == selector.Service && k.Container is not null).ToList();
        var now = clock.GetUtcNow();
        var rows = instances.Select(instance =>
        {
            var configured = instance.Containers.Where(c => c.Environment.ContainsKey(VirtualHostVariables.Host)).Select(c => c.Name);
            var measured = keys.Where(k => k.Instance == instance.Name).Select(k => k.Container!);
            var containers = configured.Union(measured, StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(name => new ContainerStatsView(
                    name,
                    MetricsViews.From(metrics.Summary(MetricsKey.ForContainer(instance.Service, instance.Name, name), window)),
                    RouterStateViews.Of(router, name)))
                .ToList();
            return new InstanceStatsView(instance.Name, MetricsViews.From(metrics.Summary(MetricsKey.ForInstance(instance.Service, instance.Name), window)), containers);
        }).ToList();

        var total = MetricsViews.From(metrics.Summary(MetricsKey.ForService(selector.Service), window));
        var samples = series ? metrics.Series(MetricsKey.ForService(selector.Service), now - window, now).Select(MetricsViews.From).ToList() : null;
        return new ServiceStatsView(selector.Service, window.TotalSeconds, now, total, rows, samples);
    }
}
