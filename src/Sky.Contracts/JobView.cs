namespace Sky.Contracts;

/// <summary><c>GET /jobs</c>: one job with its schedule in words, when it runs next, and how its last run (by its number) went.</summary>
public sealed record JobView(
    string Name,
    string Every,
    string Schedule,
    DateTimeOffset? NextRunAt,
    int Running,
    long? LastRun,
    string? LastRunState,
    DateTimeOffset? LastRunAt,
    long? LastExitCode);
