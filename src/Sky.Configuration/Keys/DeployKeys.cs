using System.Globalization;
using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Model.Deploys;

namespace Sky.Configuration.Keys;

/// <summary>
/// The rows of the key table (<see cref="ConfigurationKeys.All"/>) that stand under <c>deploy:</c>. Their defaults are
/// read from <see cref="DeploySettings"/>, so the reference says what a rollout does.
/// </summary>
internal static class DeployKeys
{
    private static readonly Dictionary<string, DeployOrder> OrderChoices = new(StringComparer.Ordinal)
    {
        ["start-first"] = DeployOrder.StartFirst,
        ["stop-first"] = DeployOrder.StopFirst,
    };

    private static readonly DeploySettings Defaults = DeploySettings.Default;

    public static readonly ConfigurationKey<int?> Parallel = new()
    {
        Name = "parallel",
        Places = KeyPlaces.Deploy,
        Value = "a number of 1 or more",
        Example = "2",
        Summary = $"how many of the instance's containers are replaced at a time, in one batch (default {Defaults.Parallel})",
        Read = (r, node, path) => r.Values.AtLeastOne(node, path, "containers replaced at a time"),
    };

    public static readonly ConfigurationKey<DeployOrder?> Order = new()
    {
        Name = "order",
        Places = KeyPlaces.Deploy,
        Value = ConfigurationKeys.Words(OrderChoices.Keys),
        Example = "stop-first",
        Summary = "`start-first`: a new container starts, passes its checks and enters the router's pool before the old one is drained and stopped; `stop-first`: the old one goes first, for containers that cannot run twice at once (default `start-first`, but `stop-first` for a container that mounts a named volume: two copies of a database writing one volume can corrupt it)",
        Read = (r, node, path) => r.Values.Choice(node, path, "a deploy order", OrderChoices),
    };

    public static readonly ConfigurationKey<double?> MinHealthy = new()
    {
        Name = "min-healthy",
        Places = KeyPlaces.Deploy,
        Value = "a share from 0 to 1, as `50%` or `0.5`",
        Example = "50%",
        Summary = $"share of the instance's replicas kept healthy throughout a rollout (default {Defaults.MinHealthy.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal)})",
        Read = (r, node, path) => r.Values.Ratio(node, path, "a share of healthy replicas", allowZero: true),
    };

    public static readonly ConfigurationKey<TimeSpan?> HealthTimeout = new()
    {
        Name = "health-timeout",
        Places = KeyPlaces.Deploy,
        Value = $"a duration of {Durations.Format(DeployReader.ShortestHealthTimeout)} or more",
        Example = "2m",
        Summary = $"how long a batch's new containers have to pass their checks; a batch that takes longer fails the rollout (default {Durations.Format(Defaults.HealthTimeout)})",
        Read = (r, node, path) => r.Deploys.HealthTimeout(node, path),
    };

    public static readonly ConfigurationKey<bool?> AutoRollback = new()
    {
        Name = "auto-rollback",
        Places = KeyPlaces.Deploy,
        Value = "`true` or `false`",
        Example = "false",
        Summary = $"a failed rollout returns the instance to the previous revision's spec by itself, and its maintainer is told why (default `{(Defaults.AutoRollback ? "true" : "false")}`)",
        Read = (r, node, path) => r.Values.Bool(node, path),
    };

    /// <summary>The rows, in the reference's order.</summary>
    public static IReadOnlyList<ConfigurationKey> All { get; } = [Parallel, Order, MinHealthy, HealthTimeout, AutoRollback];
}
