namespace Sky.Contracts;

/// <summary>
/// One line of a container's output as the API streams it (one JSON object per line), with every label it is kept
/// with. <see cref="Text"/> is the line as the container wrote it, invalid UTF-8 replaced by U+FFFD; a line longer
/// than 1 MiB is cut there and marked <see cref="Truncated"/>.
/// </summary>
public sealed record LogLine(string Container, string Stream, DateTimeOffset? Time, string Text)
{
    /// <summary><c>service</c>, <c>job</c> or <c>one-off</c>.</summary>
    public string? Kind { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    /// <summary><c>main</c> for the service's own container, else the dependency.</summary>
    public string? Role { get; init; }

    public int? Replica { get; init; }

    public long? Revision { get; init; }

    public string? Job { get; init; }

    public long? Run { get; init; }

    public string? ContainerId { get; init; }

    public bool Truncated { get; init; }
}
