namespace Sky.Cli.Output;

/// <summary>One step of an <see cref="OperationJson"/>: its target, action, how it ended (<c>pending</c> if it did not) and why.</summary>
public sealed record OperationStepJson(string Target, string Action, string? Status, string? Message);
