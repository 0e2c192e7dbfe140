using Sky.Model;
using Sky.Schedules;

namespace Sky.Scheduler;

/// <summary>
/// The next due instant of every job: pure bookkeeping, no clock of its own, so it is tested with plain instants.
/// A job whose schedule did not change keeps its next tick across configuration changes; a changed or new schedule
/// counts from the moment it is seen. Ticks missed while the process was busy or asleep are coalesced into one.
/// </summary>
public sealed class JobTimetable
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Takes the jobs of a new revision; returns one error line per job whose schedule cannot be read.</summary>
    public IReadOnlyList<string> Update(IReadOnlyList<JobSpec> jobs, DateTimeOffset now)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            seen.Add(job.Name);
            if (entries.TryGetValue(job.Name, out var existing) && existing.Job.Every == job.Every && existing.Job.TimeZone == job.TimeZone)
            {
                entries[job.Name] = existing with { Job = job };
                continue;
            }

            // The configuration refuses bad schedules; this only guards against a stored revision from an older parser.
            if (!ScheduleParser.TryParse(job.Every, job.TimeZone, out var schedule, out var error))
            {
                entries.Remove(job.Name);
                errors.Add($"{job.Name}: {error}");
                continue;
            }

            entries[job.Name] = new Entry(job, schedule, schedule.NextAfter(now));
        }

        foreach (var gone in entries.Keys.Where(name => !seen.Contains(name)).ToList())
        {
            entries.Remove(gone);
        }

        return errors;
    }

    public int Count => entries.Count;

    /// <summary>The earliest next tick of any job; null when no job has one.</summary>
    public DateTimeOffset? NextDue()
    {
        DateTimeOffset? earliest = null;
        foreach (var entry in entries.Values)
        {
            if (entry.Next is { } next && (earliest is null || next < earliest))
            {
                earliest = next;
            }
        }

        return earliest;
    }

    /// <summary>Every tick due at or before <paramref name="now"/>, in due order; each job then moves to its next tick after now.</summary>
    public IReadOnlyList<DueTick> TakeDue(DateTimeOffset now)
    {
        var due = new List<DueTick>();
        foreach (var (name, entry) in entries)
        {
            if (entry.Next is { } next && next <= now)
            {
                due.Add(new DueTick(entry.Job, next));
                entries[name] = entry with { Next = entry.Schedule.NextAfter(now) };
            }
        }

        due.Sort((a, b) => a.ScheduledAt.CompareTo(b.ScheduledAt));
        return due;
    }

    public JobSpec? Find(string name) => entries.TryGetValue(name, out var entry) ? entry.Job : null;

    public Schedule? ScheduleOf(string name) => entries.TryGetValue(name, out var entry) ? entry.Schedule : null;

    public DateTimeOffset? NextOf(string name) => entries.TryGetValue(name, out var entry) ? entry.Next : null;

    public IReadOnlyList<JobSpec> Jobs => entries.Values.Select(e => e.Job).OrderBy(j => j.Name, StringComparer.Ordinal).ToList();

    private sealed record Entry(JobSpec Job, Schedule Schedule, DateTimeOffset? Next);
}
