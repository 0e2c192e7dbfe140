namespace Sky.Runtime;

/// <summary>How a command run inside a container ended, with what it printed.</summary>
public sealed record ExecResult(long ExitCode, string Output);
