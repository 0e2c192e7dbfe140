namespace Sky.Contracts;

/// <summary>
/// One running container in <c>sky top</c>: its newest resource sample and what the router saw of its requests over
/// the last sample interval (null where it has none: no sample yet, or no routed host).
/// </summary>
public sealed record TopRowView
{
    public required string Container { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    public string? Health { get; init; }

    public double? CpuPercent { get; init; }

    public double? MemoryBytes { get; init; }

    public double? MemoryLimitBytes { get; init; }

    public double? NetworkReceivedPerSecond { get; init; }

    public double? NetworkSentPerSecond { get; init; }

    public double? RequestsPerSecond { get; init; }

    public double? LatencyP99Ms { get; init; }

    public double? ErrorsPercent { get; init; }
}
