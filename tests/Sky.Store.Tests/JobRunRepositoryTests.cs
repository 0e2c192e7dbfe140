using Dapper;
using Microsoft.Data.Sqlite;

namespace Sky.Store.Tests;

public sealed class JobRunRepositoryTests
{
    [Fact]
    public void A_run_is_recorded_when_it_begins_and_completed_once_when_it_ends()
    {
        using var folder = new TempDataDirectory();
        var clock = new SteppingClock();
        var runs = new JobRunRepository(new SkyDatabase(folder.Path), clock);

        var id = runs.Begin("report", JobTriggers.Schedule, clock.GetUtcNow());
        runs.MarkStarted(id, clock.Step(TimeSpan.FromMilliseconds(40)));
        clock.Step(TimeSpan.FromSeconds(2));
        var first = runs.Finish(id, JobRunState.Failed, 3, "boom\n", null);
        var second = runs.Finish(id, JobRunState.Succeeded, 0, null, null);

        var run = runs.Get("report", id)!;
        Assert.Equal((true, false), (first, second));
        Assert.Equal((JobRunState.Failed, 3L, "boom\n", TimeSpan.FromSeconds(2)), (run.State, run.ExitCode!.Value, run.Output, run.Duration!.Value));
        Assert.Null(runs.List("report", 10).Single().Output);
    }

    [Fact]
    public void Retention_keeps_the_newest_runs_of_each_job_and_never_a_running_one()
    {
        using var folder = new TempDataDirectory();
        var clock = new SteppingClock();
        var runs = new JobRunRepository(new SkyDatabase(folder.Path), clock);
        var running = runs.Begin("a", JobTriggers.Schedule, null);
        for (var i = 0; i < 5; i++)
        {
            runs.Finish(runs.Begin("a", JobTriggers.Schedule, null), JobRunState.Succeeded, 0, null, null);
            runs.RecordSkipped("b", JobTriggers.Schedule, null, "still going");
        }

        var removed = runs.ApplyRetention(keepPerJob: 2, maxAge: null);

        Assert.Equal(6, removed);
        Assert.Equal(3, runs.List("a", 10).Count);
        Assert.Contains(runs.List("a", 10), r => r.Id == running);
        Assert.Equal(2, runs.List("b", 10).Count);
    }

    [Fact]
    public void Retention_by_age_removes_runs_that_ended_longer_ago_than_the_limit()
    {
        using var folder = new TempDataDirectory();
        var clock = new SteppingClock();
        var runs = new JobRunRepository(new SkyDatabase(folder.Path), clock);
        runs.RecordSkipped("a", JobTriggers.Schedule, null, "old");
        clock.Step(TimeSpan.FromDays(10));
        runs.RecordSkipped("a", JobTriggers.Schedule, null, "recent");

        runs.ApplyRetention(keepPerJob: 100, maxAge: TimeSpan.FromDays(7));

        Assert.Equal(["recent"], runs.List("a", 10).Select(r => r.Message));
    }

    [Fact]
    public void The_last_activity_of_a_job_is_its_latest_tick_or_manual_start()
    {
        using var folder = new TempDataDirectory();
        var clock = new SteppingClock();
        var runs = new JobRunRepository(new SkyDatabase(folder.Path), clock);
        var tick = clock.GetUtcNow().AddMinutes(-5);
        runs.RecordSkipped("a", JobTriggers.Schedule, tick, "still going");

        Assert.Equal(tick, runs.LastActivity("a"));
        runs.Begin("a", JobTriggers.Manual, null);
        Assert.Equal(clock.GetUtcNow(), runs.LastActivity("a"));
        Assert.Null(runs.LastActivity("b"));
    }

    [Fact]
    public void Runs_are_numbered_per_job_from_one_whatever_other_jobs_do()
    {
        using var folder = new TempDataDirectory();
        var clock = new SteppingClock();
        var runs = new JobRunRepository(new SkyDatabase(folder.Path), clock);

        var first = runs.Begin("a", JobTriggers.Schedule, null);
        runs.Begin("b", JobTriggers.Manual, null);
        runs.RecordSkipped("a", JobTriggers.Schedule, null, "still going");
        var third = runs.Begin("a", JobTriggers.Manual, null);

        Assert.Equal([3L, 2L, 1L], runs.List("a", 10).Select(r => r.Number));
        Assert.Equal([1L], runs.List("b", 10).Select(r => r.Number));
        Assert.Equal((first, third), (runs.Find("a", 1)!.Id, runs.Find("a", 3)!.Id));
        Assert.Equal("still going", runs.Find("a", 2)!.Message);
        Assert.Null(runs.Find("b", 2));
    }

    [Fact]
    public void A_run_number_is_never_given_twice_even_after_retention_removed_every_run_of_the_job()
    {
        using var folder = new TempDataDirectory();
        var clock = new SteppingClock();
        var runs = new JobRunRepository(new SkyDatabase(folder.Path), clock);
        runs.Finish(runs.Begin("a", JobTriggers.Schedule, null), JobRunState.Succeeded, 0, null, null);
        runs.Finish(runs.Begin("a", JobTriggers.Schedule, null), JobRunState.Succeeded, 0, null, null);
        clock.Step(TimeSpan.FromDays(10));
        runs.ApplyRetention(keepPerJob: 100, maxAge: TimeSpan.FromDays(7));
        Assert.Empty(runs.List("a", 10));

        runs.Begin("a", JobTriggers.Manual, null);

        Assert.Equal(3, runs.List("a", 10).Single().Number);
    }

    [Fact]
    public void An_older_data_folder_gets_its_runs_numbered_per_job_in_the_order_they_were_recorded()
    {
        using var folder = new TempDataDirectory();
        using (var old = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "sky.db")};Pooling=False"))
        {
            old.Open();
            SchemaMigrations.Apply(old, upTo: SchemaMigrations.BeforeRunNumbers);
            foreach (var job in new[] { "a", "b", "a", "a", "b" })
            {
                old.Execute("INSERT INTO job_runs(job, trigger, dispatched_at, state) VALUES (@job, 'schedule', '2026-11-29T17:00:00.0000000+00:00', 'succeeded')", new { job });
            }
        }

        var runs = new JobRunRepository(new SkyDatabase(folder.Path), new SteppingClock());

        Assert.Equal([(5L, 2L), (2L, 1L)], runs.List("b", 10).Select(r => (r.Id, r.Number)));
        Assert.Equal([(4L, 3L), (3L, 2L), (1L, 1L)], runs.List("a", 10).Select(r => (r.Id, r.Number)));
        runs.Begin("a", JobTriggers.Manual, null);
        Assert.Equal(4, runs.List("a", 1).Single().Number);
    }
}
