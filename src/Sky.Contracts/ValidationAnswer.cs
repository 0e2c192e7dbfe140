namespace Sky.Contracts;

/// <summary>Whether a configuration is valid, with every error as <c>file:line:col: key: message</c>.</summary>
public sealed record ValidationAnswer(bool Ok, IReadOnlyList<string> Errors, IReadOnlyList<string> Services, IReadOnlyList<string> Jobs);
