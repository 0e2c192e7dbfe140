namespace Sky.Contracts;

/// <summary>The body of every error answer: one sentence, and further lines (every configuration error, for instance).</summary>
public sealed record ApiError(string Error, IReadOnlyList<string>? Details = null);
