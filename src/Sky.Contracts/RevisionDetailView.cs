namespace Sky.Contracts;

/// <summary>One revision whole: what made it, every source and pin it holds, and what it changed.</summary>
public sealed record RevisionDetailView(
    long Number,
    DateTimeOffset CreatedAt,
    string Source,
    string Kind,
    IReadOnlyList<RevisionSourceView> Sources,
    IReadOnlyList<RevisionPinView> Pins,
    IReadOnlyList<EntryChangeView> Changes);
