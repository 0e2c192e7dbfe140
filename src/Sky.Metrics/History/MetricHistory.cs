using Dapper;
using Microsoft.Data.Sqlite;

namespace Sky.Metrics.History;

/// <summary>
/// Every series' past values, at two resolutions: 10 s for a day and 5 min for a month (the settings say how long).
/// The current block of each series lives in memory and is written every <see cref="Flush"/> (the writer calls it
/// every five minutes and at stop, so a crash loses at most five minutes); a 5-minute value is the average of the
/// 10 s values in it. Reads merge the file and memory, so the newest values are there before they are written.
/// </summary>
public sealed class MetricHistory
{
    private static readonly TimeSpan ForgetQuietAfter = TimeSpan.FromMinutes(15);

    private readonly HistoryFile file;
    private readonly Lock gate = new();
    private readonly Dictionary<MetricSeries, OpenSeries> open = [];
    private readonly List<(OpenSeries Series, HistoryResolution Resolution, HistoryBlock Block, bool Merged)> retired = [];

    public MetricHistory(HistoryFile file, HistorySettings settings)
    {
        this.file = file;
        Fine = HistoryResolution.Fine(settings.FineRetention);
        Coarse = HistoryResolution.Coarse(settings.CoarseRetention);
    }

    public HistoryResolution Fine { get; }

    public HistoryResolution Coarse { get; }

    public int OpenSeriesCount
    {
        get
        {
            lock (gate)
            {
                return open.Count;
            }
        }
    }

    public void Record(IReadOnlyList<MetricPoint> points)
    {
        lock (gate)
        {
            foreach (var point in points)
            {
                if (double.IsNaN(point.Value) || double.IsInfinity(point.Value))
                {
                    continue;
                }

                var series = MetricSeries.Of(point);
                if (!open.TryGetValue(series, out var state))
                {
                    state = new OpenSeries(series);
                    open[series] = state;
                }

                Put(state, point);
            }
        }
    }

    /// <summary>
    /// Writes every block changed since the last flush, in one transaction. The blocks themselves are written, each
    /// copied under the lock just before its row: a copy of every block taken first (thousands with 300 containers)
    /// lived through the whole write, long enough for the collector to move megabytes of it to its oldest generation,
    /// where only a full collection frees it.
    /// </summary>
    public void Flush()
    {
        List<(OpenSeries Series, HistoryResolution Resolution, HistoryBlock Block, bool Merged)> writes;
        lock (gate)
        {
            writes = [.. retired];
            retired.Clear();
            foreach (var state in open.Values)
            {
                if (state.Fine is { Dirty: true } fine)
                {
                    writes.Add((state, Fine, fine, state.FineMerged));
                    fine.Dirty = false;
                    state.FineMerged = true;
                }

                if (state.Coarse is { Dirty: true } coarse)
                {
                    writes.Add((state, Coarse, coarse, state.CoarseMerged));
                    coarse.Dirty = false;
                    state.CoarseMerged = true;
                }
            }
        }

        if (writes.Count == 0)
        {
            return;
        }

        try
        {
            Write(writes);
        }
        catch
        {
            // Kept for the next flush, before anything newer of the same blocks, so nothing measured is lost.
            lock (gate)
            {
                retired.InsertRange(0, writes);
                foreach (var write in writes)
                {
                    write.Series.Id = null; // made inside the transaction that rolled back
                }
            }

            throw;
        }
    }

    private void Write(List<(OpenSeries Series, HistoryResolution Resolution, HistoryBlock Block, bool Merged)> writes)
    {
        using var connection = file.Open();
        using var transaction = connection.BeginTransaction();
        using var writer = new BlockWriter(connection, transaction);
        var created = new HashSet<OpenSeries>();
        foreach (var (state, resolution, block, merged) in writes)
        {
            if (state.Id is not { } id)
            {
                (id, var made) = HistoryFile.IdOf(connection, state.Series, transaction);
                state.Id = id;
                if (made)
                {
                    created.Add(state);
                }
            }

            // A series the file did not know has no block stored to merge with.
            var stored = merged || created.Contains(state) ? null : ReadBlock(connection, id, resolution, block.Start, transaction);
            lock (gate)
            {
                // An open block goes on being written meanwhile: what it holds now is what is stored (it is dirty
                // again for the next flush if a value came after it was picked).
                if (stored is not null)
                {
                    block.Underlay(stored);
                }

                writer.Take(block);
            }

            writer.Write(id, resolution.Id, block.Start);
        }

        transaction.Commit();
    }

