namespace Sky.Contracts;

/// <summary>
/// A control message of the attach WebSocket, sent as a text frame (terminal bytes travel in binary frames):
/// <c>resize</c> from the client with the window size, <c>exit</c> from the daemon with the shell's exit code.
/// </summary>
public sealed record TerminalMessage
{
    public const string Resize = "resize";
    public const string Exit = "exit";

    public required string Type { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public long? ExitCode { get; init; }
}
