namespace Sky.Cli.Output;

/// <summary>
/// <c>sky snitch -o json</c>: the command, its exit code, start, duration in seconds, last lines, and where the
/// notification went (or why nobody was told).
/// </summary>
public sealed record SnitchJson(
    string Command,
    int ExitCode,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    IReadOnlyList<string> Tail,
    IReadOnlyList<string>? Notified,
    string? NotificationError);
