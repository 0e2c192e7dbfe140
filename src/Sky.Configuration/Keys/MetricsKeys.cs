using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Model.Metrics;

namespace Sky.Configuration.Keys;

/// <summary>
/// The rows of the key table (<see cref="ConfigurationKeys.All"/>) that stand under <c>metrics:</c>. Their defaults are
/// read from <see cref="PollingSpec"/>, so the reference says what the poller does.
/// </summary>
internal static class MetricsKeys
{
    public static readonly ConfigurationKey<Located<string>?> Expvar = new()
    {
        Name = "expvar",
        Places = KeyPlaces.Metrics,
        Value = "an HTTP path",
        Example = "/debug/vars",
        Summary = "a Go expvar endpoint (JSON), polled on the main port of each of the instance's containers; it needs `ports`",
        Read = (r, node, path) => r.HttpPath(node, path) is { } http ? new Located<string>(http, node, path) : null,
    };

    public static readonly ConfigurationKey<Located<string>?> Prometheus = new()
    {
        Name = "prometheus",
        Places = KeyPlaces.Metrics,
        Value = "an HTTP path",
        Example = "/metrics",
        Summary = "a Prometheus text-format endpoint, polled on the main port of each of the instance's containers; it needs `ports`",
        Read = (r, node, path) => r.HttpPath(node, path) is { } http ? new Located<string>(http, node, path) : null,
    };

    public static readonly ConfigurationKey<TimeSpan?> Interval = new()
    {
        Name = "interval",
        Places = KeyPlaces.Metrics,
        Value = $"a duration of {Durations.Format(MetricsReader.ShortestInterval)} or more",
        Example = "30s",
        Summary = $"time between two polls of each endpoint (default {Durations.Format(PollingSpec.DefaultInterval)})",
        Read = (r, node, path) => r.Metrics.Interval(node, path),
    };

    public static readonly ConfigurationKey<string?> Prefix = new()
    {
        Name = "prefix",
        Places = KeyPlaces.Metrics,
        Value = "dot-separated parts of letters, digits, `_` and `-`",
        Example = "apps.my-application",
        Summary = "where the instance's metrics go in Graphite (default `services.SERVICE.INSTANCE`)",
        Read = (r, node, path) => r.Metrics.Prefix(node, path),
    };

    public static readonly ConfigurationKey<IReadOnlyList<string>?> Ignore = new()
    {
        Name = "ignore",
        Places = KeyPlaces.Metrics,
        Value = "a list of .NET regular expressions, or one",
        Example = "[ \"^memstats\\\\.PauseNs\" ]",
        Summary = "polled names that match one of them are dropped (samlare's `ignore`)",
        Read = (r, node, path) => r.Metrics.Ignore(node, path),
    };

    public static readonly ConfigurationKey<IReadOnlyList<RenameRule>?> Rename = new()
    {
        Name = "rename",
        Places = KeyPlaces.Metrics,
        Value = "a list of mappings with `from` (a .NET regular expression) and `to` (its replacement, `$1` allowed)",
        Example = "[ { from: \"^memstats\\\\.\", to: \"mem.\" } ]",
        Summary = "applied in order to each polled name that is kept (samlare's `rename`)",
        Read = (r, node, path) => r.Metrics.Rename(node, path),
    };

    /// <summary>The rows, in the reference's order.</summary>
    public static IReadOnlyList<ConfigurationKey> All { get; } = [Expvar, Prometheus, Interval, Prefix, Ignore, Rename];
}
