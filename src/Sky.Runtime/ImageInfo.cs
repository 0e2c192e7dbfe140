namespace Sky.Runtime;

/// <summary>
/// A local image: its id and the tags it carries, and from its config the environment (<c>NAME=value</c>) and the
/// entrypoint (both empty from the image list, which does not carry them).
/// </summary>
public sealed record ImageInfo(string Id, IReadOnlyList<string> Tags, DateTimeOffset Created, long Size)
{
    public IReadOnlyList<string> Environment { get; init; } = [];

    public IReadOnlyList<string> Entrypoint { get; init; } = [];
}
