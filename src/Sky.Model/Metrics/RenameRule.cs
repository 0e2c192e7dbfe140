namespace Sky.Model.Metrics;

/// <summary>Replaces what <see cref="From"/> (a regular expression) matches in a polled name with <see cref="To"/> (<c>$1</c> allowed).</summary>
public sealed record RenameRule(string From, string To);
