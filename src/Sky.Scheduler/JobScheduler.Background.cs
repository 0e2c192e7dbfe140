using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;

namespace Sky.Scheduler;

/// <summary>
/// The scheduler's companions: hearing of a newly applied revision from the feed, trimming old run records, and arming the
/// containers of jobs whose tick comes soon.
/// </summary>
public sealed partial class JobScheduler
{
    /// <summary>Wakes the loop when the state feed brings a revision other than the one the timetable was made from.</summary>
    private async Task FollowRevisionsAsync(CancellationToken token)
    {
        await foreach (var item in feed.WatchAsync(cancellationToken: token))
        {
            var revision = item switch
            {
                DesiredStateChanged changed => changed.Revision,
                FeedSnapshot snapshot => snapshot.Revision,
                _ => Interlocked.Read(ref knownRevision),
            };
            if (revision != Interlocked.Read(ref knownRevision))
            {
                Wake();
            }
        }
    }

    private async Task RetainAsync(CancellationToken token)
    {
        do
        {
            try
            {
                runs.ApplyRetention(options.KeepRunsPerJob, options.MaxRunAge);
            }
            catch (Exception exception)
            {
                logger.LogWarning("job run retention failed: {Error}", exception.Message);
            }
        }
        while (await Delay(options.RetentionInterval, token));
    }

    /// <summary>
    /// Keeps a container ready for every job due within <see cref="JobSchedulerOptions.ArmAhead"/>, soonest first, one
    /// at a time (the engine is the bottleneck), and disarms those of jobs that changed or went away.
    /// </summary>
    private async Task ArmAheadAsync(CancellationToken token)
    {
        if (!armory.Enabled)
        {
            return;
        }

        while (await Delay(options.ArmInterval, token))
        {
            try
            {
                List<JobSpec> jobs;
                List<JobSpec> due;
                lock (gate)
                {
                    var horizon = clock.GetUtcNow() + options.ArmAhead;
                    jobs = timetable.Jobs.ToList();
                    due = jobs
                        .Select(job => (Job: job, Next: timetable.NextOf(job.Name)))
                        .Where(j => j.Next is { } next && next <= horizon && armory.ShouldArm(j.Job))
                        .OrderBy(j => j.Next)
                        .Select(j => j.Job)
                        .ToList();
                }

                await armory.DisarmStaleAsync(jobs);
                foreach (var job in due.TakeWhile(_ => !token.IsCancellationRequested))
                {
                    await armory.ArmAsync(job, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning("arming job containers failed: {Error}", exception.Message);
            }
        }
    }

    /// <summary>Sleeps on the scheduler's clock; false when the daemon stops.</summary>
    private async Task<bool> Delay(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, clock, token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
