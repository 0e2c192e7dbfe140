using Dapper;
using Microsoft.Data.Sqlite;

namespace Sky.Store;

/// <summary>
/// Numbered, append-only schema steps. A database records the last step it ran in <c>user_version</c>,
/// so an older data folder is brought forward on start and a step never runs twice.
/// </summary>
internal static class SchemaMigrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE revisions (
            number INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            source TEXT NOT NULL,
            files TEXT NOT NULL
        );
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time TEXT NOT NULL,
            kind TEXT NOT NULL,
            service TEXT,
            instance TEXT,
            message TEXT NOT NULL
        );
        CREATE INDEX events_by_service ON events(service, id);
        CREATE TABLE service_intents (
            service TEXT NOT NULL,
            instance TEXT NOT NULL,
            running INTEGER NOT NULL,
            changed_at TEXT NOT NULL,
            PRIMARY KEY (service, instance)
        );
        """,
    ];

    public static void Apply(SqliteConnection connection)
    {
        var version = connection.ExecuteScalar<long>("PRAGMA user_version;");
        for (var step = (int)version; step < Steps.Length; step++)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(Steps[step], transaction: transaction);
            connection.Execute($"PRAGMA user_version = {step + 1};", transaction: transaction);
            transaction.Commit();
        }
    }
}
