using Sky.Model;

namespace Sky.Runtime;

/// <summary>What both kinds of container have in common, before it is written as the engine's JSON.</summary>
internal sealed record ContainerShape(
    string Image,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Labels,
    long? MemoryBytes,
    double? Cpus,
    IReadOnlyList<VolumeMount> Volumes)
{
    public IReadOnlyList<int> Ports { get; init; } = [];

    public string? Network { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool Tty { get; init; }

    public bool OpenStdin { get; init; }

    public bool Init { get; init; } = true;
}
