using System.Globalization;
using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Model.Routing;

namespace Sky.Configuration.Keys;

/// <summary>
/// The rows of the key table (<see cref="ConfigurationKeys.All"/>) that stand under <c>router:</c> and under its
/// <c>breaker:</c>. Their defaults are read from <see cref="RouterSettings"/>, so the reference says what the router does.
/// </summary>
internal static class RouterKeys
{
    private static readonly Dictionary<string, Balancing> BalancingChoices = new(StringComparer.Ordinal)
    {
        ["round-robin"] = Model.Routing.Balancing.RoundRobin,
        ["least-requests"] = Model.Routing.Balancing.LeastRequests,
    };

    private static readonly BreakerSettings Defaults = RouterSettings.Default.Breaker;

    public static readonly ConfigurationKey<Balancing?> Balancing = new()
    {
        Name = "balancing",
        Places = KeyPlaces.Router,
        Value = ConfigurationKeys.Words(BalancingChoices.Keys),
        Example = "least-requests",
        Summary = "how requests are spread over the instance's replicas: each in turn, or to the one with fewer requests in flight (default `round-robin`)",
        Read = (r, node, path) => r.Values.Choice(node, path, "a balancing policy", BalancingChoices),
    };

    public static readonly ConfigurationKey<NestedKeys?> Breaker = new()
    {
        Name = "breaker",
        Places = KeyPlaces.Router,
        Inheritance = Inheritance.MergeByKey,
        Value = "a mapping of the breaker keys below",
        Example = "{ failure-ratio: 50%, minimum-requests: 5 }",
        Summary = "when a replica that fails requests (refused, timed out or 5xx) is taken out of the pool, and for how long",
        Read = (r, node, path) => r.Nested(node, path, KeyPlaces.Breaker, "a mapping of breaker settings (failure-ratio, window, ...)"),
    };

    public static readonly ConfigurationKey<TimeSpan?> DrainTimeout = new()
    {
        Name = "drain-timeout",
        Places = KeyPlaces.Router,
        Value = "a duration",
        Example = "30s",
        Summary = $"how long requests in flight on a replica leaving the pool may take to finish before it is stopped (default {Durations.Format(RouterSettings.Default.DrainTimeout)})",
        Read = (r, node, path) => r.Values.Duration(node, path),
    };

    public static readonly ConfigurationKey<Located<string>?> DownPage = new()
    {
        Name = "down-page",
        Places = KeyPlaces.Router,
        Value = "an HTML file; a relative path is read against the configuration file's folder",
        Example = "./down.html",
        Summary = "the page shown when no replica can take a request, instead of sky's own; it must exist when the configuration is loaded",
        Read = (r, node, path) => r.Files.ReadableFile(node, path, "a down page"),
    };

    public static readonly ConfigurationKey<double?> FailureRatio = new()
    {
        Name = "failure-ratio",
        Places = KeyPlaces.Breaker,
        Value = "a share above 0 and at most 1, as `50%` or `0.5`",
        Example = "50%",
        Summary = $"share of failed requests in the window that takes a replica out (default {Defaults.FailureRatio.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal)})",
        Read = (r, node, path) => r.Values.Ratio(node, path, "a failure ratio"),
    };

    public static readonly ConfigurationKey<int?> MinimumRequests = new()
    {
        Name = "minimum-requests",
        Places = KeyPlaces.Breaker,
        Value = "a number of 1 or more",
        Example = "5",
        Summary = $"fewer requests than this in the window never take a replica out, however many failed (default {Defaults.MinimumRequests})",
        Read = (r, node, path) => r.Values.AtLeastOne(node, path, "requests"),
    };

    public static readonly ConfigurationKey<TimeSpan?> Window = new()
    {
        Name = "window",
        Places = KeyPlaces.Breaker,
        Value = "a duration",
        Example = "10s",
        Summary = $"the span of recent requests the ratio is counted over (default {Durations.Format(Defaults.Window)})",
        Read = (r, node, path) => r.Values.Duration(node, path),
    };

    public static readonly ConfigurationKey<TimeSpan?> FirstEjection = new()
    {
        Name = "first-ejection",
        Places = KeyPlaces.Breaker,
        Value = "a duration, at most `max-ejection`",
        Example = "1s",
        Summary = $"how long a replica stays out the first time; each time it fails again on return, twice as long (default {Durations.Format(Defaults.FirstEjection)})",
        Read = (r, node, path) => r.Values.Duration(node, path),
    };

    public static readonly ConfigurationKey<TimeSpan?> MaxEjection = new()
    {
        Name = "max-ejection",
        Places = KeyPlaces.Breaker,
        Value = "a duration",
        Example = "60s",
        Summary = $"the longest a replica stays out (default {Durations.Format(Defaults.MaxEjection)})",
        Read = (r, node, path) => r.Values.Duration(node, path),
    };

    /// <summary>The rows, in the reference's order: those under <c>router:</c>, then those under <c>breaker:</c>.</summary>
    public static IReadOnlyList<ConfigurationKey> All { get; } =
        [Balancing, Breaker, DrainTimeout, DownPage, FailureRatio, MinimumRequests, Window, FirstEjection, MaxEjection];
}
