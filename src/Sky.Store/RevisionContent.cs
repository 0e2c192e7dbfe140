namespace Sky.Store;

/// <summary>The whole desired state a revision stands for, as what produced it: every source and every pin.</summary>
public sealed record RevisionContent(IReadOnlyList<RevisionSource> Sources, IReadOnlyList<RevisionPin> Pins)
{
    public static RevisionContent Empty { get; } = new([], []);
}
