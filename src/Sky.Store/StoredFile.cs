namespace Sky.Store;

/// <summary>One configuration file as it was applied: its display path and its text.</summary>
public sealed record StoredFile(string Path, string Content);
