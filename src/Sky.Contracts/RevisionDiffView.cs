namespace Sky.Contracts;

/// <summary>How the desired state of revision <see cref="To"/> differs from that of <see cref="From"/>, entry by entry.</summary>
public sealed record RevisionDiffView(long From, long To, IReadOnlyList<EntryChangeView> Changes);
