namespace Sky.Contracts;

/// <summary>One configuration file: its display path and its text.</summary>
public sealed record FileContent(string? Path, string? Content);
