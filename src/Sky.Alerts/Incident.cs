using Sky.Model;

namespace Sky.Alerts;

/// <summary>
/// One open (or just closed) incident: a service instance in trouble of one <see cref="IncidentGroup"/>. Immutable;
/// the tracker replaces it as signals arrive. <see cref="Id"/> is 0 until the incident is stored.
/// </summary>
public sealed record Incident
{
    public long Id { get; init; }

    public required string Service { get; init; }

    public required string Instance { get; init; }

    public required IncidentGroup Group { get; init; }

    /// <summary>The latest failure signal, which names the incident (<c>crash-looping</c> after <c>restarted</c>).</summary>
    public required SignalKind Kind { get; init; }

    public string? Container { get; init; }

    /// <summary>The metric rule (as written) of a <see cref="IncidentGroup.Metric"/> incident: one incident per rule.</summary>
    public string? Rule { get; init; }

    public Maintainer? Maintainer { get; init; }

    public required string Message { get; init; }

    /// <summary>Consecutive failures since the incident opened.</summary>
    public int Failures { get; init; } = 1;

    /// <summary>The highest priority reached; it never goes down while the incident is open.</summary>
    public AlertPriority Priority { get; init; } = AlertPriority.Low;

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset LastFailureAt { get; init; }

    /// <summary>When a message about it last went out: the quiet period before a reminder counts from here.</summary>
    public DateTimeOffset LastSentAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Someone said they are on it: no reminders and no escalation any more, but it stays open until it recovers.</summary>
    public bool Acknowledged { get; init; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>The word stored and shown: <c>open</c>, <c>acknowledged</c> or <c>closed</c>.</summary>
    public string State => !IsOpen ? "closed" : Acknowledged ? "acknowledged" : "open";

    /// <summary>The priorities whose channels have heard of it, so that the recovery notice reaches the same people.</summary>
    public IReadOnlyList<AlertPriority> Reached => Priority == AlertPriority.High ? [AlertPriority.Low, AlertPriority.High] : [AlertPriority.Low];
}
