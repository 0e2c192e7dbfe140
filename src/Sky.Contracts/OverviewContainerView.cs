namespace Sky.Contracts;

/// <summary>
/// A container of an instance in the overview: what the feed knows of it (phase, id, ports, health), sky's restart
/// count, the revision it was made from, its router state, its newest figures (<see cref="Figures"/>, as in
/// <c>sky top</c>) and its recent CPU and memory for sparklines (oldest first, one value per sample).
/// </summary>
public sealed record OverviewContainerView
{
    public required string Name { get; init; }

    /// <summary><c>main</c> for the service's own container, else the dependency's name.</summary>
    public required string Role { get; init; }

    /// <summary>The engine's id (12 characters); null when the container does not exist.</summary>
    public string? Id { get; init; }

    /// <summary><c>created</c>, <c>running</c>, <c>died</c>, <c>stopped</c>, or <c>missing</c> when it does not exist.</summary>
    public required string Phase { get; init; }

    public string? Health { get; init; }

    public string? LastCheck { get; init; }

    public int Restarts { get; init; }

    public string? Image { get; init; }

    public long? Revision { get; init; }

    /// <summary>Container port to host port on 127.0.0.1.</summary>
    public IReadOnlyDictionary<int, int> HostPorts { get; init; } = new Dictionary<int, int>();

    public RouterStateView? Router { get; init; }

    public TopRowView? Figures { get; init; }

    public IReadOnlyList<double> CpuHistory { get; init; } = [];

    public IReadOnlyList<double> MemoryHistory { get; init; } = [];
}
