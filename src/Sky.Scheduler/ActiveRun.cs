using Sky.Model;

namespace Sky.Scheduler;

/// <summary>A run in progress: its record id, the job as it was when it started, and a way to ask it to stop.</summary>
internal sealed class ActiveRun(long id, JobSpec job)
{
    private readonly TaskCompletionSource<string> stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Id { get; } = id;

    public JobSpec Job { get; } = job;

    /// <summary>Completes with the reason when someone (the replace policy) wants the run stopped.</summary>
    public Task<string> StopRequested => stopRequested.Task;

    /// <summary>Ends when the run is recorded and its container removed (or left for adoption at shutdown).</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    public void RequestStop(string reason) => stopRequested.TrySetResult(reason);
}
