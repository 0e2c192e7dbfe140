namespace Sky.Store;

/// <summary>
/// One incident as stored: a service instance in trouble of one kind, open until it recovers. Priority and state are
/// the words shown to people (<c>low</c>/<c>high</c>; <c>open</c>, <c>acknowledged</c> (open, but someone is on it) or
/// <c>closed</c>), so the API and the CLI print them as is.
/// </summary>
public sealed record AlertRecord
{
    public long Id { get; init; }

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

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? LastFailureAt { get; init; }

    public DateTimeOffset? LastSentAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The metric rule as written, for an incident of one; null otherwise.</summary>
    public string? Rule { get; init; }
}
