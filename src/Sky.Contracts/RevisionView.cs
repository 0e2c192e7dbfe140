namespace Sky.Contracts;

/// <summary>A revision in a list: its number, when, what made it (<see cref="Source"/>: the source applied, or <c>rollback of web to revision 7</c>) and how (<see cref="Kind"/>: apply, remove, rollback, auto-rollback).</summary>
public sealed record RevisionView(long Number, DateTimeOffset CreatedAt, string Source)
{
    public string Kind { get; init; } = "apply";
}
