namespace Sky.Contracts;

/// <summary>Configuration files sent by the CLI: what <c>sky apply PATH</c> read, with the path it was given.</summary>
public sealed record FilesRequest(string? Source, IReadOnlyList<FileContent>? Files);
