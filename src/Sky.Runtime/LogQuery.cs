namespace Sky.Runtime;

/// <summary>Which log lines to read: follow live, only since a time, only the last N.</summary>
public sealed record LogQuery
{
    public bool Follow { get; init; }

    public DateTimeOffset? Since { get; init; }

    /// <summary>Only the last N lines; null for all.</summary>
    public int? Tail { get; init; }

    public bool Timestamps { get; init; } = true;
}
