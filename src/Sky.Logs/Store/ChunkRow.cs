namespace Sky.Logs.Store;

/// <summary>Where one chunk of a source's lines is, and what it holds (its lines' numbers, times and streams).</summary>
public sealed record ChunkRow
{
    public long Id { get; init; }

    public long SourceId { get; init; }

    public long Segment { get; init; }

    public long Offset { get; init; }

    public int Length { get; init; }

    public int RawLength { get; init; }

    /// <summary>The number of the chunk's first line within its source, from 0.</summary>
    public long FirstSeq { get; init; }

    public int Count { get; init; }

    public long FirstTicks { get; init; }

    public long LastTicks { get; init; }

    /// <summary>Bit 0: stdout lines, bit 1: stderr lines.</summary>
    public int Streams { get; init; }
}
