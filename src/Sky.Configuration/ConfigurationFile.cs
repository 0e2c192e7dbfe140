namespace Sky.Configuration;

/// <summary>
/// One configuration file's text. <see cref="Path"/> is the name shown in messages; <see cref="BaseDirectory"/>,
/// when known, is the folder that relative host paths are read against: volumes (<c>./data:/data</c>) and the
/// router's <c>down-page</c>.
/// </summary>
public sealed record ConfigurationFile(string Path, string Content)
{
    public string? BaseDirectory { get; init; }
}
