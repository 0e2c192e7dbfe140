using Dapper;
using Microsoft.Data.Sqlite;
using Sky.Store;

namespace Sky.Logs.Store;

/// <summary>
/// The log store's index, <c>logs/index.db</c>: the sources (a container and its labels, how many of its lines are
/// kept) and, per chunk, where it lies in the segments and which lines and times it holds. Small beside the
/// segments: one row per chunk of up to 256 KB of lines.
/// </summary>
public sealed class LogIndex
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS sources(
            id INTEGER PRIMARY KEY,
            container_id TEXT NOT NULL UNIQUE,
            container TEXT NOT NULL,
            kind TEXT, service TEXT, instance TEXT, role TEXT, replica INTEGER, revision INTEGER, job TEXT, run INTEGER,
            lines INTEGER NOT NULL DEFAULT 0,
            last_ticks INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS sources_by_service ON sources(service, instance);
        CREATE TABLE IF NOT EXISTS chunks(
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL,
            segment INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            length INTEGER NOT NULL,
            raw_length INTEGER NOT NULL,
            first_seq INTEGER NOT NULL,
            count INTEGER NOT NULL,
            first_ticks INTEGER NOT NULL,
            last_ticks INTEGER NOT NULL,
            streams INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS chunks_by_source ON chunks(source_id, first_seq);
        CREATE INDEX IF NOT EXISTS chunks_by_segment ON chunks(segment);
        """;

    private const string ChunkColumns = "id, source_id AS SourceId, segment, offset, length, raw_length AS RawLength, first_seq AS FirstSeq, count, first_ticks AS FirstTicks, last_ticks AS LastTicks, streams";

    private static readonly string[] ChunkParameters = ["$s", "$g", "$o", "$l", "$r", "$q", "$c", "$f", "$t", "$m"];

    private readonly SqliteFile file;

    public LogIndex(string folder)
    {
        file = new SqliteFile(folder, "index.db");
        using var connection = file.Open();
        connection.Execute(Schema);
    }

    public SqliteConnection Open() => file.Open();

    public IReadOnlyList<SourceRow> Sources()
    {
        using var connection = file.Open();
        return connection.Query<SourceColumns>(
                "SELECT id, container_id AS ContainerId, container, kind, service, instance, role, replica, revision, job, run, lines, last_ticks AS LastTicks FROM sources ORDER BY id")
            .Select(r => new SourceRow(
                r.Id,
                new LogSource
                {
                    ContainerId = r.ContainerId,
                    Container = r.Container,
                    Kind = r.Kind,
                    Service = r.Service,
                    Instance = r.Instance,
                    Role = r.Role,
                    Replica = r.Replica is { } replica ? (int)replica : null,
                    Revision = r.Revision,
                    Job = r.Job,
                    Run = r.Run,
                },
                r.Lines,
                r.LastTicks))
            .ToList();
    }

    /// <summary>One figure per segment (its end, its newest line's time).</summary>
    internal sealed record SegmentFigure(long Segment, long Figure);

    /// <summary>A row of <c>sources</c> as SQLite returns it (integers are 64-bit).</summary>
    internal sealed record SourceColumns(
        long Id, string ContainerId, string Container, string? Kind, string? Service, string? Instance, string? Role,
        long? Replica, long? Revision, string? Job, long? Run, long Lines, long LastTicks);

    public long AddSource(LogSource source)
    {
        using var connection = file.Open();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO sources(container_id, container, kind, service, instance, role, replica, revision, job, run)
            VALUES (@ContainerId, @Container, @Kind, @Service, @Instance, @Role, @Replica, @Revision, @Job, @Run)
            ON CONFLICT(container_id) DO UPDATE SET container = excluded.container
            RETURNING id
            """,
            source);
    }

    /// <summary>Records chunks already written to their segments, and the sources' new line counts, in one transaction.</summary>
    public IReadOnlyList<long> Commit(IReadOnlyList<ChunkRow> rows)
    {
        using var connection = file.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO chunks(source_id, segment, offset, length, raw_length, first_seq, count, first_ticks, last_ticks, streams) VALUES ($s, $g, $o, $l, $r, $q, $c, $f, $t, $m) RETURNING id";
        var parameters = ChunkParameters.Select(n => insert.Parameters.Add(n, SqliteType.Integer)).ToArray();
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE sources SET lines = MAX(lines, $end), last_ticks = MAX(last_ticks, $t) WHERE id = $s";
        var end = update.Parameters.Add("$end", SqliteType.Integer);
        var last = update.Parameters.Add("$t", SqliteType.Integer);
        var source = update.Parameters.Add("$s", SqliteType.Integer);
        var ids = new List<long>(rows.Count);
        foreach (var row in rows)
        {
            object[] values = [row.SourceId, row.Segment, row.Offset, row.Length, row.RawLength, row.FirstSeq, row.Count, row.FirstTicks, row.LastTicks, row.Streams];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i];
            }

            ids.Add((long)insert.ExecuteScalar()!);
            end.Value = row.FirstSeq + row.Count;
            last.Value = row.LastTicks;
            source.Value = row.SourceId;
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return ids;
    }

    /// <summary>Per segment, where its last indexed chunk ends.</summary>
    public IReadOnlyDictionary<long, long> SegmentEnds()
    {
        using var connection = file.Open();
        return connection.Query<SegmentFigure>("SELECT segment, MAX(offset + length) AS figure FROM chunks GROUP BY segment").ToDictionary(r => r.Segment, r => r.Figure);
    }

    /// <summary>Per segment, the time of its newest line.</summary>
    public IReadOnlyDictionary<long, long> SegmentNewest()
    {
        using var connection = file.Open();
        return connection.Query<SegmentFigure>("SELECT segment, MAX(last_ticks) AS figure FROM chunks GROUP BY segment").ToDictionary(r => r.Segment, r => r.Figure);
    }

    public void DropSegment(long segment)
    {
        using var connection = file.Open();
        connection.Execute("DELETE FROM chunks WHERE segment = @segment", new { segment });
    }

    public ChunkRow? MaxChunk()
    {
        using var connection = file.Open();
        return connection.QuerySingleOrDefault<ChunkRow>($"SELECT {ChunkColumns} FROM chunks ORDER BY id DESC LIMIT 1");
    }

    /// <summary>The chunks of these sources that may hold lines in the time range, with ids up to <paramref name="upTo"/>, oldest first.</summary>
    public IReadOnlyList<ChunkRow> Chunks(IReadOnlyCollection<long> sources, long? sinceTicks, long? untilTicks, int streams, long upTo)
    {
        if (sources.Count == 0)
        {
            return [];
        }

        using var connection = file.Open();
        return connection.Query<ChunkRow>(
            $"""
            SELECT {ChunkColumns} FROM chunks
            WHERE source_id IN @sources AND id <= @upTo AND (streams & @streams) != 0
              AND last_ticks >= @since AND first_ticks <= @until
            ORDER BY first_ticks, id
            """,
            new { sources, upTo, streams, since = sinceTicks ?? long.MinValue, until = untilTicks ?? long.MaxValue }).AsList();
    }

    /// <summary>A source's chunks whose lines reach <paramref name="sinceTicks"/> or later, in line order.</summary>
    public IReadOnlyList<ChunkRow> ChunksReaching(long source, long sinceTicks)
    {
        using var connection = file.Open();
        return connection.Query<ChunkRow>($"SELECT {ChunkColumns} FROM chunks WHERE source_id = @source AND last_ticks >= @sinceTicks ORDER BY first_seq", new { source, sinceTicks }).AsList();
    }
}
