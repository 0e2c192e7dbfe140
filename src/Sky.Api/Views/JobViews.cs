using Sky.Contracts;
using Sky.Scheduler;
using Sky.Store;

namespace Sky.Api.Views;

/// <summary>The scheduler's and the store's job records in their wire shapes; durations become seconds.</summary>
public static class JobViews
{
    public static JobView From(JobOverview job) =>
        new(job.Name, job.Every, job.Schedule, job.NextRunAt, job.Running, job.LastRun, job.LastRunState, job.LastRunAt, job.LastExitCode);

    public static JobRunView From(JobRun run) => new()
    {
        Number = run.Number,
        Job = run.Job,
        Trigger = run.Trigger,
        ScheduledAt = run.ScheduledAt,
        DispatchedAt = run.DispatchedAt,
        StartedAt = run.StartedAt,
        EndedAt = run.EndedAt,
        DurationSeconds = run.Duration?.TotalSeconds,
        ExitCode = run.ExitCode,
        State = JobRunStates.ToText(run.State),
        Message = run.Message,
        Output = run.Output,
        Container = run.Container,
    };
}
