namespace Sky.Model;

/// <summary>A long-running service of the configuration, resolved into its instances.</summary>
public sealed record ServiceSpec
{
    public required string Name { get; init; }

    public Maintainer? Maintainer { get; init; }

    public required IReadOnlyList<InstanceSpec> Instances { get; init; }

    /// <summary>Configuration file and line the service was declared at, for messages.</summary>
    public string? Source { get; init; }
}
