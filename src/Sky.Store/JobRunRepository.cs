using System.Globalization;
using Dapper;
using Sky.Feed;
using Sky.Feed.Changes;

namespace Sky.Store;

/// <summary>
/// Every run of every recurrent job: a row is written when the scheduler acts on a tick (so a crash never loses it),
/// then completed as the run starts and ends. Retention trims old rows per job. A run has two identities: its id, the
/// row's own, which names its container; and its number, counted per job, which people see and address it by.
/// </summary>
public sealed class JobRunRepository(SkyDatabase database, TimeProvider clock, StateFeed? feed = null)
{
    private const string Columns =
        "id, job, number, trigger, scheduled_at AS scheduledAt, dispatched_at AS dispatchedAt, started_at AS startedAt, ended_at AS endedAt, exit_code AS exitCode, state, message, container";

    /// <summary>Records a run the scheduler is starting; its id names the container.</summary>
    public long Begin(string job, string trigger, DateTimeOffset? scheduledAt)
    {
        var (id, number) = Insert(job, trigger, scheduledAt, JobRunState.Running, null);
        feed?.Publish(new JobRunChanged(job, number, "running", null, null));
        return id;
    }

    public void MarkStarted(long id, DateTimeOffset startedAt, string? container = null)
    {
        using var connection = database.Open();
        connection.Execute("UPDATE job_runs SET started_at = @startedAt, container = @container WHERE id = @id", new { id, startedAt = Text(startedAt), container });
    }

    /// <summary>Completes a run; only a run still recorded as running changes, so a finish is never written twice.</summary>
    public bool Finish(long id, JobRunState state, long? exitCode, string? output, string? message)
    {
        using var connection = database.Open();
        var finished = connection.QueryFirstOrDefault<RunNumber>(
            """
            UPDATE job_runs SET state = @state, exit_code = @exitCode, output = @output, message = @message, ended_at = @now
            WHERE id = @id AND state = 'running'
            RETURNING job, number
            """,
            new { id, state = JobRunStates.ToText(state), exitCode, output, message, now = Now() });
        if (finished is (var job, var number))
        {
            feed?.Publish(new JobRunChanged(job, number, JobRunStates.ToText(state), exitCode, message));
        }

        return finished is not null;
    }

    /// <summary>Records a tick that did not run (overlap policy).</summary>
    public long RecordSkipped(string job, string trigger, DateTimeOffset? scheduledAt, string message)
    {
        var (id, number) = Insert(job, trigger, scheduledAt, JobRunState.Skipped, message);
        feed?.Publish(new JobRunChanged(job, number, "skipped", null, message));
        return id;
    }

    /// <summary>One run with its output; null when the job has no run of that id.</summary>
    public JobRun? Get(string job, long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<Row>($"SELECT {Columns}, output FROM job_runs WHERE job = @job AND id = @id", new { job, id })?.ToRun();
    }

