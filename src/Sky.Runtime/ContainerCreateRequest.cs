namespace Sky.Runtime;

/// <summary>A container described directly rather than from a service configuration: one-off containers and job runs.</summary>
public sealed record ContainerCreateRequest
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public long? MemoryBytes { get; init; }

    public double? Cpus { get; init; }

    public IReadOnlyList<Sky.Model.VolumeMount> Volumes { get; init; } = [];

    /// <summary>Allocate a terminal and keep stdin open (interactive shells).</summary>
    public bool Tty { get; init; }

    public bool OpenStdin { get; init; }

    /// <summary>Run an init as PID 1 so that signals reach the command and zombies are reaped.</summary>
    public bool Init { get; init; } = true;

    public string? Network { get; init; }
}
