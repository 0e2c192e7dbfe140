namespace Sky.Contracts;

/// <summary>
/// One NDJSON line of <c>POST /images/build</c>: <c>output</c> lines as the engine builds (and pushes), then one
/// <c>result</c> with the image built (and where it was pushed), or an <c>error</c> with the engine's own words.
/// </summary>
public sealed record BuildMessage
{
    public const string Output = "output";
    public const string Result = "result";
    public const string Failure = "error";

    public required string Type { get; init; }

    /// <summary>A line of the build's or the push's output.</summary>
    public string? Text { get; init; }

    /// <summary>The name it was built as: <c>my-app:1.2</c>.</summary>
    public string? Image { get; init; }

    /// <summary>The image id: <c>sha256:...</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The name it was pushed as (<c>127.0.0.1:5000/my-app:1.2</c>); null when it was not pushed.</summary>
    public string? Pushed { get; init; }

    /// <summary>The digest the registry keeps it under, when it was pushed.</summary>
    public string? Digest { get; init; }

    public string? Error { get; init; }
}
