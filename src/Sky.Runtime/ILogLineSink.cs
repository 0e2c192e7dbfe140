namespace Sky.Runtime;

/// <summary>
/// Takes a container's output one whole line at a time, as raw bytes (without the line break), with the engine's
/// timestamp. The span is valid only during the call: a collector at 200,000 lines/s copies what it keeps and
/// allocates nothing per line.
/// </summary>
public interface ILogLineSink
{
    /// <param name="truncated">The line was longer than <see cref="RawLogLineJoiner.MaxLineBytes"/>; the rest was dropped.</param>
    void Take(LogStream stream, DateTimeOffset time, ReadOnlySpan<byte> text, bool truncated);
}
