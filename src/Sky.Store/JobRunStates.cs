namespace Sky.Store;

/// <summary>The stored spelling of <see cref="JobRunState"/> (the same words as the API's).</summary>
public static class JobRunStates
{
    public static string ToText(JobRunState state) => state switch
    {
        JobRunState.Running => "running",
        JobRunState.Succeeded => "succeeded",
        JobRunState.Failed => "failed",
        JobRunState.TimedOut => "timed-out",
        JobRunState.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static JobRunState Parse(string text) => text switch
    {
        "running" => JobRunState.Running,
        "succeeded" => JobRunState.Succeeded,
        "failed" => JobRunState.Failed,
        "timed-out" => JobRunState.TimedOut,
        "skipped" => JobRunState.Skipped,
        _ => throw new FormatException($"'{text}' is not a job run state"),
    };

    /// <summary>Failed and timed-out runs always notify the maintainer.</summary>
    public static bool IsFailure(JobRunState state) => state is JobRunState.Failed or JobRunState.TimedOut;
}
