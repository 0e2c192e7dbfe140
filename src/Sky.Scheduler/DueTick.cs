using Sky.Model;

namespace Sky.Scheduler;

/// <summary>One tick of a job that fell due: the job as configured now and the instant it was due at.</summary>
public sealed record DueTick(JobSpec Job, DateTimeOffset ScheduledAt);
