namespace Sky.Contracts;

/// <summary>A container in the feed's snapshot: who it belongs to, its phase, published host ports and health.</summary>
public sealed record FeedContainerView
{
    public required string Name { get; init; }

    public required string Id { get; init; }

    public string? Kind { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    public string? Role { get; init; }

    /// <summary><c>created</c>, <c>running</c>, <c>died</c>, <c>stopped</c> or <c>removed</c>.</summary>
    public required string Phase { get; init; }

    /// <summary>Container port to host port on 127.0.0.1.</summary>
    public IReadOnlyDictionary<int, int> HostPorts { get; init; } = new Dictionary<int, int>();

    public string? Health { get; init; }

    public string? LastCheck { get; init; }

    public int? ExitCode { get; init; }
}
