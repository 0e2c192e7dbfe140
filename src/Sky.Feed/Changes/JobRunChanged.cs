namespace Sky.Feed.Changes;

/// <summary>
/// A run of a recurrent job began, started its container, or ended (<see cref="State"/> as the run records say it);
/// <see cref="Run"/> is its number within the job, as people address it.
/// </summary>
public sealed record JobRunChanged(string Job, long Run, string State, long? ExitCode, string? Message) : FeedChange
{
    public override string? Service => Job;
}
