namespace Sky.Scheduler;

/// <summary>
/// Where the scheduler reads the jobs the applied configuration names. The daemon implements it over its desired
/// state; the scheduler cannot reference the supervisor (that would be a cycle), so it only sees this.
/// </summary>
public interface IJobSource
{
    /// <summary>A cheap marker that changes whenever the jobs may have changed (the newest revision number).</summary>
    long CurrentRevision();

    /// <summary>The jobs of the newest revision.</summary>
    JobsSnapshot Current();
}
