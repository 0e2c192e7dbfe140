namespace Sky.Store;

/// <summary>An applied configuration: numbered from 1, never changed afterwards.</summary>
public sealed record Revision(long Number, DateTimeOffset CreatedAt, string Source, IReadOnlyList<StoredFile> Files);
