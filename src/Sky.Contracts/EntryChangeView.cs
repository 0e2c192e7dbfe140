namespace Sky.Contracts;

/// <summary>
/// What a revision did to one entry: <c>added</c>, <c>changed</c> (a line per key in <see cref="Details"/>) or
/// <c>removed</c>, and how acting on it went (<c>deployed</c>, <c>failed</c>, <c>rolled back</c>, <c>recorded</c>; none
/// for a preview).
/// </summary>
public sealed record EntryChangeView(string Entry, string Kind, string Change, IReadOnlyList<string> Details)
{
    public long? Revision { get; init; }

    public string? Outcome { get; init; }

    public string? OutcomeMessage { get; init; }
}
