namespace Sky.Model;

/// <summary>One instance of a service: its own containers and its private dependency copies, on its own network.</summary>
public sealed record InstanceSpec
{
    public required string Service { get; init; }

    public required string Name { get; init; }

    public required string Network { get; init; }

    /// <summary>Dependencies first, in the order they must start, then the service's own replicas.</summary>
    public required IReadOnlyList<ContainerSpec> Containers { get; init; }
}
