namespace Sky.Contracts;

/// <summary>One forwarding target: whether it is reached, what went out, what waits and what was dropped.</summary>
public sealed record LogForwardView
{
    public required string Target { get; init; }

    public required bool Connected { get; init; }

    public required long Sent { get; init; }

    /// <summary>Lines dropped because the target was away longer than the buffer holds.</summary>
    public required long Dropped { get; init; }

    public required int Buffered { get; init; }

    public string? LastError { get; init; }
}
