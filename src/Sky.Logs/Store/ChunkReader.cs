namespace Sky.Logs.Store;

/// <summary>Walks the lines of a decoded chunk (the format <see cref="ChunkBuilder"/> writes), without copying them.</summary>
public ref struct ChunkReader
{
    public const byte StderrFlag = 1;
    public const byte TruncatedFlag = 2;

    private readonly ReadOnlySpan<byte> data;
    private int at;
    private long ticks;

    public ChunkReader(ReadOnlySpan<byte> data, long firstTicks)
    {
        this.data = data;
        ticks = firstTicks;
    }

    /// <summary>The current line's time, in UTC ticks.</summary>
    public long Ticks { get; private set; }

    public bool Stderr { get; private set; }

    public bool Truncated { get; private set; }

    public ReadOnlySpan<byte> Text { get; private set; }

    /// <summary>Where the current line's text starts in the chunk.</summary>
    public int TextOffset { get; private set; }

    public bool MoveNext()
    {
        if (at >= data.Length)
        {
            return false;
        }

        ticks += Varint.ReadSigned(data, ref at);
        var flags = data[at++];
        var length = (int)Varint.Read(data, ref at);
        if (length < 0 || at + length > data.Length)
        {
            throw new InvalidDataException("A log chunk's line runs past its end: the chunk is damaged.");
        }

        Ticks = ticks;
        Stderr = (flags & StderrFlag) != 0;
        Truncated = (flags & TruncatedFlag) != 0;
        TextOffset = at;
        Text = data.Slice(at, length);
        at += length;
        return true;
    }
}
