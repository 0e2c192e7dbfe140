using System.Buffers;
using K4os.Compression.LZ4;

namespace Sky.Logs.Store;

/// <summary>
/// Where container output is kept after the containers are gone: <c>logs/</c> in the data folder, a store of its own
/// (not the control plane's file). Lines go in as LZ4-compressed chunks per source, appended to segment files, and a
/// SQLite index says which chunk holds which source's lines and times. One writer (the collector's flush) at a time;
/// readers at any time.
/// </summary>
public sealed class LogStore : IDisposable
{
    private readonly LogIndex index;
    private readonly SegmentFiles segments;
    private readonly LogRetention retention;
    private readonly TimeProvider clock;
    private readonly Lock sourcesGate = new();
    private readonly Dictionary<string, SourceRow> byContainer = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SourceRow> byId = [];
    private long lastChunkId;

    public LogStore(string dataDirectory, LogRetention retention, TimeProvider clock)
    {
        var folder = Path.Combine(dataDirectory, "logs");
        index = new LogIndex(folder);
        segments = new SegmentFiles(Path.Combine(folder, "segments"), retention.SegmentBytes);
        segments.Recover(index.SegmentEnds());
        this.retention = retention;
        this.clock = clock;
        foreach (var row in index.Sources())
        {
            byContainer[row.Source.ContainerId] = row;
            byId[row.Id] = row;
        }

        lastChunkId = index.MaxChunk()?.Id ?? 0;
    }

    public LiveChunks Live { get; } = new();

    /// <summary>The newest chunk stored; a follower reads the store up to it and the live chunks after it.</summary>
    public long LastChunkId => Interlocked.Read(ref lastChunkId);

    public IReadOnlyList<SourceRow> Sources()
    {
        lock (sourcesGate)
        {
            return byId.Values.ToList();
        }
    }

    public SourceRow? SourceById(long id)
    {
        lock (sourcesGate)
        {
            return byId.GetValueOrDefault(id);
        }
    }

    /// <summary>The source of a container, registered on first sight.</summary>
    public SourceRow Register(LogSource source)
    {
        lock (sourcesGate)
        {
            if (byContainer.TryGetValue(source.ContainerId, out var known))
            {
                return known;
            }
        }

        var id = index.AddSource(source);
        lock (sourcesGate)
        {
            var row = byContainer.GetValueOrDefault(source.ContainerId) ?? new SourceRow(id, source, 0, 0);
            byContainer[source.ContainerId] = row;
            byId[row.Id] = row;
            return row;
        }
    }

    /// <summary>Where to go on reading a container's output; null when none of it is stored (read it all).</summary>
    public ResumePoint? ResumeAt(string containerId)
    {
        SourceRow? row;
        lock (sourcesGate)
        {
            row = byContainer.GetValueOrDefault(containerId);
        }

        if (row is null || row.Lines == 0)
        {
            return null;
        }

        var since = row.LastTicks - TimeSpan.TicksPerSecond;
        long skip = 0;
        foreach (var chunk in index.ChunksReaching(row.Id, since))
        {
            var lines = Decode(chunk) ?? [];
            var reader = new ChunkReader(lines, chunk.FirstTicks);
            while (reader.MoveNext())
            {
                skip += reader.Ticks >= since ? 1 : 0;
            }
        }

        return new ResumePoint(new DateTimeOffset(since, TimeSpan.Zero), skip);
    }

