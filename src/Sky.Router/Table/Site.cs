using Sky.Model.Routing;

namespace Sky.Router.Table;

/// <summary>
/// One host name (or pattern) and path prefix, with every container that carries them: the replicas of an instance,
/// and every instance or service that names the same host, as nginx-proxy pools them.
/// </summary>
public sealed record Site
{
    /// <summary>Stable while the host and path stay: the router's route and pool are named by it.</summary>
    public required string Id { get; init; }

    public required HostPattern Host { get; init; }

    /// <summary><c>/</c>, or a prefix without trailing slash (<c>/api</c>) that matches whole path segments.</summary>
    public required string PathPrefix { get; init; }

    /// <summary>Every container carrying it, whatever its state, ordered by name.</summary>
    public required IReadOnlyList<Backend> Backends { get; init; }

    /// <summary>The settings of the first instance behind it (instances sharing a host share one pool).</summary>
    public RouterSettings Settings => Backends.Count > 0 ? Backends[0].Settings : RouterSettings.Default;

    /// <summary>Whether <paramref name="path"/> is under <see cref="PathPrefix"/>.</summary>
    public bool Covers(string path) =>
        PathPrefix == "/"
        || (path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase) && (path.Length == PathPrefix.Length || path[PathPrefix.Length] == '/'));
}
