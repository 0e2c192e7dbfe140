using System.Collections.Concurrent;
using Sky.Model;
using Sky.Store;

namespace Sky.Scheduler.Tests.Jobs;

/// <summary>Keeps every notice, so tests can check who was told what.</summary>
public sealed class RecordingNotifier : IJobNotifier
{
    public ConcurrentQueue<JobRun> Notified { get; } = new();

    public Task RunFinishedAsync(JobSpec job, JobRun run, CancellationToken cancellationToken)
    {
        Notified.Enqueue(run);
        return Task.CompletedTask;
    }
}
