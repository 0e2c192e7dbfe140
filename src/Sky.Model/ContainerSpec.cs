namespace Sky.Model;

/// <summary>
/// One container as the configuration wants it: everything needed to create it, plus where it sits
/// (service, instance, role, replica) and what must run before it.
/// </summary>
public sealed record ContainerSpec
{
    /// <summary>Full container name, namespace prefix included.</summary>
    public required string Name { get; init; }

    /// <summary>The top-level service this container belongs to (for a dependency copy: the service that requires it).</summary>
    public required string Service { get; init; }

    public required string Instance { get; init; }

    /// <summary><see cref="SkyLabels.MainRole"/> for the service itself, else the dependency's short name (<c>database</c>).</summary>
    public required string Role { get; init; }

    public int Replica { get; init; } = 1;

    /// <summary>The configuration entry whose keys built this container (<c>database</c> for a dependency copy).</summary>
    public required string Definition { get; init; }

    /// <summary>Image reference with its tag, <c>name:tag</c>.</summary>
    public required string Image { get; init; }

    /// <summary>Exec-form command; null keeps the image's own.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Container ports it serves; the first is the main port. Each is published on 127.0.0.1.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    public long? MemoryBytes { get; init; }

    public double? Cpus { get; init; }

    public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];

    /// <summary>The instance network it joins.</summary>
    public required string Network { get; init; }

    /// <summary>Names it answers to inside its network (a dependency answers to its short name).</summary>
    public IReadOnlyList<string> NetworkAliases { get; init; } = [];

    public IReadOnlyList<CheckSpec> Checks { get; init; } = [];

    public RestartPolicy Restart { get; init; } = RestartPolicy.Default;

    /// <summary>Names of the containers that must be running (and healthy) before this one starts.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Labels to put on the container (the <see cref="SkyLabels"/> set, config hash included).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Identifies what the container was created from; a change means it must be replaced.</summary>
    public string ConfigHash => ContainerSpecHash.Compute(this);
}
