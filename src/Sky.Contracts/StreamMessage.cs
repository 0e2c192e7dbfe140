namespace Sky.Contracts;

/// <summary>
/// One line of an operation's NDJSON stream: first a <c>plan</c> (the steps in display order), then <c>progress</c>
/// lines as steps move, and last a <c>result</c> or an <c>error</c>. A <c>warning</c> (its <see cref="Message"/>: an
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
}
