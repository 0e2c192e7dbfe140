namespace Sky.Contracts;

/// <summary>A job of the applied revision and its schedule as written (<c>1 day at 17:00</c>).</summary>
public sealed record JobSummaryView(string Name, string Every);