    /// <summary>Drops what is older than each resolution keeps, and forgets series that stopped being written.</summary>
    public int Prune(DateTimeOffset now)
    {
        Flush();
        using var connection = file.Open();
        var dropped = HistoryFile.PruneBlocks(connection, Fine, (now - Fine.Keep).ToUnixTimeSeconds())
            + HistoryFile.PruneBlocks(connection, Coarse, (now - Coarse.Keep).ToUnixTimeSeconds());
        var gone = HistoryFile.DropEmptySeries(connection).ToHashSet();
        lock (gate)
        {
            foreach (var (series, state) in open.ToList())
            {
                // A quiet series is gone (its container removed, a job's run over): its blocks are written, and one that
                // comes back gets new blocks that merge with the stored ones. Memory holds what is being written.
                if (now - state.LastWritten > ForgetQuietAfter)
                {
                    open.Remove(series);
                }

                // Only a series whose row was dropped needs its id made again: looking every id up again after each
                // prune cost two queries per series (thousands with 300 containers) every ten minutes.
                if (state.Id is { } id && gone.Contains(id))
                {
                    state.Id = null;
                }
            }
        }

        return dropped;
    }

    public async Task<IReadOnlyList<SeriesHistory>> ReadAsync(HistoryQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var resolution = query.From >= now - Fine.Keep ? Fine : Coarse;
        await using var connection = await file.OpenAsync(cancellationToken);
        var stored = (await connection.QueryAsync<SeriesRow>(
                "SELECT id, name, service, instance, container FROM series"))
            .Select(r => (r.Id, Series: new MetricSeries(r.Name, new MetricLabels(Empty(r.Service), Empty(r.Instance), Empty(r.Container)))))
            .Where(r => query.Matches(r.Series))
            .ToDictionary(r => r.Series, r => r.Id);
        var memory = InMemory(query, resolution);
        var result = new List<SeriesHistory>();
        foreach (var series in stored.Keys.Union(memory.Keys).OrderBy(s => s.Labels.Container).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var blocks = new SortedDictionary<long, HistoryBlock>();
            if (stored.TryGetValue(series, out var id))
            {
                foreach (var row in await connection.QueryAsync<BlockRow>(
                    "SELECT start, data FROM blocks WHERE series = @id AND resolution = @resolution AND start >= @from AND start <= @to",
                    new { id, resolution = resolution.Id, from = resolution.BlockStart(query.From), to = query.To.ToUnixTimeSeconds() }))
                {
                    blocks[row.Start] = HistoryBlock.FromBytes(row.Start, resolution.Slots, row.Data);
                }
            }

            foreach (var block in memory.GetValueOrDefault(series) ?? [])
            {
                if (blocks.TryGetValue(block.Start, out var older))
                {
                    block.Underlay(older);
                }

                blocks[block.Start] = block;
            }

            var points = Points(blocks.Values, resolution, query.From, query.To);
            if (points.Count > 0)
            {
                result.Add(new SeriesHistory(series, resolution.Step, points));
            }
        }

        return result;
    }

