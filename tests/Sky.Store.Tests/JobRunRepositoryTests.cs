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
}
