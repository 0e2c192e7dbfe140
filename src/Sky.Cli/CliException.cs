namespace Sky.Cli;

/// <summary>A failure to show as one line on stderr, with the exit code that scripts can test.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException(int exitCode, string message, IReadOnlyList<string>? details = null)
        : base(message)
    {
        ExitCode = exitCode;
        Details = details ?? [];
    }

    public int ExitCode { get; } = ExitCodes.Failed;

    public IReadOnlyList<string> Details { get; } = [];
}
