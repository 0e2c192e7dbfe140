namespace Sky.Store;

/// <summary>
/// What a revision did to one entry (a service or a job): added, changed (with a line per key that changed) or removed,
/// and, once its containers were acted on, the outcome (<see cref="RevisionOutcomes"/>) and why.
/// </summary>
public sealed record RevisionChange(string Entry, string EntryKind, string Change, IReadOnlyList<string> Details)
{
    /// <summary>The revision that made the change; 0 before it is stored.</summary>
    public long Revision { get; init; }

    public string? Outcome { get; init; }

    public string? OutcomeMessage { get; init; }
}
