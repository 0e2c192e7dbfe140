namespace Sky.Contracts;

/// <summary>One line of a container's output as the API streams it.</summary>
public sealed record LogLine(string Container, string Stream, DateTimeOffset? Time, string Text);
