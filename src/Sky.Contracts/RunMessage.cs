namespace Sky.Contracts;

/// <summary>
/// One NDJSON line of <c>POST /runs</c>: <c>stdout</c>/<c>stderr</c> lines as the command writes them, then one
/// <c>exit</c> with its exit code, or an <c>error</c> when the run could not finish.
/// </summary>
public sealed record RunMessage
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
    public const string Exit = "exit";
    public const string Failure = "error";

    public required string Type { get; init; }

    public string? Text { get; init; }

    public long? ExitCode { get; init; }

    public string? Error { get; init; }
}
