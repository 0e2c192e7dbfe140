using Microsoft.Extensions.Logging;
using Sky.Scheduler.Arming;

namespace Sky.Scheduler;

/// <summary>
/// Keeps a container ready for every job due within <see cref="JobSchedulerOptions.ArmAhead"/>, soonest first, one at a
/// time (the engine is the bottleneck), and disarms those of jobs that changed or went away. Looks every
/// <see cref="JobSchedulerOptions.ArmInterval"/> while some job is due that soon; otherwise sleeps until the first one
/// comes within reach or the timetable changes.
/// </summary>
public sealed class JobArming(ArmedContainers armory, ScheduledJobs jobs, TimeProvider clock, JobSchedulerOptions options, ILogger<JobArming> logger)
{
    /// <summary>Longest sleep with nothing due soon: a wall-clock jump is noticed within this.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken token)
    {
        if (!armory.Enabled)
        {
            return;
        }

        var sleep = options.ArmInterval;
        do
        {
            var change = jobs.NextChange;
            if (!await ClockSleep.ForOrUntilAsync(clock, sleep, change, token))
            {
                return;
            }

            try
            {
                sleep = await PassAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning("arming job containers failed: {Error}", exception.Message);
                sleep = options.ArmInterval;
            }
        }
        while (!token.IsCancellationRequested);
    }

    /// <summary>Arms and disarms once; returns how long to sleep before the next look.</summary>
    private async Task<TimeSpan> PassAsync(CancellationToken token)
    {
        var listed = jobs.List();
        var horizon = clock.GetUtcNow() + options.ArmAhead;
        var due = listed
            .Where(j => j.Next is { } next && next <= horizon && armory.ShouldArm(j.Job))
            .OrderBy(j => j.Next)
            .Select(j => j.Job)
            .ToList();
        await armory.DisarmStaleAsync(listed.Select(j => j.Job).ToList());
        foreach (var job in due.TakeWhile(_ => !token.IsCancellationRequested))
        {
            await armory.ArmAsync(job, token);
        }

        return NextLookIn(listed, clock.GetUtcNow(), options);
    }

    /// <summary>
    /// How long to sleep after a look: <see cref="JobSchedulerOptions.ArmInterval"/> while a job is due within
    /// <see cref="JobSchedulerOptions.ArmAhead"/> (its run may claim its container at any moment and want another),
    /// otherwise until the first job comes that close, at most a minute.
    /// </summary>
    internal static TimeSpan NextLookIn(IEnumerable<ScheduledJob> jobs, DateTimeOffset now, JobSchedulerOptions options)
    {
        var nextIn = jobs.Where(j => j.Next is not null).Select(j => j.Next!.Value - options.ArmAhead - now).DefaultIfEmpty(MaxSleep).Min();
        return nextIn <= options.ArmInterval ? options.ArmInterval : nextIn < MaxSleep ? nextIn : MaxSleep;
    }
}
