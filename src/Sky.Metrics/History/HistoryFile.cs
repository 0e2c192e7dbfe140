using Dapper;
using Microsoft.Data.Sqlite;
using Sky.Store;

namespace Sky.Metrics.History;

/// <summary>
/// The history's own SQLite file, <c>metrics.db</c> in the data folder (not the control plane's): the series, and a
/// row per series, resolution and block holding that block's floats. A day of 10 s values of one series is 24 rows.
/// </summary>
public sealed class HistoryFile
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS series(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            service TEXT NOT NULL DEFAULT '',
            instance TEXT NOT NULL DEFAULT '',
            container TEXT NOT NULL DEFAULT '',
            UNIQUE(service, instance, container, name));
        CREATE TABLE IF NOT EXISTS blocks(
            series INTEGER NOT NULL,
            resolution INTEGER NOT NULL,
            start INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY(series, resolution, start)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS blocks_by_start ON blocks(resolution, start);
        """;

    private readonly SqliteFile file;

    public HistoryFile(string dataDirectory)
    {
        file = new SqliteFile(dataDirectory, "metrics.db");
        using var connection = file.Open();
        connection.Execute(Schema);
    }

    public string Path => file.Path;

    public SqliteConnection Open() => file.Open();

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

    /// <summary>The stored id of <paramref name="series"/>, made on first use; <c>Created</c> when this call made it.</summary>
    public static (long Id, bool Created) IdOf(SqliteConnection connection, MetricSeries series, SqliteTransaction? transaction = null)
    {
        var labels = new { name = series.Name, service = series.Labels.Service ?? "", instance = series.Labels.Instance ?? "", container = series.Labels.Container ?? "" };
        var created = connection.Query<long>(
            "INSERT OR IGNORE INTO series(name, service, instance, container) VALUES (@name, @service, @instance, @container) RETURNING id", labels, transaction).AsList();
        return created.Count > 0
            ? (created[0], true)
            : (connection.ExecuteScalar<long>("SELECT id FROM series WHERE name = @name AND service = @service AND instance = @instance AND container = @container", labels, transaction), false);
    }

    /// <summary>Drops the blocks that ended before <paramref name="before"/> (Unix seconds); returns how many.</summary>
    public static int PruneBlocks(SqliteConnection connection, HistoryResolution resolution, long before) =>
        connection.Execute(
            "DELETE FROM blocks WHERE resolution = @resolution AND start + @span <= @before",
            new { resolution = resolution.Id, span = (long)resolution.Block.TotalSeconds, before });

    /// <summary>Drops the series left with no block; returns their ids.</summary>
    public static IReadOnlyList<long> DropEmptySeries(SqliteConnection connection) =>
        connection.Query<long>("DELETE FROM series WHERE id NOT IN (SELECT DISTINCT series FROM blocks) RETURNING id").AsList();
}
