using Sky.Model;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>
/// The notifier of last resort: writes what became of the run to the event log, where the CLI and the page show it. It
/// names nobody: whether the maintainer was told is the alerts' to say (they log each delivery, or that nobody was told).
/// </summary>
public sealed class EventLogJobNotifier(EventLog events) : IJobNotifier
{
    public const string Kind = "job-notify";

    public Task RunFinishedAsync(JobSpec job, JobRun run, CancellationToken cancellationToken)
    {
        if (JobRunStates.IsFailure(run.State) || job.NotifyOnCompletion)
        {
            events.Append(Kind, job.Name, null, JobRunSummary.Subject(job, run));
        }

        return Task.CompletedTask;
    }
}
