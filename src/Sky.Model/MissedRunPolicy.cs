namespace Sky.Model;

/// <summary>What the scheduler does about runs that fell due while the daemon was down.</summary>
public enum MissedRunPolicy
{
    /// <summary>Forget them; wait for the next tick (the default, as cron does).</summary>
    Skip,

    /// <summary>Run once at start-up if at least one run was missed.</summary>
    RunOnce,
}
