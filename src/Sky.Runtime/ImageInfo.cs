namespace Sky.Runtime;

/// <summary>
/// A local image: its id and the tags it carries, and the environment its config sets (<c>NAME=value</c>; empty from
/// the image list, which does not carry it).
/// </summary>
public sealed record ImageInfo(string Id, IReadOnlyList<string> Tags, DateTimeOffset Created, long Size)
{
    public IReadOnlyList<string> Environment { get; init; } = [];
}
