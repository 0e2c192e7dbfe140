namespace Sky.Cli.Output;

/// <summary><c>sky build -o json</c>: the image built, and where it was pushed (null when it was not).</summary>
public sealed record BuildJson(string? Image, string? Id, string? Pushed, string? Digest);
