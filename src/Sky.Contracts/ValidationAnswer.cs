namespace Sky.Contracts;

/// <summary>
/// Whether a configuration is valid, with every error as <c>file:line:col: key: message</c>, and every warning (which
/// does not make it invalid) written the same way.
/// </summary>
public sealed record ValidationAnswer(bool Ok, IReadOnlyList<string> Errors, IReadOnlyList<string> Services, IReadOnlyList<string> Jobs)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
