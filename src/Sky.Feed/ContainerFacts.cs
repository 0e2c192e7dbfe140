namespace Sky.Feed;

/// <summary>
/// What the feed knows of one container sky manages: who it belongs to, where it is in its life, the host ports its
/// container ports are published on (127.0.0.1). Readers such as the router take endpoints from here,
/// never container addresses, so the same holds when containers run on other hosts.
/// </summary>
public sealed record ContainerFacts
{
    public required string Name { get; init; }

    public required string Id { get; init; }

    /// <summary><c>service</c>, <c>job</c> or <c>one-off</c> (the <c>sky.kind</c> label).</summary>
    public string? Kind { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    public string? Role { get; init; }

    /// <summary>The replica number, from 1 (the <c>sky.replica</c> label).</summary>
    public int? Replica { get; init; }

    /// <summary>The configuration revision the container was made from (<c>sky.revision</c>).</summary>
    public long? Revision { get; init; }

    /// <summary>The job a run or armed container belongs to (<c>sky.job</c>).</summary>
    public string? Job { get; init; }

    /// <summary>The job run's number (<c>sky.run</c>).</summary>
    public long? Run { get; init; }

    /// <summary>
    /// The configuration hash it was created with (<c>sky.config-hash</c>): while a rollout is under way, a container of
    /// an earlier spec is known by it, and is not held to the checks of the spec that replaces it.
    /// </summary>
    public string? ConfigHash { get; init; }

    public ContainerPhase Phase { get; init; }

    /// <summary>Container port to host port.</summary>
    public IReadOnlyDictionary<int, int> HostPorts { get; init; } = EmptyPorts;

    public int? ExitCode { get; init; }

    private static readonly IReadOnlyDictionary<int, int> EmptyPorts = new Dictionary<int, int>();
}
