namespace Sky.Logs;

/// <summary>
/// Whose output a log line is: one container, with the labels sky gave it. Kept with the lines, so that they stay
/// readable by service and instance after the container (or the whole service) is gone.
/// </summary>
public sealed record LogSource
{
    public required string ContainerId { get; init; }

    /// <summary>The container's name, e.g. <c>sky-web-production-2</c>.</summary>
    public required string Container { get; init; }

    /// <summary><c>service</c>, <c>job</c> or <c>one-off</c>.</summary>
    public string? Kind { get; init; }

    public string? Service { get; init; }

    public string? Instance { get; init; }

    /// <summary><c>main</c> for the service's own container, else the dependency it runs.</summary>
    public string? Role { get; init; }

    public int? Replica { get; init; }

    /// <summary>The configuration revision the container was made from.</summary>
    public long? Revision { get; init; }

    public string? Job { get; init; }

    /// <summary>The job run's number within its job.</summary>
    public long? Run { get; init; }
}