    /// <summary>
    /// Stores chunks of lines (each source's in the order given) and hands them to the live followers. The data is
    /// written before the index rows that point at it are committed.
    /// </summary>
    public IReadOnlyList<CommittedChunk> Write(IReadOnlyList<(long SourceId, ChunkBuilder Lines)> pending)
    {
        if (pending.Count == 0)
        {
            return [];
        }

        var rows = new List<ChunkRow>(pending.Count);
        var raws = new List<byte[]>(pending.Count);
        var nextSeq = new Dictionary<long, long>();
        foreach (var (sourceId, lines) in pending)
        {
            if (lines.Count == 0)
            {
                continue;
            }

            var raw = lines.Encoded.ToArray();
            var compressed = ArrayPool<byte>.Shared.Rent(LZ4Codec.MaximumOutputSize(raw.Length));
            try
            {
                var length = LZ4Codec.Encode(raw, compressed, LZ4Level.L00_FAST);
                var (segment, offset) = segments.Append(compressed.AsSpan(0, length));
                var seq = nextSeq.TryGetValue(sourceId, out var n) ? n : SourceById(sourceId)!.Lines;
                nextSeq[sourceId] = seq + lines.Count;
                rows.Add(new ChunkRow
                {
                    SourceId = sourceId,
                    Segment = segment,
                    Offset = offset,
                    Length = length,
                    RawLength = raw.Length,
                    FirstSeq = seq,
                    Count = lines.Count,
                    FirstTicks = lines.FirstTicks,
                    LastTicks = lines.LastTicks,
                    Streams = lines.Streams,
                });
                raws.Add(raw);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }

        var ids = index.Commit(rows);
        var committed = new List<CommittedChunk>(rows.Count);
        lock (sourcesGate)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i] with { Id = ids[i] };
                var source = byId[row.SourceId];
                var updated = source with { Lines = Math.Max(source.Lines, row.FirstSeq + row.Count), LastTicks = Math.Max(source.LastTicks, row.LastTicks) };
                byId[row.SourceId] = updated;
                byContainer[source.Source.ContainerId] = updated;
                committed.Add(new CommittedChunk(row, source.Source, raws[i]));
            }
        }

        Interlocked.Exchange(ref lastChunkId, ids[^1]);
        Live.Publish(committed);
        return committed;
    }

    /// <summary>The chunks of these sources that may hold lines for the filter, up to a chunk id, oldest first.</summary>
    public IReadOnlyList<ChunkRow> Chunks(IReadOnlyCollection<long> sources, LogFilter filter, long upTo) =>
        index.Chunks(sources, filter.Since?.UtcTicks, filter.Until?.UtcTicks, filter.StreamMask, upTo);

    /// <summary>A chunk's lines, uncompressed; null when retention dropped its segment meanwhile.</summary>
    public byte[]? Decode(ChunkRow chunk)
    {
        var lines = new byte[chunk.RawLength];
        return TryDecode(chunk, lines) ? lines : null;
    }

    /// <summary>
    /// Decodes a chunk's lines into <paramref name="target"/> (at least <see cref="ChunkRow.RawLength"/> long, so a
    /// search can reuse pooled buffers); false when retention dropped its segment meanwhile.
    /// </summary>
    public bool TryDecode(ChunkRow chunk, Span<byte> target)
    {
        var compressed = ArrayPool<byte>.Shared.Rent(chunk.Length);
        try
        {
            if (!segments.TryRead(chunk.Segment, chunk.Offset, compressed.AsSpan(0, chunk.Length)))
            {
                return false;
            }

            var decoded = LZ4Codec.Decode(compressed.AsSpan(0, chunk.Length), target[..chunk.RawLength]);
            if (decoded != chunk.RawLength)
            {
                throw new InvalidDataException($"log chunk {chunk.Id} decodes to {decoded} bytes, not {chunk.RawLength}: the segment is damaged");
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    /// <summary>Bytes on disk: segments and index.</summary>
    public long SizeOnDisk() => segments.List().Sum(segments.SizeOf);

    /// <summary>Drops the oldest segments while the store holds lines older than the retention or more bytes than allowed.</summary>
    public int ApplyRetention()
    {
        var newest = index.SegmentNewest();
        var all = segments.List();
        var total = all.Sum(segments.SizeOf);
        var oldest = (clock.GetUtcNow() - retention.MaxAge).UtcTicks;
        var dropped = 0;
        foreach (var segment in all)
        {
            var tooOld = newest.TryGetValue(segment, out var ticks) && ticks < oldest;
            if (!tooOld && total <= retention.MaxBytes)
            {
                break;
            }

            total -= segments.SizeOf(segment);
            index.DropSegment(segment);
            segments.Delete(segment);
            dropped++;
        }

        return dropped;
    }

    public void Dispose() => segments.Dispose();
}
