namespace Sky.Supervisor;

/// <summary>One report of the executor about one plan step, streamed to whoever asked for the operation.</summary>
public sealed record StepProgress(int StepId, string Target, StepStatus Status, string? Message = null);
