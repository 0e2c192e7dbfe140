namespace Sky.Model;

/// <summary>
/// Names of what sky creates. The mission's names are plain (<c>my-application-production-database</c>);
/// a daemon started with a namespace prefixes every name with it, so that two daemons on one engine
/// (parallel tests, for instance) never see or touch each other's containers.
/// </summary>
public sealed class Naming
{
    /// <summary>The namespace label value of a daemon started without <c>--namespace</c>.</summary>
    public const string DefaultNamespace = "default";

    public Naming(string? @namespace = null)
    {
        Namespace = string.IsNullOrEmpty(@namespace) ? DefaultNamespace : @namespace;
    }

    public string Namespace { get; }

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
    public Dictionary<string, string> BaseLabels(string kind) => new(StringComparer.Ordinal)
    {
        [SkyLabels.Managed] = "true",
        [SkyLabels.Namespace] = Namespace,
        [SkyLabels.Kind] = kind,
    };
}
