using Sky.Model;

namespace Sky.Runtime;

/// <summary>What inspecting a container tells: its state, how it ended, and where its ports are published.</summary>
public sealed record ContainerDetails
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required ContainerState State { get; init; }

    public required string Image { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment as KEY=VALUE, as the engine keeps it.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    public long ExitCode { get; init; }

    public bool OomKilled { get; init; }

    public int Pid { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Memory limit in bytes; 0 when unlimited.</summary>
    public long MemoryBytes { get; init; }

    public long NanoCpus { get; init; }

    /// <summary>Container port (TCP) to the host port it is published on, on 127.0.0.1.</summary>
    public IReadOnlyDictionary<int, int> PublishedPorts { get; init; } = new Dictionary<int, int>();

    /// <summary>Network name to the aliases the container answers to there.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Networks { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string? ConfigHash => Labels.GetValueOrDefault(SkyLabels.ConfigHash);
}
