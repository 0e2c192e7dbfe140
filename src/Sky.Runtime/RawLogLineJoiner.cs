using System.Buffers;

namespace Sky.Runtime;

/// <summary>
/// Cuts the engine's timestamped output into whole lines, as bytes. The engine stores a long line in pieces of
/// 16 KB, each stamped: the pieces are joined again and the later stamps dropped, up to
/// <see cref="MaxLineBytes"/>; beyond that the line is marked truncated and the rest of it skipped, so that one runaway
/// line cannot take the daemon's memory. A terminal container's output comes unframed, cut anywhere: there a line
/// continues across reads without a new stamp.
/// </summary>
public sealed class RawLogLineJoiner(ILogLineSink sink, bool framed)
{
    public const int MaxLineBytes = 1024 * 1024;

    private readonly Pending stdout = new();
    private readonly Pending stderr = new();

    /// <summary>Adds one frame (framed output) or one read (terminal output) of a stream.</summary>
    public void Push(LogStream stream, ReadOnlySpan<byte> data)
    {
        var pending = stream == LogStream.Stderr ? stderr : stdout;
        if (framed && pending.Started)
        {
            // The next piece of a long line: its own stamp is not part of the line.
            data = EngineStamp.Skip(data);
        }

        while (data.Length > 0)
        {
            if (!pending.Started)
            {
                pending.Start(EngineStamp.Read(ref data));
            }

            var newline = data.IndexOf((byte)'\n');
            if (newline < 0)
            {
                pending.Append(data);
                return;
            }

            pending.Append(data[..newline]);
            Emit(stream, pending);
            data = data[(newline + 1)..];
        }
    }

    /// <summary>
    /// Adds one entry of a log that keeps stamps apart from the text (the json-file log): the start of a line, or its
    /// next piece; <paramref name="endsLine"/> when the entry ended with its line break.
    /// </summary>
    public void PushPiece(LogStream stream, DateTimeOffset time, ReadOnlySpan<byte> piece, bool endsLine)
    {
        var pending = stream == LogStream.Stderr ? stderr : stdout;
        if (!pending.Started)
        {
            pending.Start(time);
        }

        pending.Append(piece);
        if (endsLine)
        {
            Emit(stream, pending);
        }
    }

    /// <summary>At the end of the output: the unfinished lines, as they are.</summary>
    public void Flush()
    {
        if (stdout.Started)
        {
            Emit(LogStream.Stdout, stdout);
        }

        if (stderr.Started)
        {
            Emit(LogStream.Stderr, stderr);
        }
    }

    private void Emit(LogStream stream, Pending pending)
    {
        var line = pending.Bytes;

        // A terminal ends lines with "\r\n"; the carriage return is not part of the line.
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        sink.Take(stream, pending.Time, line, pending.Truncated);
        pending.Reset();
    }

    /// <summary>One stream's unfinished line.</summary>
    private sealed class Pending
    {
        private readonly ArrayBufferWriter<byte> bytes = new();

        public bool Started { get; private set; }

        public DateTimeOffset Time { get; private set; }

        public bool Truncated { get; private set; }

        public ReadOnlySpan<byte> Bytes => bytes.WrittenSpan;

        public void Start(DateTimeOffset time)
        {
            Started = true;
            Time = time;
        }

        public void Append(ReadOnlySpan<byte> data)
        {
            var room = MaxLineBytes - bytes.WrittenCount;
            if (data.Length > room)
            {
                Truncated = true;
                data = data[..room];
            }

            bytes.Write(data);
        }

        public void Reset()
        {
            Started = false;
            Truncated = false;
            bytes.ResetWrittenCount();
        }
    }
}
