namespace Sky.Contracts;

/// <summary>
/// Configuration files sent by the CLI: what <c>sky apply PATH</c> read, with the path it was given (relative paths in
/// the files are read against it). <see cref="Name"/> names the source (<c>--source NAME</c>); by default, the path.
/// </summary>
public sealed record FilesRequest(string? Source, IReadOnlyList<FileContent>? Files)
{
    public string? Name { get; init; }
}
