namespace Sky.Model;

/// <summary>
/// Names of what sky creates. The mission's names are plain (<c>my-application-production-database</c>);
/// a daemon started with a namespace prefixes every name with it, so that two daemons on one engine
/// (parallel tests, for instance) never see or touch each other's containers. Within a namespace, the daemon's
/// identity (that of its data folder) marks what it made, so that a second daemon on the same namespace leaves it alone.
/// </summary>
public sealed class Naming
{
    /// <summary>The namespace label value of a daemon started without <c>--namespace</c>.</summary>
    public const string DefaultNamespace = "default";

    /// <param name="namespace">Null or empty: the plain names.</param>
    /// <param name="identity">
    /// The daemon's; null for a naming that creates nothing (validation) or a daemon built in code for a test, which
    /// then makes and owns only containers without an identity.
    /// </param>
    public Naming(string? @namespace = null, DaemonIdentity? identity = null)
    {
        Namespace = string.IsNullOrEmpty(@namespace) ? DefaultNamespace : @namespace;
        Identity = identity;
    }

    public string Namespace { get; }

    public DaemonIdentity? Identity { get; }

    public bool IsDefault => Namespace == DefaultNamespace;

    /// <summary>The instance name used for a service that declares no <c>instances</c>.</summary>
    public const string DefaultInstance = "default";

    /// <summary>
    /// <c>SERVICE-INSTANCE[-ROLE][-REPLICA]</c>: the instance name is left out for a service without instances,
    /// the role for the service's own container, the replica number for the first replica.
    /// </summary>
    public string Container(string service, string instance, string role, int replica = 1)
    {
        var name = instance == DefaultInstance ? service : $"{service}-{instance}";
        if (role != SkyLabels.MainRole)
        {
            name = $"{name}-{role}";
        }

        if (replica > 1)
        {
            name = $"{name}-{replica}";
        }

        return Prefixed(name);
    }

    /// <summary>The Docker network of one instance: its containers and its dependency copies share it.</summary>
    public string Network(string service, string instance) =>
        Prefixed(instance == DefaultInstance ? $"sky-{service}" : $"sky-{service}-{instance}");

    /// <summary>A named volume, private to the daemon's namespace.</summary>
    public string Volume(string name) => Prefixed(name);

    /// <summary>Name of one run of a recurrent job.</summary>
    public string JobRun(string job, long run) => Prefixed($"{job}-run-{run}");

    public string Prefixed(string name) => IsDefault ? name : $"{Namespace}-{name}";

    /// <summary>The labels every object created by this daemon carries.</summary>
    public Dictionary<string, string> BaseLabels(string kind)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SkyLabels.Managed] = "true",
            [SkyLabels.Namespace] = Namespace,
            [SkyLabels.Kind] = kind,
        };
        if (Identity is not null)
        {
            labels[SkyLabels.Daemon] = Identity.Id;
            if (Identity.DataFolder is { } folder)
            {
                labels[SkyLabels.DaemonDataFolder] = folder;
            }
        }

        return labels;
    }

    /// <summary>
    /// Whether this daemon may act on the object carrying these labels: sky's, of this namespace, and made by this
    /// daemon. One with no identity at all is owned too: it was made by a sky from before identities, when a namespace
    /// meant one daemon, so the daemon that sees it after an upgrade is the one that made it; adopting it means an
    /// upgrade replaces nothing (labels are not in the change hash, so it gets the identity when it is next replaced).
    /// The price: two daemons that already shared a namespace before the upgrade both adopt such a container, as they
    /// did then, until one of them replaces it.
    /// </summary>
    public bool Owns(IReadOnlyDictionary<string, string> labels) =>
        InNamespace(labels) && (!labels.TryGetValue(SkyLabels.Daemon, out var daemon) || daemon == Identity?.Id);

    /// <summary>
    /// The other daemon of this namespace that made the object carrying these labels (a <em>foreign</em> object, never
    /// removed, replaced, stopped, restarted or adopted by this daemon); null when it is this daemon's, or not sky's,
    /// or of another namespace.
    /// </summary>
    public DaemonIdentity? ForeignDaemon(IReadOnlyDictionary<string, string> labels) =>
        InNamespace(labels) && !Owns(labels) ? DaemonIdentity.Of(labels) : null;

    private bool InNamespace(IReadOnlyDictionary<string, string> labels) =>
        labels.GetValueOrDefault(SkyLabels.Managed) == "true" && labels.GetValueOrDefault(SkyLabels.Namespace) == Namespace;
}