    private void Put(OpenSeries state, MetricPoint point)
    {
        state.LastWritten = point.Time;
        var fineStart = Fine.BlockStart(point.Time);
        var fineRolled = false;
        if (state.Fine is { } current && current.Start != fineStart)
        {
            if (fineStart < current.Start)
            {
                return; // a late point for a block already written: the block it belongs to is gone from memory
            }

            retired.Add((state, Fine, current, state.FineMerged));
            state.Fine = null;
            fineRolled = true;
        }

        var fine = state.Fine ??= NewBlock(state, Fine, fineStart, fineRolled);
        var slot = Fine.Slot(point.Time, fineStart);
        fine.Set(slot, (float)point.Value);

        var coarseStart = Coarse.BlockStart(point.Time);
        var coarseRolled = false;
        if (state.Coarse is { } day && day.Start != coarseStart)
        {
            retired.Add((state, Coarse, day, state.CoarseMerged));
            state.Coarse = null;
            coarseRolled = true;
        }

        var coarse = state.Coarse ??= NewBlock(state, Coarse, coarseStart, coarseRolled);
        var perCoarse = (int)(Coarse.Step / Fine.Step);
        var first = slot / perCoarse * perCoarse;
        var time = DateTimeOffset.FromUnixTimeSeconds(fineStart + (long)(first * Fine.Step.TotalSeconds));
        coarse.Set(Coarse.Slot(time, coarseStart), fine.Average(first, perCoarse));
    }

    /// <summary>
    /// A block new in memory. Its first write merges with whatever the file holds for the same time, unless it follows
    /// a block of this series that this daemon had open (<paramref name="afterOpenBlock"/>): nothing can be stored for
    /// a time later than that one, and looking cost a query per series at every hour's turn.
    /// </summary>
    private HistoryBlock NewBlock(OpenSeries state, HistoryResolution resolution, long start, bool afterOpenBlock)
    {
        if (resolution == Fine)
        {
            state.FineMerged = afterOpenBlock;
        }
        else
        {
            state.CoarseMerged = afterOpenBlock;
        }

        return new HistoryBlock(start, resolution.Slots);
    }

    private Dictionary<MetricSeries, List<HistoryBlock>> InMemory(HistoryQuery query, HistoryResolution resolution)
    {
        lock (gate)
        {
            var blocks = new Dictionary<MetricSeries, List<HistoryBlock>>();
            void Add(MetricSeries series, HistoryBlock? block)
            {
                if (block is not null && query.Matches(series))
                {
                    (blocks.TryGetValue(series, out var list) ? list : blocks[series] = []).Add(block.Copy());
                }
            }

            foreach (var (series, resolutionOf, block, _) in retired.Select(r => (r.Series.Series, r.Resolution, r.Block, r.Merged)))
            {
                if (resolutionOf == resolution)
                {
                    Add(series, block);
                }
            }

            foreach (var state in open.Values)
            {
                Add(state.Series, resolution == Fine ? state.Fine : state.Coarse);
            }

            return blocks;
        }
    }

    private static List<HistoryPoint> Points(IEnumerable<HistoryBlock> blocks, HistoryResolution resolution, DateTimeOffset from, DateTimeOffset to)
    {
        var points = new List<HistoryPoint>();
        var step = (long)resolution.Step.TotalSeconds;
        foreach (var block in blocks)
        {
            for (var slot = 0; slot < block.Slots; slot++)
            {
                var time = DateTimeOffset.FromUnixTimeSeconds(block.Start + (slot * step));
                if (time >= from.AddSeconds(-step) && time <= to && !float.IsNaN(block[slot]))
                {
                    points.Add(new HistoryPoint(time, block[slot]));
                }
            }
        }

        return points;
    }

    private static HistoryBlock? ReadBlock(SqliteConnection connection, long id, HistoryResolution resolution, long start, SqliteTransaction transaction)
    {
        var data = connection.ExecuteScalar<byte[]?>(
            "SELECT data FROM blocks WHERE series = @id AND resolution = @resolution AND start = @start",
            new { id, resolution = resolution.Id, start },
            transaction);
        return data is null ? null : HistoryBlock.FromBytes(start, resolution.Slots, data);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    /// <summary>A row of <c>series</c>: its id and labels (empty text for a label it does not carry).</summary>
    internal sealed record SeriesRow(long Id, string Name, string Service, string Instance, string Container);

    /// <summary>A stored block: its start (Unix seconds) and its values.</summary>
    internal sealed record BlockRow(long Start, byte[] Data);
}
