namespace Sky.Store;

/// <summary>
/// One source of configuration as a revision holds it: a file or folder someone applied (named by its path, or by the
/// name they gave it), the files it held then, the folder its relative paths are read against, and the entries
/// <c>sky service rm</c> took out of it since (until the source is applied again).
/// </summary>
public sealed record RevisionSource(string Name, string? Folder, IReadOnlyList<StoredFile> Files)
{
    public IReadOnlyList<string> Removed { get; init; } = [];
}
