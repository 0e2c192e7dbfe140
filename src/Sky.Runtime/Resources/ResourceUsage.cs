namespace Sky.Runtime.Resources;

/// <summary>
/// A container's resource counters at one moment, as the kernel keeps them: CPU time, network and block I/O bytes
/// are totals since the container started (a sampler turns two readings into rates); memory is what it uses now,
/// page cache that can be dropped left out (Docker's "usage minus cache"), against its limit (the host's memory when
/// it has none, as <c>docker stats</c> shows).
/// </summary>
public sealed record ResourceUsage
{
    public required DateTimeOffset Time { get; init; }

    public long CpuNanoseconds { get; init; }

    public long MemoryBytes { get; init; }

    public long MemoryLimitBytes { get; init; }

    public long NetworkReceivedBytes { get; init; }

    public long NetworkSentBytes { get; init; }

    public long BlockReadBytes { get; init; }

    public long BlockWrittenBytes { get; init; }

    /// <summary>Where it was read: <c>cgroup</c> (the kernel's files) or <c>engine</c> (the Engine API's stats).</summary>
    public string Source { get; init; } = "cgroup";
}
