using Sky.Model;
using Sky.Schedules;

namespace Sky.Scheduler;

/// <summary>One job as the timetable holds it: its spec, its parsed schedule, its next tick (null when none comes).</summary>
public sealed record ScheduledJob(JobSpec Job, Schedule? Schedule, DateTimeOffset? Next);
