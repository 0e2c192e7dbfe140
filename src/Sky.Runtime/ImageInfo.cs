namespace Sky.Runtime;

/// <summary>A local image: its id and the tags it carries.</summary>
public sealed record ImageInfo(string Id, IReadOnlyList<string> Tags, DateTimeOffset Created, long Size);
