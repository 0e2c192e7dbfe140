namespace Sky.Scheduler;

/// <summary>One job as listings show it: its schedule in words, when it runs next, how its last run went.</summary>
public sealed record JobOverview(
    string Name,
    string Every,
    string Schedule,
    DateTimeOffset? NextRunAt,
    int Running,
    long? LastRunId,
    string? LastRunState,
    DateTimeOffset? LastRunAt,
    long? LastExitCode);
