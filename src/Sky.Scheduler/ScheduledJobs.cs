using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model;
using Sky.Schedules;

namespace Sky.Scheduler;

/// <summary>
/// The jobs of the applied configuration and their next ticks: a <see cref="JobTimetable"/> kept current from the state
/// feed and shared, under one lock, by the scheduler's loop, its arming and the API. Says when it changed, so whoever
/// sleeps until a tick computed from it can compute again.
/// </summary>
public sealed class ScheduledJobs(StateFeed feed, TimeProvider clock, ILogger<ScheduledJobs> logger)
{
    private readonly Lock gate = new();
    private readonly JobTimetable timetable = new();
    private long knownRevision = -1;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change of the timetable (a new revision read, ticks taken); take it before reading.</summary>
    public Task NextChange => Volatile.Read(ref changed).Task;

    /// <summary>The revision the timetable was made from; -1 before the first read.</summary>
    public long Revision => Interlocked.Read(ref knownRevision);

    /// <summary>Reads the configuration again when the feed holds a revision other than the one the timetable came from.</summary>
    public void RefreshIfChanged()
    {
        if (feed.Current.Revision != Revision)
        {
            Refresh();
        }
    }

    /// <summary>Reads the jobs of the feed's current revision; a job whose schedule did not change keeps its next tick.</summary>
    public void Refresh()
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

        Changed();
    }

    public JobSpec? Find(string name)
    {
        RefreshIfChanged();
        lock (gate)
        {
            return timetable.Find(name);
        }
    }

    /// <summary>Every tick due by <paramref name="now"/> (each job moves on to its next), and the earliest tick after them.</summary>
    public (IReadOnlyList<DueTick> Due, DateTimeOffset? Next) TakeDue(DateTimeOffset now)
    {
        IReadOnlyList<DueTick> due;
        DateTimeOffset? next;
        lock (gate)
        {
            due = timetable.TakeDue(now);
            next = timetable.NextDue();
        }

        if (due.Count > 0)
        {
            Changed();
        }

        return (due, next);
    }

    /// <summary>Every job with its schedule and next tick, by name.</summary>
    public IReadOnlyList<ScheduledJob> List()
    {
        RefreshIfChanged();
        lock (gate)
        {
            return timetable.Jobs.Select(job => new ScheduledJob(job, timetable.ScheduleOf(job.Name), timetable.NextOf(job.Name))).ToList();
        }
    }

    private void Changed() =>
        Interlocked.Exchange(ref changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
