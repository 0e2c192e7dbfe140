using Sky.Model;
using Sky.Schedules;

namespace Sky.Scheduler;

/// <summary>The missed-run policy at start-up, as a pure function.</summary>
public static class MissedRuns
{
    /// <summary>
    /// The first tick missed since <paramref name="lastActivity"/> (the job's last recorded tick or run) when the policy is
    /// run-once and such a tick fell at or before <paramref name="now"/>; otherwise null. A job never recorded has missed
    /// nothing: it was not there to miss it.
    /// </summary>
    public static DateTimeOffset? CatchUpTick(JobSpec job, Schedule schedule, DateTimeOffset? lastActivity, DateTimeOffset now)
    {
        if (job.Missed != MissedRunPolicy.RunOnce || lastActivity is not { } last)
        {
            return null;
        }

        return schedule.NextAfter(last) is { } missed && missed <= now ? missed : null;
    }
}
