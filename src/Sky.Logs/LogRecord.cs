namespace Sky.Logs;

/// <summary>
/// One line of a container's output as sky keeps it: the engine's timestamp, the stream (<c>stdout</c> or
/// <c>stderr</c>), the text as UTF-8 decoded (invalid bytes became U+FFFD) and whether it was cut at the line limit.
/// </summary>
public sealed record LogRecord(LogSource Source, DateTimeOffset Time, string Stream, string Text, bool Truncated);
