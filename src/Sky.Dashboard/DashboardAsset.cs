namespace Sky.Dashboard;

/// <summary>One file of the page, read once from the assembly: its bytes, its media type and a tag for revalidation.</summary>
public sealed record DashboardAsset(string Path, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
