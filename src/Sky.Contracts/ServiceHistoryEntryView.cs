namespace Sky.Contracts;

/// <summary>One revision that changed a service: when, from what source, what changed and how it went.</summary>
public sealed record ServiceHistoryEntryView(long Revision, DateTimeOffset CreatedAt, string Source, string Kind, EntryChangeView Change);
