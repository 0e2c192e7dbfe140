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
        // Alerts: incidents raised to maintainers, and every delivery attempt (alert_id NULL: sky snitch and the like).
        """
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            service TEXT NOT NULL,
            instance TEXT NOT NULL,
            container TEXT,
            kind_group TEXT NOT NULL,
            kind TEXT NOT NULL,
            priority TEXT NOT NULL,
            state TEXT NOT NULL,
            maintainer_name TEXT,
            maintainer_email TEXT,
            message TEXT NOT NULL,
            failures INTEGER NOT NULL,
            opened_at TEXT NOT NULL,
            last_failure_at TEXT,
            last_sent_at TEXT,
            closed_at TEXT
        );
        CREATE INDEX alerts_by_state ON alerts(state, id);
        CREATE TABLE alert_deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            alert_id INTEGER REFERENCES alerts(id),
            time TEXT NOT NULL,
            channel TEXT NOT NULL,
            target TEXT NOT NULL,
            notice TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            delivered INTEGER NOT NULL,
            error TEXT
        );
        CREATE INDEX alert_deliveries_by_alert ON alert_deliveries(alert_id, id);
        """,
        // Recurrent jobs: one row per run (or skipped tick), written when the scheduler acts, completed when it ends.
        """
        CREATE TABLE job_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            job TEXT NOT NULL,
            trigger TEXT NOT NULL,
            scheduled_at TEXT,
            dispatched_at TEXT NOT NULL,
            started_at TEXT,
            ended_at TEXT,
            exit_code INTEGER,
            state TEXT NOT NULL,
            message TEXT,
            output TEXT
        );
        CREATE INDEX job_runs_by_job ON job_runs(job, id);
        CREATE INDEX job_runs_by_state ON job_runs(state);
        """,
        // Which container a run went into: a run released into a container armed before its tick has no run label.
        "ALTER TABLE job_runs ADD COLUMN container TEXT;",
        // Restarts sky made per wanted container, so the counts survive a restart of the daemon.
        "CREATE TABLE restart_counts (container TEXT PRIMARY KEY, restarts INTEGER NOT NULL, last_at TEXT NOT NULL);",
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
