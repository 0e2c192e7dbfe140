using Dapper;
using Microsoft.Data.Sqlite;

namespace Sky.Store;

/// <summary>Numbered, append-only schema steps of <c>telemetry.db</c>, recorded in its <c>user_version</c>.</summary>
internal static class TelemetryMigrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time TEXT NOT NULL,
            kind TEXT NOT NULL,
            service TEXT,
            instance TEXT,
            message TEXT NOT NULL
        );
        CREATE INDEX events_by_service ON events(service, id);
        CREATE INDEX events_by_time ON events(time);
        """,
    ];

    public static void Apply(SqliteConnection connection)
    {
        var version = connection.ExecuteScalar<long>("PRAGMA user_version");
        for (var step = (int)version; step < Steps.Length; step++)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(Steps[step], transaction: transaction);
            connection.Execute($"PRAGMA user_version = {step + 1}", transaction: transaction);
            transaction.Commit();
        }
    }
}
