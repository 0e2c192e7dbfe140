namespace Sky.Logs.Store;

/// <summary>A source as the index keeps it: its number, labels, and how many lines are stored, up to when.</summary>
public sealed record SourceRow(long Id, LogSource Source, long Lines, long LastTicks);
