using Sky.Logs.Store;
using Sky.Runtime;

namespace Sky.Logs.Collection;

/// <summary>
/// One source's lines between the engine and the store: the reader adds them as they come (telling the flush so), the
/// flush takes them all a fraction of a second later. After a restart the first <c>skip</c> lines the engine sends
/// again are dropped: they are stored already.
/// </summary>
internal sealed class PendingLines(long sourceId, LinesArrived arrived) : ILogLineSink
{
    private readonly Lock gate = new();
    private List<ChunkBuilder> sealedChunks = [];
    private ChunkBuilder current = new();
    private long skip;

    public long SourceId { get; } = sourceId;

    /// <summary>Lines taken since the reader (re)started, skipped ones excluded.</summary>
    public long Taken { get; private set; }

    public void Resume(long alreadyStored)
    {
        lock (gate)
        {
            skip = alreadyStored;
            Taken = 0;
        }
    }

    public void Take(LogStream stream, DateTimeOffset time, ReadOnlySpan<byte> text, bool truncated)
    {
        lock (gate)
        {
            if (skip > 0)
            {
                skip--;
                return;
            }

            current.Add(stream, time, text, truncated);
            Taken++;
            if (current.Length >= ChunkBuilder.SealBytes)
            {
                sealedChunks.Add(current);
                current = new ChunkBuilder();
            }
        }

        arrived.Raise();
    }

    /// <summary>Everything not yet stored, in order; the lines left are none.</summary>
    public List<ChunkBuilder> TakeAll()
    {
        lock (gate)
        {
            var all = sealedChunks;
            if (current.Count > 0)
            {
                all.Add(current);
                current = new ChunkBuilder();
            }

            sealedChunks = [];
            return all;
        }
    }
}
