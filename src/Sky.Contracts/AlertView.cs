namespace Sky.Contracts;

/// <summary>
/// <c>GET /alerts</c>: one incident, a service instance in trouble of one kind, open until it recovers (or someone closes
/// it, or its service leaves the configuration). Priority (<c>low</c>, <c>high</c>) and state (<c>open</c>,
/// <c>acknowledged</c>: open, but no reminders or escalation; <c>closed</c>) are the words people are shown.
/// </summary>
public sealed record AlertView
{
    public required long Id { get; init; }

    public required string Service { get; init; }

    public required string Instance { get; init; }

    public string? Container { get; init; }

    /// <summary>What the incident is about: <c>health</c>, <c>restarts</c> or <c>job</c>.</summary>
    public required string Group { get; init; }

    /// <summary>The signal that opened or last changed it: <c>check-failed</c>, <c>crash-looping</c>...</summary>
    public required string Kind { get; init; }

    public required string Priority { get; init; }

    public required string State { get; init; }

    public string? MaintainerName { get; init; }

    public string? MaintainerEmail { get; init; }

    public required string Message { get; init; }

    /// <summary>Consecutive failures seen while the incident was open.</summary>
    public int Failures { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? LastFailureAt { get; init; }

    public DateTimeOffset? LastSentAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>
    /// Whether anyone was told: the latest attempt on each channel and target (<c>email</c>, <c>webhook</c>). One on
    /// channel <c>none</c> says no channel took a notice, and why (<c>no channel configured: nobody was told</c>).
    /// Empty while the first notice is still on its way.
    /// </summary>
    public IReadOnlyList<AlertDeliveryView> Deliveries { get; init; } = [];
}
