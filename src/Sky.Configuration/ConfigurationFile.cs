namespace Sky.Configuration;

/// <summary>
/// One configuration file's text. <see cref="Path"/> is the name shown in messages; <see cref="BaseDirectory"/>,
/// when known, is the folder that relative host paths are read against: volumes (<c>./data:/data</c>) and the
/// router's <c>down-page</c>.
/// </summary>
public sealed record ConfigurationFile(string Path, string Content)
{
    public string? BaseDirectory { get; init; }

    /// <summary>The source the file was applied with (<c>sky apply PATH</c> names one), when it matters: an entry two sources define is an error naming both.</summary>
    public string? Source { get; init; }

    /// <summary>Entries of this file left out as if not written (<c>sky service rm</c> took them out of its source).</summary>
    public IReadOnlySet<string> Omitted { get; init; } = EmptyNames;

    private static readonly IReadOnlySet<string> EmptyNames = new HashSet<string>(StringComparer.Ordinal);
}
