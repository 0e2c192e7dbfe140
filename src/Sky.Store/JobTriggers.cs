namespace Sky.Store;

/// <summary>What made a job run: its schedule, or someone asking (<c>sky job start</c>).</summary>
public static class JobTriggers
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";
}
