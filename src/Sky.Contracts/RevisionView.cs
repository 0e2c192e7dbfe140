namespace Sky.Contracts;

/// <summary><c>GET /revisions</c>: an applied configuration, numbered from 1, and where it was applied from.</summary>
public sealed record RevisionView(long Number, DateTimeOffset CreatedAt, string Source);
