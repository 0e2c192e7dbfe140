namespace Sky.Contracts;

/// <summary><c>POST /jobs/NAME/start</c>: which run was started (its number within the job), so the caller can follow it.</summary>
public sealed record JobStartAnswer(string Job, long Run);
