using Dapper;
using Microsoft.Data.Sqlite;

namespace Sky.Store;

/// <summary>
/// The daemon's second SQLite file, <c>telemetry.db</c>, for what is written often and kept for a while: the event log
/// now, logs and metrics next. A file of its own has a write lock of its own, so a burst of telemetry never queues
/// behind the control plane (<see cref="SkyDatabase"/>: revisions, intents, runs, alerts) nor holds it up.
/// </summary>
public sealed class TelemetryDatabase
{
    private readonly string connectionString;

    public TelemetryDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, "telemetry.db");
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        connection.Execute("PRAGMA journal_mode=WAL;");
        var fresh = connection.ExecuteScalar<long>("PRAGMA user_version") == 0;
        TelemetryMigrations.Apply(connection);
        if (fresh)
        {
            CopyEarlierEvents(connection, System.IO.Path.Combine(dataDirectory, "sky.db"));
        }
    }

    public string Path { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    /// <summary>An async open, for request paths.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    /// <summary>Data folders of earlier versions kept the event log in sky.db: it moves here once, when this file is made.</summary>
    private static void CopyEarlierEvents(SqliteConnection connection, string controlPlane)
    {
        if (!File.Exists(controlPlane))
        {
            return;
        }

        connection.Execute("ATTACH DATABASE @path AS control", new { path = controlPlane });
        try
        {
            if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM control.sqlite_master WHERE type = 'table' AND name = 'events'") == 1)
            {
                connection.Execute("INSERT INTO events(id, time, kind, service, instance, message) SELECT id, time, kind, service, instance, message FROM control.events");
            }
        }
        finally
        {
            connection.Execute("DETACH DATABASE control");
        }
    }
}
