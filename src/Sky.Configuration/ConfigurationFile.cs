namespace Sky.Configuration;

/// <summary>
/// One configuration file's text. <see cref="Path"/> is the name shown in messages; <see cref="BaseDirectory"/>,
/// when known, is the folder that relative host paths of volumes (<c>./data:/data</c>) are read against.
/// </summary>
public sealed record ConfigurationFile(string Path, string Content)
{
    public string? BaseDirectory { get; init; }
}
