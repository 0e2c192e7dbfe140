using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Scheduler.Arming;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>
/// The daemon's scheduler: sleeps exactly until the earliest next tick of any job (never a fixed poll, so starts are
/// on time and an idle daemon costs nothing), hands the ticks due to the <see cref="JobDispatcher"/>, and wakes early
/// when the state feed says a new configuration was applied. Starts with <see cref="RunRecovery"/>, and runs arming
/// and retention beside its loop.
/// </summary>
public sealed class JobScheduler(
    StateFeed feed,
    ScheduledJobs jobs,
    JobDispatcher dispatcher,
    RunRecovery recovery,
    JobArming arming,
    RunRetention retention,
    ArmedContainers armory,
    JobRunRepository runs,
    TimeProvider clock,
    ILogger<JobScheduler> logger)
    : BackgroundService
{
    /// <summary>Longest single sleep: a wall-clock jump (NTP, suspend) is noticed within this.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long sleepingUntilTicks;

    /// <summary>While the loop sleeps, until when (UTC); null while it works. Lets tests on a fake clock move time only once it waits.</summary>
    internal DateTimeOffset? SleepingUntil => Interlocked.Read(ref sleepingUntilTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Completes once recovery and the first look at the configuration are done (tests and the bench wait on it).</summary>
    public Task Ready => ready.Task;

    /// <summary>Starts a run now (manual trigger, whatever the overlap policy); null when no job has that name.</summary>
    public long? StartNow(string name) =>
        jobs.Find(name) is { } job ? dispatcher.Dispatch(job, null, JobTriggers.Manual) : null;

    public JobSpec? Find(string name) => jobs.Find(name);

    /// <summary>Every job with its schedule, next tick and last run.</summary>
    public IReadOnlyList<JobOverview> Overview()
    {
        var latest = runs.LatestPerJob();
        return jobs.List().Select(scheduled =>
        {
            var job = scheduled.Job;
            var last = latest.GetValueOrDefault(job.Name);
            return new JobOverview(
                job.Name,
                job.Every,
                scheduled.Schedule?.Description ?? job.Every,
                scheduled.Next,
                dispatcher.ActiveCount(job.Name),
                last?.Number,
                last is null ? null : JobRunStates.ToText(last.State),
                last?.StartedAt ?? last?.DispatchedAt,
                last?.ExitCode);
        }).ToList();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var runsEnd = dispatcher.StopAsync();
        await base.StopAsync(cancellationToken);

        // Runs only detach on shutdown (their containers are adopted later), so this is quick; bounded all the same.
        // Armed containers go: nobody would release or follow them.
        await Task.WhenAny(Task.WhenAll(runsEnd, armory.DisarmAllAsync()), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await recovery.RecoverAsync(stoppingToken);
            jobs.Refresh();
            recovery.CatchUpMissedRuns();
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(exception, "the scheduler could not recover the runs of the previous daemon");
        }
        finally
        {
            ready.TrySetResult();
        }

        var background = Task.WhenAll(FollowRevisionsAsync(stoppingToken), retention.RunAsync(stoppingToken), arming.RunAsync(stoppingToken));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                // One bad tick (a store hiccup) must not end scheduling: log, breathe, go on.
                logger.LogError(exception, "scheduler tick failed");
                await ClockSleep.ForAsync(clock, TimeSpan.FromSeconds(1), stoppingToken);
            }
        }

        await background;
    }

    /// <summary>One turn of the loop: dispatch what is due, then sleep until the next tick or a change of the timetable.</summary>
    private async Task TickAsync(CancellationToken token)
    {
        var change = jobs.NextChange;
        var (due, next) = jobs.TakeDue(clock.GetUtcNow());
        foreach (var tick in due)
        {
            dispatcher.Dispatch(tick.Job, tick.ScheduledAt, JobTriggers.Schedule);
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

        var sleep = delay < MaxSleep ? delay : MaxSleep;
        Interlocked.Exchange(ref sleepingUntilTicks, (clock.GetUtcNow() + sleep).UtcTicks);
        await ClockSleep.ForOrUntilAsync(clock, sleep, change, token);
        Interlocked.Exchange(ref sleepingUntilTicks, 0);
    }

    /// <summary>Reads the timetable again when the state feed brings a revision other than the one it was made from.</summary>
    private async Task FollowRevisionsAsync(CancellationToken token)
    {
        await foreach (var item in feed.WatchAsync(cancellationToken: token))
        {
            var revision = item switch
            {
                DesiredStateChanged changed => changed.Revision,
                FeedSnapshot snapshot => snapshot.Revision,
                _ => jobs.Revision,
            };
            if (revision != jobs.Revision)
            {
                // The loop's sleep was computed from the old timetable: the refresh's change signal interrupts it.
                jobs.Refresh();
            }
        }
    }
}
