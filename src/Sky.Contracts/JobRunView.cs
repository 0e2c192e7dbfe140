namespace Sky.Contracts;

/// <summary>
/// One run of a job (<c>GET /jobs/NAME/runs</c>, <c>.../runs/NUMBER</c>, <c>.../logs</c>). <see cref="ScheduledAt"/> is the
/// tick it was due at (null for a manual run), <see cref="DispatchedAt"/> when the scheduler acted on it,
/// <see cref="StartedAt"/> when the engine confirmed the container started.
/// </summary>
public sealed record JobRunView
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string TimedOut = "timed-out";
    public const string Skipped = "skipped";

    /// <summary>The run's number within its job, from 1: <c>sky job logs NAME NUMBER</c>.</summary>
    public required long Number { get; init; }

    public required string Job { get; init; }

    /// <summary><c>schedule</c> or <c>manual</c>.</summary>
    public required string Trigger { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    public required DateTimeOffset DispatchedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>From start to end in seconds (<c>0.082</c>); null until the run has both.</summary>
    public double? DurationSeconds { get; init; }

    public long? ExitCode { get; init; }

    /// <summary><see cref="Running"/>, <see cref="Succeeded"/>, <see cref="Failed"/>, <see cref="TimedOut"/> or <see cref="Skipped"/>.</summary>
    public required string State { get; init; }

    /// <summary>Why it ended the way it did when the exit code alone does not say (<c>timed out after 5s</c>).</summary>
    public string? Message { get; init; }

    /// <summary>The tail of its stdout and stderr: in the logs answers, left out of listings.</summary>
    public string? Output { get; init; }

    /// <summary>The engine's id of the run's container, once it started.</summary>
    public string? Container { get; init; }
}
