using Sky.Model;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>The notifier of last resort: writes the notice to the event log, where the CLI and the page show it.</summary>
public sealed class EventLogJobNotifier(EventLog events) : IJobNotifier
{
    public const string Kind = "job-notify";

    public Task RunFinishedAsync(JobSpec job, JobRun run, CancellationToken cancellationToken)
    {
        if (JobRunStates.IsFailure(run.State) || job.NotifyOnCompletion)
        {
            var to = job.Maintainer is { } maintainer ? $" (to {maintainer.Name} <{maintainer.Email}>)" : string.Empty;
            events.Append(Kind, job.Name, null, JobRunSummary.Subject(job, run) + to);
        }

        return Task.CompletedTask;
    }
}
