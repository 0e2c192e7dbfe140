using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model;
using Sky.Runtime;
using Sky.Scheduler.Arming;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>
/// The daemon's scheduler: sleeps exactly until the earliest next tick of any job (never a fixed poll, so starts are
/// on time and an idle daemon costs nothing), dispatches the ticks due through the overlap policy, and wakes early
/// when the state feed says a new configuration was applied. Every decision goes through the pure <see cref="JobTimetable"/>,
/// <see cref="OverlapRules"/> and <see cref="MissedRuns"/>.
/// </summary>
public sealed partial class JobScheduler(
    StateFeed feed,
    JobRunner runner,
    ArmedContainers armory,
    JobRunRepository runs,
    IContainerRuntime runtime,
    Naming naming,
    TimeProvider clock,
    JobSchedulerOptions options,
    ILogger<JobScheduler> logger)
    : BackgroundService
{
    /// <summary>Longest single sleep: a wall-clock jump (NTP, suspend) is noticed within this.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly JobTimetable timetable = new();
    private readonly Dictionary<string, JobSlot> slots = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource shutdown = new();
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int dirty = 1;
    private long knownRevision = -1;
    private long sleepingUntilTicks;

    /// <summary>While the loop sleeps, until when (UTC); null while it works. Lets tests on a fake clock move time only once it waits.</summary>
    internal DateTimeOffset? SleepingUntil => Interlocked.Read(ref sleepingUntilTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Completes once recovery and the first look at the configuration are done (tests and the bench wait on it).</summary>
    public Task Ready => ready.Task;

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Asks the loop to read the configuration again and recompute its sleep.</summary>
    public void Wake()
    {
        Interlocked.Exchange(ref dirty, 1);
        Interlocked.Exchange(ref wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Starts a run now (manual trigger, whatever the overlap policy); null when no job has that name.</summary>
    public long? StartNow(string name)
    {
        RefreshIfChanged();
        JobSpec? job;
        lock (gate)
        {
            job = timetable.Find(name);
        }

        return job is null ? null : Dispatch(job, null, JobTriggers.Manual);
    }

    public JobSpec? Find(string name)
    {
        RefreshIfChanged();
        lock (gate)
        {
            return timetable.Find(name);
        }
    }

    /// <summary>Every job with its schedule, next tick and last run.</summary>
    public IReadOnlyList<JobOverview> Overview()
    {
        RefreshIfChanged();
        var latest = runs.LatestPerJob();
        lock (gate)
        {
            return timetable.Jobs.Select(job =>
            {
                var last = latest.GetValueOrDefault(job.Name);
                return new JobOverview(
                    job.Name,
                    job.Every,
                    timetable.ScheduleOf(job.Name)?.Description ?? job.Every,
                    timetable.NextOf(job.Name),
                    slots.TryGetValue(job.Name, out var slot) ? slot.Active.Count : 0,
                    last?.Number,
                    last is null ? null : JobRunStates.ToText(last.State),
                    last?.StartedAt ?? last?.DispatchedAt,
                    last?.ExitCode);
            }).ToList();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await shutdown.CancelAsync();
        await base.StopAsync(cancellationToken);
        Task[] active;
        lock (gate)
        {
            active = slots.Values.SelectMany(s => s.Active).Select(r => r.Completion).ToArray();
        }

        // Runs only detach on shutdown (their containers are adopted later), so this is quick; bounded all the same.
        // Armed containers go: nobody would release or follow them.
        await Task.WhenAny(Task.WhenAll([.. active, armory.DisarmAllAsync()]), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    public override void Dispose()
    {
        shutdown.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, shutdown.Token);
        var token = stopping.Token;
        try
        {
            await RecoverAsync(token);
            Refresh();
            CatchUpMissedRuns();
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            logger.LogError(exception, "the scheduler could not recover the runs of the previous daemon");
        }
        finally
        {
            ready.TrySetResult();
        }

        var background = Task.WhenAll(FollowRevisionsAsync(token), RetainAsync(token), ArmAheadAsync(token));
        while (!token.IsCancellationRequested)
        {
            try
            {
                await TickAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                // One bad tick (a store hiccup) must not end scheduling: log, breathe, go on.
                logger.LogError(exception, "scheduler tick failed");
                await Delay(TimeSpan.FromSeconds(1), token);
            }
        }

        await background;
    }

    /// <summary>One turn of the loop: dispatch what is due, then sleep until the next tick or a wake-up.</summary>
    private async Task TickAsync(CancellationToken token)
    {
        var signal = Volatile.Read(ref wake);
        if (Interlocked.Exchange(ref dirty, 0) == 1)
        {
            Refresh();
        }

        IReadOnlyList<DueTick> due;
        DateTimeOffset? next;
        lock (gate)
        {
            due = timetable.TakeDue(clock.GetUtcNow());
            next = timetable.NextDue();
        }

        foreach (var tick in due)
        {
            Dispatch(tick.Job, tick.ScheduledAt, JobTriggers.Schedule);
        }

        if (due.Count > 0)
        {
            return;
        }

        var delay = next is { } at ? at - clock.GetUtcNow() : MaxSleep;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(token);
        var sleep = delay < MaxSleep ? delay : MaxSleep;
        Interlocked.Exchange(ref sleepingUntilTicks, (clock.GetUtcNow() + sleep).UtcTicks);
        await Task.WhenAny(Task.Delay(sleep, clock, sleeping.Token), signal.Task);
        Interlocked.Exchange(ref sleepingUntilTicks, 0);
        await sleeping.CancelAsync();
    }

    /// <summary>Applies the overlap policy to a tick and starts, queues or skips it; returns the run id when one was recorded as running.</summary>
    private long? Dispatch(JobSpec job, DateTimeOffset? scheduledAt, string trigger)
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

    /// <summary>Runs <paramref name="body"/> off the loop's thread, then frees the slot and starts a queued tick if one waits.</summary>
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
                queued = waiting with { Job = timetable.Find(run.Job.Name) ?? waiting.Job };
            }
        }

        if (queued is not null)
        {
            Dispatch(queued.Job, queued.ScheduledAt, JobTriggers.Schedule);
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

    private void RefreshIfChanged()
    {
        if (feed.Current.Revision != Interlocked.Read(ref knownRevision))
        {
            Refresh();
        }
    }

    private void Refresh()
    {
        var snapshot = feed.Current;
        lock (gate)
        {
            foreach (var error in timetable.Update(snapshot.State.Jobs, clock.GetUtcNow()))
            {
                logger.LogWarning("job not scheduled: {Error}", error);
            }

            Interlocked.Exchange(ref knownRevision, snapshot.Revision);
        }

        // Whoever refreshed (the loop, or an API call that noticed the new revision first), the loop's sleep was
        // computed from the old timetable: interrupt it so it recomputes.
        Interlocked.Exchange(ref wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
