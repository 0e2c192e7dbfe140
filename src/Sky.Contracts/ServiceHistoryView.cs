namespace Sky.Contracts;

/// <summary>The revisions that changed a service (or job), newest first.</summary>
public sealed record ServiceHistoryView(string Name, long CurrentRevision, IReadOnlyList<ServiceHistoryEntryView> Revisions);
