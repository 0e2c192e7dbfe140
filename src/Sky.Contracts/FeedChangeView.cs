namespace Sky.Contracts;

/// <summary>
/// One change of <c>/events/stream</c>. <see cref="Type"/> says which fields are set: <c>desired-state</c> (revision),
/// <c>container</c> (container, phase, hostPorts, exitCode), <c>containers-listed</c>, <c>health</c> (container,
/// health, previous, lastCheck), <c>activity</c> (eventId, kind), <c>job-run</c> (run, state, exitCode), <c>alert</c>
/// (alertId, kind, priority, state) and <c>engine</c> (connected). <see cref="Message"/> says it in a sentence.
/// </summary>
public sealed record FeedChangeView
{
    public required long Sequence { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Type { get; init; }

    public required string Message { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    public string? Container { get; init; }

    public string? Kind { get; init; }

    public long? Revision { get; init; }

    public string? Phase { get; init; }

    public IReadOnlyDictionary<int, int>? HostPorts { get; init; }

    public long? ExitCode { get; init; }

    public string? Health { get; init; }

    public string? Previous { get; init; }

    public string? LastCheck { get; init; }

    public long? EventId { get; init; }

    /// <summary>A job run's number within its job (<c>job-run</c> changes).</summary>
    public long? Run { get; init; }

    public string? State { get; init; }

    public long? AlertId { get; init; }

    public string? Priority { get; init; }

    public bool? Connected { get; init; }
}
