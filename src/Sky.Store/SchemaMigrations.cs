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
        // Runs are numbered per job (a job's first run is 1), as people address them; the id stays the row's own and
        // names the run's container. Existing rows are numbered in the order they were recorded. The counter table
        // keeps a number from coming back after retention removed every row of a job.
        """
        ALTER TABLE job_runs ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
        UPDATE job_runs SET number = (SELECT COUNT(*) FROM job_runs AS earlier WHERE earlier.job = job_runs.job AND earlier.id <= job_runs.id);
        CREATE UNIQUE INDEX job_runs_by_number ON job_runs(job, number);
        CREATE TABLE job_run_numbers (job TEXT PRIMARY KEY, last INTEGER NOT NULL);
        INSERT INTO job_run_numbers(job, last) SELECT job, MAX(number) FROM job_runs GROUP BY job;
        """,
        // A metric rule's incident is one per rule: the rule as written tells two of one instance apart.
        "ALTER TABLE alerts ADD COLUMN rule TEXT;",
        // Sources: a revision holds every source applied so far (and rollbacks' pins) as JSON in content; rows from
        // before keep their files, read as one source. What each revision did to each entry, and how that went.
        """
        ALTER TABLE revisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'apply';
        ALTER TABLE revisions ADD COLUMN content TEXT;
        CREATE TABLE revision_changes (
            revision INTEGER NOT NULL,
            entry TEXT NOT NULL,
            entry_kind TEXT NOT NULL,
            change TEXT NOT NULL,
            details TEXT NOT NULL,
            outcome TEXT,
            outcome_message TEXT,
            PRIMARY KEY (revision, entry)
        );
        CREATE INDEX revision_changes_by_entry ON revision_changes(entry, revision);
        """,
    ];

    /// <summary>The <c>user_version</c> of a data folder from before runs were numbered per job.</summary>
    internal static int BeforeRunNumbers => Array.FindIndex(Steps, step => step.Contains("ADD COLUMN number", StringComparison.Ordinal));

    /// <summary>The <c>user_version</c> of a data folder from before revisions held sources.</summary>
    internal static int BeforeSources => Array.FindIndex(Steps, step => step.Contains("revision_changes", StringComparison.Ordinal));

    /// <summary>How many steps there are: the <c>user_version</c> of an up-to-date database.</summary>
    public static int Latest => Steps.Length;

    /// <summary>Runs the steps not run yet; <paramref name="upTo"/> stops earlier (tests build an older data folder with it).</summary>
    public static void Apply(SqliteConnection connection, int? upTo = null)
    {
        var version = connection.ExecuteScalar<long>("PRAGMA user_version;");
        for (var step = (int)version; step < (upTo ?? Steps.Length); step++)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(Steps[step], transaction: transaction);
            connection.Execute($"PRAGMA user_version = {step + 1};", transaction: transaction);
            transaction.Commit();
        }
    }
}
