namespace Sky.Scheduler;

/// <summary>The scheduler's knobs; the defaults suit the daemon, tests shorten the intervals.</summary>
public sealed record JobSchedulerOptions
{
    /// <summary>How many finished runs to keep per job.</summary>
    public int KeepRunsPerJob { get; init; } = 100;

    /// <summary>Runs that ended longer ago than this are removed; null keeps them (within <see cref="KeepRunsPerJob"/>).</summary>
    public TimeSpan? MaxRunAge { get; init; } = TimeSpan.FromDays(90);

    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Characters of output kept per run (the end of it).</summary>
    public int OutputCapacity { get; init; } = 1024 * 1024;

    /// <summary>Grace period between SIGTERM and SIGKILL when a run is stopped (timeout, replace).</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Where the pipes of armed containers live (the daemon's data folder); null arms nothing and every run creates its
    /// container at its tick.
    /// </summary>
    public string? ArmFolder { get; init; }

    /// <summary>How long before its next tick a job's container is made ready.</summary>
    public TimeSpan ArmAhead { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many armed containers at once (each is an idle shell).</summary>
    public int MaxArmed { get; init; } = 200;

    /// <summary>How often the scheduler looks for jobs to arm or disarm.</summary>
    public TimeSpan ArmInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
