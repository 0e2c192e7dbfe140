using System.Buffers;
using System.Text;

namespace Sky.Runtime;

/// <summary>
/// Cuts decoded output into lines. A frame may hold several lines or part of one, so each stream keeps its
/// unfinished line (as bytes, so that a character split across frames survives) until its line break arrives.
/// With timestamps on, the engine puts an RFC 3339 stamp and a space before each line.
/// </summary>
internal sealed class LogLineSplitter
{
    private readonly bool timestamps;
    private readonly bool framed;
    private readonly ArrayBufferWriter<byte> stdout = new();
    private readonly ArrayBufferWriter<byte> stderr = new();

    /// <param name="timestamps">Lines start with the engine's timestamp.</param>
    /// <param name="framed">
    /// Frames are whole log messages (multiplexed output): a long line that the engine stored in pieces then comes
    /// as several frames, each stamped, and the stamps of the later pieces are dropped.
    /// </param>
    public LogLineSplitter(bool timestamps, bool framed)
    {
        this.timestamps = timestamps;
        this.framed = framed;
    }

    /// <summary>Adds output of one stream; every line it completes is appended to <paramref name="lines"/>.</summary>
    public void Push(LogStream stream, ReadOnlySpan<byte> data, ICollection<LogEntry> lines)
    {
        var pending = stream == LogStream.Stderr ? stderr : stdout;
        if (timestamps && framed && pending.WrittenCount > 0)
        {
            data = EngineStamp.Skip(data);
        }

        while (data.Length > 0)
        {
            var newline = data.IndexOf((byte)'\n');
            if (newline < 0)
            {
                pending.Write(data);
                return;
            }

            ReadOnlySpan<byte> line;
            if (pending.WrittenCount > 0)
            {
                pending.Write(data[..newline]);
                line = pending.WrittenSpan;
            }
            else
            {
                line = data[..newline];
            }

            lines.Add(ToEntry(stream, line));
            pending.ResetWrittenCount();
            data = data[(newline + 1)..];
        }
    }

    /// <summary>At the end of the output: the unfinished lines, as they are.</summary>
    public void Flush(ICollection<LogEntry> lines)
    {
        foreach (var (stream, pending) in new[] { (LogStream.Stdout, stdout), (LogStream.Stderr, stderr) })
        {
            if (pending.WrittenCount > 0)
            {
                lines.Add(ToEntry(stream, pending.WrittenSpan));
                pending.ResetWrittenCount();
            }
        }
    }

    private LogEntry ToEntry(LogStream stream, ReadOnlySpan<byte> line)
    {
        // A terminal ends lines with "\r\n"; the carriage return is not part of the line.
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        DateTimeOffset? time = null;
        if (timestamps)
        {
            var space = line.IndexOf((byte)' ');
            var stampEnd = space < 0 ? line.Length : space;
            if (EngineStamp.Parse(line[..stampEnd]) is { } parsed)
            {
                time = parsed;
                line = space < 0 ? [] : line[(space + 1)..];
            }
        }

        return new LogEntry(stream, Encoding.UTF8.GetString(line), time);
    }
}
