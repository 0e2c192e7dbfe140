using System.Buffers;
using System.Runtime.CompilerServices;
using Sky.Logs.Store;

namespace Sky.Logs.Reading;

/// <summary>
/// Reads the store for <c>sky service logs</c>, <c>sky job logs</c> and the API: lines of the sources a filter picks,
/// in time order across containers, optionally only the last N, and, when following, the lines stored from then on.
/// Chunks are decompressed and searched a batch at a time on all cores.
/// </summary>
public sealed class LogReader(LogStore store)
{
    private const int Batch = 64;

    /// <summary>What is stored now, oldest first.</summary>
    public IEnumerable<LogRecord> Read(LogFilter filter, LogMatch? match, int? tail) => Read(filter, match, tail, store.LastChunkId);

    /// <summary>What is stored now, then every new line as it is stored, until cancelled.</summary>
    public async IAsyncEnumerable<LogRecord> FollowAsync(LogFilter filter, LogMatch? match, int? tail, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var live = store.Live.Subscribe(stop.Token);
        var upTo = store.LastChunkId;
        foreach (var record in Read(filter, match, tail, upTo))
        {
            yield return record;
        }

        while (await live.WaitToReadAsync(cancellationToken))
        {
            while (live.TryRead(out var batch))
            {
                var hits = new List<LogHit>();
                foreach (var chunk in batch)
                {
                    if (chunk.Row.Id > upTo && filter.Matches(chunk.Source) && (chunk.Row.Streams & filter.StreamMask) != 0)
                    {
                        hits.AddRange(ChunkScan.Hits(chunk.Row, chunk.Lines.Span, filter, match));
                    }
                }

                hits.Sort();
                foreach (var hit in hits)
                {
                    yield return ToRecord(hit);
                }
            }
        }
    }

    private IEnumerable<LogRecord> Read(LogFilter filter, LogMatch? match, int? tail, long upTo)
    {
        var sources = store.Sources().Where(s => filter.Matches(s.Source)).Select(s => s.Id).ToList();
        var chunks = store.Chunks(sources, filter, upTo);
        var hits = tail is { } n ? Last(chunks, filter, match, Math.Max(0, n)) : All(chunks, filter, match);
        return hits.Select(ToRecord);
    }

    /// <summary>
    /// Every hit in order. Chunks come ordered by their first line's time; a batch's hits are given only up to the
    /// next batch's first time, since a later chunk (another container's) may hold lines older than the batch's last.
    /// </summary>
    private IEnumerable<LogHit> All(IReadOnlyList<ChunkRow> chunks, LogFilter filter, LogMatch? match)
    {
        var carried = new List<LogHit>();
        for (var start = 0; start < chunks.Count; start += Batch)
        {
            var batch = chunks.Skip(start).Take(Batch).ToList();
            carried.AddRange(Scan(batch, filter, match));
            carried.Sort();
            var bound = start + Batch < chunks.Count ? chunks[start + Batch].FirstTicks : long.MaxValue;
            var ready = carried.FindIndex(h => h.Ticks >= bound);
            var count = ready < 0 ? carried.Count : ready;
            foreach (var hit in carried.Take(count))
            {
                yield return hit;
            }

            carried.RemoveRange(0, count);
        }
    }

    /// <summary>The last <paramref name="count"/> hits: batches from the newest back, until no older chunk can hold a later line.</summary>
    private List<LogHit> Last(IReadOnlyList<ChunkRow> chunks, LogFilter filter, LogMatch? match, int count)
    {
        var newestBefore = new long[chunks.Count + 1];
        newestBefore[0] = long.MinValue;
        for (var i = 0; i < chunks.Count; i++)
        {
            newestBefore[i + 1] = Math.Max(newestBefore[i], chunks[i].LastTicks);
        }

        var found = new List<LogHit>();
        var end = chunks.Count;
        while (end > 0 && count > 0)
        {
            var start = Math.Max(0, end - Batch);
            found.AddRange(Scan(chunks.Skip(start).Take(end - start).ToList(), filter, match));
            end = start;
            found.Sort();
            if (found.Count >= count && found[^count].Ticks > newestBefore[end])
            {
                break;
            }
        }

        return found.Count > count ? found.GetRange(found.Count - count, count) : found;
    }

    private List<LogHit> Scan(List<ChunkRow> batch, LogFilter filter, LogMatch? match)
    {
        var results = new List<LogHit>[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            // Pooled: a search over a million lines decodes hundreds of chunks of 256 KB, each too big for the
            // young generation, and the hits copy out what they keep.
            var lines = ArrayPool<byte>.Shared.Rent(batch[i].RawLength);
            try
            {
                results[i] = store.TryDecode(batch[i], lines) ? ChunkScan.Hits(batch[i], lines.AsSpan(0, batch[i].RawLength), filter, match) : [];
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(lines);
            }
        });
        return results.SelectMany(r => r).ToList();
    }

    private LogRecord ToRecord(LogHit hit)
    {
        var source = store.SourceById(hit.SourceId)?.Source ?? new LogSource { ContainerId = "?", Container = "?" };
        return new LogRecord(source, new DateTimeOffset(hit.Ticks, TimeSpan.Zero), hit.Stderr ? "stderr" : "stdout", hit.Text, hit.Truncated);
    }
}
