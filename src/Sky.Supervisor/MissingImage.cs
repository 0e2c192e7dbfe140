namespace Sky.Supervisor;

/// <summary>
/// An image something needs that is in none of the places sky takes images from, what names it (configuration
/// entries or containers), where it was looked for (<c>this engine</c>, or <c>this engine or in the registry
/// 127.0.0.1:5000</c>) and what to do about it.
/// </summary>
public sealed record MissingImage(string Image, IReadOnlyList<string> NamedBy)
{
    public string Places { get; init; } = "this engine";

    public string Advice { get; init; } = "sky never pulls: build or load it first";

    /// <summary><c>image nosuch:9 is not on this engine (named by web, worker)</c>.</summary>
    public override string ToString() => $"image {Image} is not on {Places} (named by {string.Join(", ", NamedBy)})";
}
