namespace Sky.Scheduler;

/// <summary>The scheduler's knobs; the defaults suit the daemon, tests shorten the intervals.</summary>
public sealed record JobSchedulerOptions
{
    /// <summary>How many finished runs to keep per job.</summary>
    public int KeepRunsPerJob { get; init; } = 100;

    /// <summary>Runs that ended longer ago than this are removed; null keeps them (within <see cref="KeepRunsPerJob"/>).</summary>
    public TimeSpan? MaxRunAge { get; init; } = TimeSpan.FromDays(90);

    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the applied revision number is looked at, to pick up a new configuration.</summary>
    public TimeSpan RevisionPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Characters of output kept per run (the end of it).</summary>
    public int OutputCapacity { get; init; } = 1024 * 1024;

    /// <summary>Grace period between SIGTERM and SIGKILL when a run is stopped (timeout, replace).</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);
}