    /// <summary>One run with its output, by its number within the job (as <c>sky job runs</c> shows it); null when there is none.</summary>
    public JobRun? Find(string job, long number)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<Row>($"SELECT {Columns}, output FROM job_runs WHERE job = @job AND number = @number", new { job, number })?.ToRun();
    }

    /// <summary>The newest run that is not a skipped tick, with its output.</summary>
    public JobRun? Latest(string job)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<Row>(
            $"SELECT {Columns}, output FROM job_runs WHERE job = @job AND state <> 'skipped' ORDER BY id DESC LIMIT 1", new { job })?.ToRun();
    }

    /// <summary>The newest first, without their output.</summary>
    public IReadOnlyList<JobRun> List(string job, int limit)
    {
        using var connection = database.Open();
        return connection.Query<Row>($"SELECT {Columns}, '' AS output FROM job_runs WHERE job = @job ORDER BY id DESC LIMIT @limit", new { job, limit })
            .Select(r => r.ToRun()).ToList();
    }

    /// <summary>Each job's newest run, without output.</summary>
    public IReadOnlyDictionary<string, JobRun> LatestPerJob()
    {
        using var connection = database.Open();
        return connection.Query<Row>(
            $"SELECT {Columns}, '' AS output FROM job_runs WHERE id IN (SELECT MAX(id) FROM job_runs GROUP BY job)")
            .Select(r => r.ToRun()).ToDictionary(r => r.Job, StringComparer.Ordinal);
    }

    /// <summary>Runs recorded as running: after a restart, each is adopted or closed.</summary>
    public IReadOnlyList<JobRun> Unfinished()
    {
        using var connection = database.Open();
        return connection.Query<Row>($"SELECT {Columns}, '' AS output FROM job_runs WHERE state = 'running' ORDER BY id").Select(r => r.ToRun()).ToList();
    }

    /// <summary>The last time the job was due or started, whatever came of it: the reference for missed runs.</summary>
    public DateTimeOffset? LastActivity(string job)
    {
        using var connection = database.Open();
        var text = connection.ExecuteScalar<string?>("SELECT MAX(COALESCE(scheduled_at, dispatched_at)) FROM job_runs WHERE job = @job", new { job });
        return text is null ? null : Parse(text);
    }

    /// <summary>
    /// Keeps the newest <paramref name="keepPerJob"/> finished runs of each job and, with <paramref name="maxAge"/>,
    /// only those that ended within it; running rows are never removed. Returns how many rows went.
    /// </summary>
    public int ApplyRetention(int keepPerJob, TimeSpan? maxAge)
    {
        using var connection = database.Open();
        var removed = connection.Execute(
            """
            DELETE FROM job_runs WHERE state <> 'running' AND id IN (
                SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY job ORDER BY id DESC) AS rank FROM job_runs WHERE state <> 'running')
                WHERE rank > @keepPerJob)
            """,
            new { keepPerJob });
        if (maxAge is { } age)
        {
            removed += connection.Execute(
                "DELETE FROM job_runs WHERE state <> 'running' AND ended_at < @cutoff",
                new { cutoff = Text(clock.GetUtcNow() - age) });
        }

        return removed;
    }

    /// <summary>
    /// Writes a run's row with the job's next number. The counter and the row change in one transaction, so two runs
    /// of a job begun at once never share a number.
    /// </summary>
    private RunKey Insert(string job, string trigger, DateTimeOffset? scheduledAt, JobRunState state, string? message)
    {
        var now = Now();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var row = connection.QuerySingle<RunKey>(
            """
            INSERT INTO job_run_numbers(job, last) VALUES (@job, 1) ON CONFLICT(job) DO UPDATE SET last = last + 1;
            INSERT INTO job_runs(job, number, trigger, scheduled_at, dispatched_at, ended_at, state, message)
            VALUES (@job, (SELECT last FROM job_run_numbers WHERE job = @job), @trigger, @scheduled, @now, @ended, @state, @message);
            SELECT id, number FROM job_runs WHERE id = last_insert_rowid();
            """,
            new { job, trigger, scheduled = Text(scheduledAt), now, ended = state == JobRunState.Running ? null : now, state = JobRunStates.ToText(state), message },
            transaction);
        transaction.Commit();
        return row;
    }

    private string Now() => Text(clock.GetUtcNow())!;

    /// <summary>A run's job and number, as an update returns them.</summary>
    internal sealed record RunNumber(string Job, long Number);

    /// <summary>A new run's row id and number within its job.</summary>
    internal sealed record RunKey(long Id, long Number);

    // UTC in round-trip form: the text sorts as the instants do, which retention's comparison relies on.
    private static string? Text(DateTimeOffset? instant) => instant?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    // A class with setters, not a positional record: Dapper then maps by column name whatever SQLite says a NULL column's type is.
    internal sealed class Row
    {
        public long Id { get; set; }

        public string Job { get; set; } = string.Empty;

        public long Number { get; set; }

        public string Trigger { get; set; } = string.Empty;

        public string? ScheduledAt { get; set; }

        public string DispatchedAt { get; set; } = string.Empty;

        public string? StartedAt { get; set; }

        public string? EndedAt { get; set; }

        public long? ExitCode { get; set; }

        public string State { get; set; } = string.Empty;

        public string? Message { get; set; }

        public string? Output { get; set; }

        public string? Container { get; set; }

        public JobRun ToRun() => new()
        {
            Id = Id,
            Job = Job,
            Number = Number,
            Trigger = Trigger,
            ScheduledAt = ScheduledAt is null ? null : Parse(ScheduledAt),
            DispatchedAt = Parse(DispatchedAt),
            StartedAt = StartedAt is null ? null : Parse(StartedAt),
            EndedAt = EndedAt is null ? null : Parse(EndedAt),
            ExitCode = ExitCode,
            State = JobRunStates.Parse(State),
            Message = Message,
            Output = string.IsNullOrEmpty(Output) ? null : Output,
            Container = Container,
        };
    }
}
