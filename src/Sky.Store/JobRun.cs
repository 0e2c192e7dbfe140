namespace Sky.Store;

/// <summary>
/// One run of a recurrent job, as recorded. <see cref="ScheduledAt"/> is the tick it was due at (null for a manual
/// run), <see cref="DispatchedAt"/> when the scheduler acted on it, <see cref="StartedAt"/> when the engine confirmed
/// the container started: the gaps between them are the start jitter the bench measures.
/// </summary>
public sealed record JobRun
{
    /// <summary>The row's own id: it names the run's container and labels it.</summary>
    public required long Id { get; init; }

    public required string Job { get; init; }

    /// <summary>The run's place among its job's runs, from 1: what people see and name it by.</summary>
    public required long Number { get; init; }

    /// <summary><see cref="JobTriggers.Schedule"/> or <see cref="JobTriggers.Manual"/>.</summary>
    public required string Trigger { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    public required DateTimeOffset DispatchedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public long? ExitCode { get; init; }

    public required JobRunState State { get; init; }

    /// <summary>Why it ended the way it did when the exit code alone does not say ("timed out after 5s", "daemon restarted").</summary>
    public string? Message { get; init; }

    /// <summary>The tail of its stdout and stderr; left out of listings.</summary>
    public string? Output { get; init; }

    /// <summary>The engine's id of the run's container, once it started.</summary>
    public string? Container { get; init; }

    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;
}
