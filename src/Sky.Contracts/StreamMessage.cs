namespace Sky.Contracts;

/// <summary>
/// One line of an operation's NDJSON stream: first a <c>plan</c> (the steps in display order), then <c>progress</c>
/// lines as steps move (and, for a deploy that waits, <c>rollout</c> lines), and last a <c>result</c> or an <c>error</c>. A <c>warning</c> (its <see cref="Message"/>: an
/// image not on the engine, say) may come at any point and does not stop the operation.
/// </summary>
public sealed record StreamMessage
{
    public required string Type { get; init; }

    public IReadOnlyList<PlanStepView>? Steps { get; init; }

    public int? Id { get; init; }

    public string? Target { get; init; }

    public string? Status { get; init; }

    public string? Message { get; init; }

    public bool? Ok { get; init; }

    public long? Revision { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<string>? Details { get; init; }

    /// <summary>On a deploy's result: how its rollout ended (<c>healthy</c>, <c>rolled-back</c>, <c>failed</c>), with a line per failure in <see cref="Details"/>.</summary>
    public string? Outcome { get; init; }

    /// <summary>On a deploy's result: the revision that rolled it back, if one did.</summary>
    public long? RollbackRevision { get; init; }
}
