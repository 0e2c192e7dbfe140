using System.Buffers;
using Sky.Runtime;

namespace Sky.Logs.Store;

/// <summary>
/// The lines of one source on their way to the store, encoded as they arrive: per line the time (as a difference from
/// the line before, zigzag varint of 100 ns ticks), a flags byte (stderr, truncated), the length (varint) and the
/// bytes. A chunk is compressed as one block; its lines are decoded by <see cref="ChunkReader"/>.
/// </summary>
public sealed class ChunkBuilder
{
    /// <summary>A chunk is sealed at this many bytes of lines, so that a search decompresses little more than it needs.</summary>
    public const int SealBytes = 256 * 1024;

    private readonly ArrayBufferWriter<byte> bytes = new(4096);
    private long previousTicks;

    public int Count { get; private set; }

    public long FirstTicks { get; private set; }

    public long LastTicks { get; private set; }

    /// <summary>Bit 0: holds stdout lines; bit 1: holds stderr lines.</summary>
    public int Streams { get; private set; }

    public int Length => bytes.WrittenCount;

    public ReadOnlySpan<byte> Encoded => bytes.WrittenSpan;

    public void Add(LogStream stream, DateTimeOffset time, ReadOnlySpan<byte> text, bool truncated)
    {
        var ticks = time.UtcTicks;
        if (Count == 0)
        {
            FirstTicks = ticks;
            previousTicks = ticks;
        }

        var span = bytes.GetSpan(text.Length + 21);
        var at = Varint.WriteSigned(span, ticks - previousTicks);
        var stderr = stream == LogStream.Stderr;
        span[at++] = (byte)((stderr ? ChunkReader.StderrFlag : 0) | (truncated ? ChunkReader.TruncatedFlag : 0));
        at += Varint.Write(span[at..], (ulong)text.Length);
        text.CopyTo(span[at..]);
        bytes.Advance(at + text.Length);

        previousTicks = ticks;
        LastTicks = Math.Max(LastTicks, ticks);
        FirstTicks = Math.Min(FirstTicks, ticks);
        Streams |= stderr ? 2 : 1;
        Count++;
    }
}
