namespace Sky.Runtime;

/// <summary>One line of container output (without its line break), with the engine's timestamp when asked for.</summary>
public sealed record LogEntry(LogStream Stream, string Text, DateTimeOffset? Timestamp);
