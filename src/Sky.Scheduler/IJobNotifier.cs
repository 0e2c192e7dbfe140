using Sky.Model;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>Tells a job's maintainer how a run ended. Called for every failed run, and for every run of a job with notify-on-completion.</summary>
public interface IJobNotifier
{
    Task RunFinishedAsync(JobSpec job, JobRun run, CancellationToken cancellationToken);
}
