using Sky.Model;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>
/// Hears how every run ended and decides who is told: a failed run always reaches the maintainer, a good one only when
/// the job asks for it (<c>notify-on-completion</c>) or when it ends a series of failures.
/// </summary>
public interface IJobNotifier
{
    Task RunFinishedAsync(JobSpec job, JobRun run, CancellationToken cancellationToken);
}
