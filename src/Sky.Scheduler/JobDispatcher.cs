using Microsoft.Extensions.Logging;
using Sky.Model;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>
/// Starts runs: applies a job's overlap policy to each tick (start, queue, skip, replace), records the run, runs it off
/// the caller's thread, and when it ends starts the tick that waited for it. Holds every run going on, so the daemon's
/// stop can wait for them.
/// </summary>
public sealed class JobDispatcher(JobRunner runner, JobRunRepository runs, ScheduledJobs jobs, TimeProvider clock, ILogger<JobDispatcher> logger)
    : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, JobSlot> slots = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource shutdown = new();

    /// <summary>Applies the overlap policy to a tick and starts, queues or skips it; returns the run id when one was recorded as running.</summary>
    public long? Dispatch(JobSpec job, DateTimeOffset? scheduledAt, string trigger)
    {
        lock (gate)
        {
            var slot = Slot(job.Name);
            var decision = trigger == JobTriggers.Manual
                ? OverlapDecision.Start
                : OverlapRules.Decide(job.Overlap, slot.Active.Count > 0, slot.Queued is not null);
            Task? after = null;
            switch (decision)
            {
                case OverlapDecision.Skip:
                    var running = string.Join(", ", slot.Active.Select(r => r.Id));
                    runs.RecordSkipped(job.Name, trigger, scheduledAt, slot.Queued is null ? $"run {running} still going" : $"run {running} still going and a run already waits");
                    return null;
                case OverlapDecision.Queue:
                    slot.Queued = new DueTick(job, scheduledAt ?? clock.GetUtcNow());
                    return null;
                case OverlapDecision.Replace:
                    var previous = slot.Active.ToList();
                    foreach (var old in previous)
                    {
                        old.RequestStop("replaced by a newer run (overlap: replace)");
                    }

                    after = Task.WhenAll(previous.Select(r => r.Completion));
                    break;
                default:
                    break;
            }

            var id = runs.Begin(job.Name, trigger, scheduledAt);
            var run = new ActiveRun(id, job);
            slot.Active.Add(run);
            run.Completion = RunAndReleaseAsync(run, token => runner.RunAsync(run, after, token));
            return id;
        }
    }

    /// <summary>Takes on a run the previous daemon started, whose container still exists: <paramref name="follow"/> sees it to its end.</summary>
    internal void Adopt(ActiveRun run, Func<CancellationToken, Task> follow)
    {
        lock (gate)
        {
            Slot(run.Job.Name).Active.Add(run);
            run.Completion = RunAndReleaseAsync(run, follow);
        }
    }

    /// <summary>How many runs of the job are going on.</summary>
    public int ActiveCount(string job)
    {
        lock (gate)
        {
            return slots.TryGetValue(job, out var slot) ? slot.Active.Count : 0;
        }
    }

    /// <summary>Tells every run the daemon stops (they detach, leaving their containers to the next daemon) and waits for their ends.</summary>
    public async Task StopAsync()
    {
        await shutdown.CancelAsync();
        Task ends;
        lock (gate)
        {
            ends = Task.WhenAll(slots.Values.SelectMany(s => s.Active).Select(r => r.Completion).ToArray());
        }

        await ends;
    }

    public void Dispose() => shutdown.Dispose();

    /// <summary>Runs <paramref name="body"/> off the caller's thread, then frees the slot and starts a queued tick if one waits.</summary>
    private async Task RunAndReleaseAsync(ActiveRun run, Func<CancellationToken, Task> body)
    {
        await Task.Yield();
        try
        {
            await body(shutdown.Token);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "job {Job} run {Run} failed unexpectedly", run.Job.Name, run.Id);
        }

        DueTick? queued = null;
        lock (gate)
        {
            var slot = Slot(run.Job.Name);
            slot.Active.Remove(run);
            if (slot.Active.Count == 0 && slot.Queued is { } waiting && !shutdown.IsCancellationRequested)
            {
                slot.Queued = null;
                queued = waiting;
            }
        }

        if (queued is not null)
        {
            // The tick waited under the job as it was; it runs as the job is now.
            Dispatch(jobs.Find(run.Job.Name) ?? queued.Job, queued.ScheduledAt, JobTriggers.Schedule);
        }
    }

    private JobSlot Slot(string name)
    {
        if (!slots.TryGetValue(name, out var slot))
        {
            slot = new JobSlot();
            slots[name] = slot;
        }

        return slot;
    }
}
