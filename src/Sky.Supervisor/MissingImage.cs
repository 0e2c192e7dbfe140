namespace Sky.Supervisor;

/// <summary>An image something needs that is not on the engine, and what names it (configuration entries or containers).</summary>
public sealed record MissingImage(string Image, IReadOnlyList<string> NamedBy)
{
    /// <summary><c>image nosuch:9 is not on this engine (named by web, worker)</c>.</summary>
    public override string ToString() => $"image {Image} is not on this engine (named by {string.Join(", ", NamedBy)})";
}
