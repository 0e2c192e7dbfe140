using System.Buffers;
using System.Text.Json;
using Sky.Runtime.Watching;

namespace Sky.Runtime;

/// <summary>
/// Reads a container's output straight from the engine's <c>json-file</c> log on this machine, as log shippers do:
/// one JSON object a line (<c>{"log":"...\n","stream":"stdout","time":"..."}</c>), long lines stored in pieces without
/// their line break. Through the engine's API a following reader slows the container down (the engine waits for its
/// followers on every line) and tops out at a fraction of what the engine writes; the file costs the engine nothing.
/// With <c>follow</c> it reads on until <paramref name="stopped"/> completes and the file has nothing more.
/// </summary>
internal static class JsonFileLog
{
    private const int BufferBytes = 1 << 16;
    private static readonly TimeSpan LastLinesPause = TimeSpan.FromMilliseconds(5);

    public static async Task CopyAsync(string path, DateTimeOffset? since, bool follow, Task stopped, ILogLineSink sink, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        // Watched from before the first read: a line written between reaching the end and waiting still wakes the wait.
        using var growth = follow ? new FileGrowth(path, clock) : null;
        var joiner = new RawLogLineJoiner(sink, framed: true);
        var reader = new LineReader(joiner, since);
        var emptyAfterStop = 0;
        while (true)
        {
            // Rented per read: a daemon follows hundreds of mostly quiet containers, and holds no buffer for them.
            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            int read;
            try
            {
                read = await file.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken);
                reader.Push(buffer.AsSpan(0, read));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (read > 0)
            {
                continue;
            }

            if (growth is null)
            {
                break;
            }

            // At the end of what is written, following. The engine may still be writing the last lines when the
            // container is reported stopped: two more empty reads after it, a pause apart, before the end.
            if (stopped.IsCompleted)
            {
                if (++emptyAfterStop > 2)
                {
                    break;
                }

                await Task.Delay(LastLinesPause, clock, cancellationToken);
                continue;
            }

            await growth.WaitAsync(stopped, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }

        joiner.Flush();
    }

    /// <summary>Cuts the file into its JSON lines and hands each entry's text to the joiner.</summary>
    private sealed class LineReader(RawLogLineJoiner joiner, DateTimeOffset? since)
    {
        private readonly ArrayBufferWriter<byte> partial = new();
        private byte[] text = new byte[256];

        public void Push(ReadOnlySpan<byte> data)
        {
            while (data.Length > 0)
            {
                var newline = data.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    partial.Write(data);
                    return;
                }

                if (partial.WrittenCount > 0)
                {
                    partial.Write(data[..newline]);
                    Entry(partial.WrittenSpan);
                    partial.ResetWrittenCount();
                }
                else
                {
                    Entry(data[..newline]);
                }

                data = data[(newline + 1)..];
            }
        }

        private void Entry(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json);
            var length = -1;
            var stream = LogStream.Stdout;
            DateTimeOffset? time = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("log"u8))
                {
                    reader.Read();
                    var needed = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                    if (text.Length < needed)
                    {
                        text = new byte[Math.Max(needed, text.Length * 2)];
                    }

                    length = reader.CopyString(text);
                }
                else if (reader.ValueTextEquals("stream"u8))
                {
                    reader.Read();
                    stream = reader.ValueTextEquals("stderr"u8) ? LogStream.Stderr : LogStream.Stdout;
                }
                else if (reader.ValueTextEquals("time"u8))
                {
                    reader.Read();
                    time = EngineStamp.Parse(reader.ValueSpan);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (length < 0 || time is not { } at || (since is { } from && at < from))
            {
                return;
            }

            // A piece without its line break is the start of a long line; the engine writes the rest next.
            var piece = text.AsSpan(0, length);
            var complete = piece.Length > 0 && piece[^1] == (byte)'\n';
            joiner.PushPiece(stream, at, complete ? piece[..^1] : piece, complete);
        }
    }
}
