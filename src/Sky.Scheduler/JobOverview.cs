namespace Sky.Scheduler;

/// <summary>One job as listings show it: its schedule in words, when it runs next, how its last run (by its number) went.</summary>
public sealed record JobOverview(
    string Name,
    string Every,
    string Schedule,
    DateTimeOffset? NextRunAt,
    int Running,
    long? LastRun,
    string? LastRunState,
    DateTimeOffset? LastRunAt,
    long? LastExitCode);
