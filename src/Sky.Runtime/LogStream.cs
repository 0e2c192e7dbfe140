namespace Sky.Runtime;

/// <summary>Which of the container's output streams a line came from.</summary>
public enum LogStream
{
    Stdout,
    Stderr,
}
