using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Model.Metrics;

namespace Sky.Configuration.Resolution;

/// <summary>
/// The <see cref="PollingSpec"/> of one instance from its <c>metrics:</c>, already merged over its service's: a key set
/// at neither level keeps the poller's default. An endpoint is polled on the main port, so it needs one.
/// </summary>
internal sealed class PollingSpecResolver(ErrorList errors)
{
    public PollingSpec? Resolve(Entry entry, NestedKeys? metrics, IReadOnlyList<int>? ports)
    {
        if (metrics is null)
        {
            return null;
        }

        var keys = metrics.Values;
        var expvar = keys.Get(MetricsKeys.Expvar);
        var prometheus = keys.Get(MetricsKeys.Prometheus);
        var ok = true;
        if (ports is not { Count: > 0 })
        {
            foreach (var endpoint in new[] { expvar, prometheus }.OfType<Located<string>>())
            {
                errors.Add(entry.File, endpoint.Node, endpoint.Path,
                    $"'{entry.Name}' has no ports: nothing to poll {endpoint.Value} on (add ports:, the first is polled)");
                ok = false;
            }
        }

        var defaults = new PollingSpec();
        return ok
            ? new PollingSpec
            {
                Expvar = expvar?.Value,
                Prometheus = prometheus?.Value,
                Interval = keys.Get(MetricsKeys.Interval) ?? defaults.Interval,
                Prefix = keys.Get(MetricsKeys.Prefix),
                Ignore = keys.Get(MetricsKeys.Ignore) ?? defaults.Ignore,
                Rename = keys.Get(MetricsKeys.Rename) ?? defaults.Rename,
            }
            : null;
    }
}
