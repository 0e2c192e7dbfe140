namespace Sky.Scheduler;

/// <summary>The answer to a forced run: which run it is, so the caller can follow it.</summary>
public sealed record JobRunStarted(string Job, long RunId);
