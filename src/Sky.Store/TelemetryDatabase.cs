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
    private readonly SqliteFile file;

    public TelemetryDatabase(string dataDirectory)
    {
        file = new SqliteFile(dataDirectory, "telemetry.db");
        using var connection = Open();
        var fresh = connection.ExecuteScalar<long>("PRAGMA user_version") == 0;
        TelemetryMigrations.Apply(connection);
        if (fresh)
        {
            CopyEarlierEvents(connection, System.IO.Path.Combine(dataDirectory, "sky.db"));
        }
    }

    public string Path => file.Path;

    /// <summary>An open connection; the caller disposes it.</summary>
    public SqliteConnection Open() => file.Open();

    /// <summary>An async open, for request paths.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => file.OpenAsync(cancellationToken);

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
