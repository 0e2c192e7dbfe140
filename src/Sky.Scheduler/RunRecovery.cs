using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model;
using Sky.Runtime;
using Sky.Scheduler.Arming;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>The scheduler's start-up: adopting the runs of the previous daemon, closing those whose container is gone, catching up missed ticks.</summary>
public sealed class RunRecovery(
    StateFeed feed,
    ScheduledJobs jobs,
    JobDispatcher dispatcher,
    JobRunner runner,
    JobRunRepository runs,
    IContainerRuntime runtime,
    Naming naming,
    TimeProvider clock,
    JobSchedulerOptions options,
    ILogger<RunRecovery> logger)
{
    /// <summary>
    /// Every run recorded as running either has its container (still running: adopt and wait for it; already ended:
    /// collect it) or has lost it (recorded failed, "daemon restarted"). Job containers whose run is already recorded
    /// as finished are leftovers of a crash between recording and removing: they go, and so do armed containers no run
    /// was released into (their pipe closed with the old daemon, so their command never ran).
    /// </summary>
    public async Task RecoverAsync(CancellationToken token)
    {
        // Another daemon's job containers are its own runs and armed containers, never leftovers of this one.
        var containers = await runtime.ListOwnContainersAsync(naming, SkyLabels.JobKind, token);
        var byRun = new Dictionary<long, ObservedContainer>();
        var armed = new Dictionary<string, ObservedContainer>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            if (long.TryParse(container.Labels.GetValueOrDefault(SkyLabels.Run), System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                byRun[id] = container;
            }
            else if (container.Labels.ContainsKey(ArmedContainers.ArmedLabel))
            {
                armed[container.Id] = container;
            }
        }

        var specs = feed.Current.State.Jobs;
        foreach (var record in runs.Unfinished())
        {
            if (!byRun.Remove(record.Id, out var container) && record.Container is { } released)
            {
                armed.Remove(released, out container);
            }

            var job = specs.FirstOrDefault(j => j.Name == record.Job)
                ?? new JobSpec { Name = record.Job, Image = container?.Image ?? string.Empty, Every = string.Empty };
            if (container is null)
            {
                await runner.CompleteAsync(job, record.Id, JobRunState.Failed, null, null, "daemon restarted (the run's container is gone)");
                continue;
            }

            if (container.State == ContainerState.Created)
            {
                await runtime.RemoveQuietlyAsync(container.Id, logger);
                await runner.CompleteAsync(job, record.Id, JobRunState.Failed, null, null, "daemon restarted before the run started");
                continue;
            }

            logger.LogInformation("adopting job {Job} run {Run} ({State})", job.Name, record.Id, container.State);
            var startedAt = record.StartedAt ?? container.Created ?? record.DispatchedAt;
            var run = new ActiveRun(record.Id, job);
            dispatcher.Adopt(run, t => runner.FollowAsync(run, container.Id, startedAt, t));
        }

        foreach (var leftover in byRun.Values.Concat(armed.Values))
        {
            await runtime.RemoveQuietlyAsync(leftover.Id, logger);
        }

        if (options.ArmFolder is { } folder && Directory.Exists(folder))
        {
            // The pipes of the previous daemon's armed containers: all of them are gone or adopted by now.
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>For jobs with <c>missed: run-once</c>: one run now if a tick fell while the daemon was down.</summary>
    public void CatchUpMissedRuns()
    {
        var now = clock.GetUtcNow();
        var catchUps = jobs.List()
            .Where(j => j.Job.Missed == MissedRunPolicy.RunOnce && j.Schedule is not null)
            .Select(j => MissedRuns.CatchUpTick(j.Job, j.Schedule!, runs.LastActivity(j.Job.Name), now) is { } missed ? new DueTick(j.Job, missed) : null)
            .OfType<DueTick>()
            .ToList();
        foreach (var tick in catchUps)
        {
            logger.LogInformation("job {Job}: catching up the run due at {Tick:O}", tick.Job.Name, tick.ScheduledAt);
            dispatcher.Dispatch(tick.Job, tick.ScheduledAt, JobTriggers.Schedule);
        }
    }
}
