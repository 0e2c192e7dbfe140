namespace Sky.Cli.Output;

/// <summary>
/// An operation's whole outcome with <c>-o json</c> (<c>sky apply</c>, <c>deploy</c>, <c>service start</c>...): whether it
/// went through, the revision it made, a deploy's rollout outcome and why, the entries changed, the warnings, each step.
/// </summary>
public sealed record OperationJson(
    bool Ok,
    long? Revision,
    string? Outcome,
    long? RollbackRevision,
    IReadOnlyList<string> Why,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<OperationStepJson> Steps);
