namespace Sky.Cli.Output;

/// <summary><c>sky attach -o json</c>: the one-off left, and how: detached (it runs on), or its shell's exit code.</summary>
public sealed record AttachJson(string Id, string Name, bool Detached, long? ExitCode);
