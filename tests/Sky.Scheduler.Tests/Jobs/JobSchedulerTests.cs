using Sky.Model;
using Sky.Store;
using static Sky.Scheduler.Tests.Jobs.SchedulerHarness;

namespace Sky.Scheduler.Tests.Jobs;

public sealed class JobSchedulerTests
{
    [Fact]
    public async Task Runs_of_several_jobs_start_at_their_own_due_ticks()
    {
        await using var harness = new SchedulerHarness(Job("every-two", "2 seconds"), Job("every-three", "3 seconds"));
        await harness.StartAsync();

        await harness.AdvanceAsync(TimeSpan.FromSeconds(6));

        await EventuallyAsync(() => harness.Runtime.All.Count(c => c.Removed) == 5, () => $"{harness.Runtime.All.Count} containers");
        Assert.Equal([harness.At(2), harness.At(4), harness.At(6)], harness.RunsOf("every-two").Select(r => r.ScheduledAt!.Value));
        Assert.Equal([harness.At(3), harness.At(6)], harness.RunsOf("every-three").Select(r => r.ScheduledAt!.Value));
        Assert.All(harness.RunsOf("every-two"), r => Assert.Equal((JobRunState.Succeeded, "schedule", 0L), (r.State, r.Trigger, r.ExitCode!.Value)));
    }

    [Fact]
    public async Task A_run_container_carries_the_job_labels_and_its_output_is_recorded()
    {
        await using var harness = new SchedulerHarness(Job("report", "1 day at 17:00", j => j with { Environment = new Dictionary<string, string> { ["A"] = "1" } }));
        var scheduler = await harness.StartAsync();

        var id = scheduler.StartNow("report")!.Value;

        await EventuallyAsync(() => harness.Runs.Get("report", id)!.State != JobRunState.Running, () => "still running");
        var container = harness.Runtime.Named($"t-report-run-{id}");
        Assert.Equal(("job", "report", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (container.Request.Labels["sky.kind"], container.Request.Labels["sky.job"], container.Request.Labels["sky.run"]));
        Assert.True(container.Request.Init);
        Assert.Equal("1", container.Request.Environment["A"]);
        // The run is recorded as soon as it ends; its container is removed just after.
        await EventuallyAsync(() => container.Removed, () => "the run's container was left behind");
        var run = harness.Runs.Get("report", id)!;
        Assert.Equal(("manual", $"output of t-report-run-{id}\n"), (run.Trigger, run.Output));
        Assert.Null(scheduler.StartNow("no-such-job"));
    }

    [Fact]
    public async Task A_run_past_its_timeout_is_stopped_recorded_timed_out_and_notified()
    {
        await using var harness = new SchedulerHarness(Job("slow", "1 day at 17:00", j => j with { Timeout = TimeSpan.FromSeconds(5) }));
        harness.Runtime.AutoExitCode = null;
        var scheduler = await harness.StartAsync();
        var id = scheduler.StartNow("slow")!.Value;
        // Started once recorded so: the timeout counts from that instant, which a clock advanced before it would move.
        await EventuallyAsync(() => harness.Runs.Get("slow", id)!.StartedAt is not null, () => "not started");

        await harness.AdvanceAsync(TimeSpan.FromSeconds(4));
        Assert.Equal(JobRunState.Running, harness.Runs.Get("slow", id)!.State);
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        await EventuallyAsync(() => harness.Runs.Get("slow", id)!.State != JobRunState.Running, () => "still running");
        var run = harness.Runs.Get("slow", id)!;
        Assert.Equal((JobRunState.TimedOut, 137L, "timed out after 5s"), (run.State, run.ExitCode!.Value, run.Message));
        Assert.True(harness.Runtime.All.Single().Stopped);

        // The record is written first, then the maintainer is told.
        await EventuallyAsync(() => !harness.Notifier.Notified.IsEmpty, () => "nobody was told");
        Assert.Equal([id], harness.Notifier.Notified.Select(n => n.Id));
    }

    [Fact]
    public async Task With_overlap_skip_a_tick_while_a_run_is_going_is_recorded_as_skipped()
    {
        await using var harness = new SchedulerHarness(Job("busy", "1 second"));
        harness.Runtime.AutoExitCode = null;
        await harness.StartAsync();

        await harness.AdvanceAsync(TimeSpan.FromSeconds(3));

        await EventuallyAsync(() => harness.RunsOf("busy").Count == 3, () => $"{harness.RunsOf("busy").Count} runs");
        Assert.Equal([JobRunState.Running, JobRunState.Skipped, JobRunState.Skipped], harness.RunsOf("busy").Select(r => r.State));
        Assert.Single(harness.Runtime.All);
    }

    [Fact]
    public async Task With_overlap_queue_one_tick_waits_and_starts_when_the_current_run_ends()
    {
        await using var harness = new SchedulerHarness(Job("queued", "1 second", j => j with { Overlap = OverlapPolicy.Queue }));
        harness.Runtime.AutoExitCode = null;
        await harness.StartAsync();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(3));
        await EventuallyAsync(() => harness.RunsOf("queued").Count == 2, () => $"{harness.RunsOf("queued").Count} runs");
        Assert.Equal([JobRunState.Running, JobRunState.Skipped], harness.RunsOf("queued").Select(r => r.State));

        harness.Runtime.All.Single().Exit(0);

        await EventuallyAsync(() => harness.RunsOf("queued").Count == 3, () => $"{harness.RunsOf("queued").Count} runs");
        var runs = harness.RunsOf("queued");
        Assert.Equal([harness.At(1), harness.At(3), harness.At(2)], runs.Select(r => r.ScheduledAt!.Value));
        Assert.Equal(JobRunState.Succeeded, runs[0].State);
        Assert.Equal(JobRunState.Running, runs[2].State);
    }

    [Fact]
    public async Task With_overlap_replace_the_running_run_is_stopped_before_the_new_one_starts()
    {
        await using var harness = new SchedulerHarness(Job("latest", "1 second", j => j with { Overlap = OverlapPolicy.Replace }));
        harness.Runtime.AutoExitCode = null;
        await harness.StartAsync();

        await harness.AdvanceAsync(TimeSpan.FromSeconds(2));

        await EventuallyAsync(() => harness.Runtime.All.Count == 2 && harness.RunsOf("latest")[0].State != JobRunState.Running, () => $"{harness.Runtime.All.Count} containers");
        var runs = harness.RunsOf("latest");
        Assert.Equal((JobRunState.Failed, "replaced by a newer run (overlap: replace)"), (runs[0].State, runs[0].Message));
        Assert.True(harness.Runtime.All[0].Stopped);
        Assert.Single(harness.Runtime.Running);
    }

    [Fact]
    public async Task A_newly_applied_revision_is_picked_up_without_a_restart()
    {
        await using var harness = new SchedulerHarness(Job("changing", "1 day at 17:00"));
        var scheduler = await harness.StartAsync();
        Assert.Equal(harness.At(17 * 3600), scheduler.Overview().Single().NextRunAt);

        harness.Apply(Job("changing", "5 seconds"), Job("added", "1 day at 09:00"));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        await EventuallyAsync(() => scheduler.SleepingUntil == harness.At(5), () => $"the loop sleeps until {scheduler.SleepingUntil:O}");
        await harness.AdvanceAsync(TimeSpan.FromSeconds(4));

        await EventuallyAsync(() => harness.RunsOf("changing").Count == 1, () => "no run yet");
        Assert.Equal(harness.At(5), harness.RunsOf("changing")[0].ScheduledAt);
        Assert.Equal(["added", "changing"], scheduler.Overview().Select(j => j.Name));
    }

    [Fact]
    public async Task Run_once_catches_up_one_missed_tick_at_start_up_and_skip_does_not()
    {
        await using var harness = new SchedulerHarness(
            Job("catch-up", "2 seconds", j => j with { Missed = MissedRunPolicy.RunOnce }),
            Job("forget", "2 seconds"));
        foreach (var job in new[] { "catch-up", "forget" })
        {
            harness.Runs.Finish(harness.Runs.Begin(job, JobTriggers.Schedule, harness.At(0)), JobRunState.Succeeded, 0, null, null);
        }

        harness.Clock.Advance(TimeSpan.FromSeconds(9));
        await harness.StartAsync();

        await EventuallyAsync(() => harness.RunsOf("catch-up").Count == 2, () => "no catch-up run");
        Assert.Equal(harness.At(2), harness.RunsOf("catch-up")[1].ScheduledAt);
        Assert.Single(harness.RunsOf("forget"));
    }

    [Fact]
    public async Task After_a_restart_a_lost_run_is_recorded_failed_and_a_running_one_is_adopted()
    {
        await using var harness = new SchedulerHarness(Job("nightly", "1 day at 03:00"));
        harness.Runtime.AutoExitCode = null;
        var scheduler = await harness.StartAsync();
        var adopted = scheduler.StartNow("nightly")!.Value;
        await EventuallyAsync(() => harness.Runs.Get("nightly", adopted)!.StartedAt is not null, () => "not started");
        await harness.StopAsync();
        var lost = harness.Runs.Begin("nightly", JobTriggers.Manual, null);

        await harness.StartAsync();

        await EventuallyAsync(() => harness.Runs.Get("nightly", lost)!.State != JobRunState.Running, () => "lost run still running");
        Assert.Equal((JobRunState.Failed, "daemon restarted (the run's container is gone)"), (harness.Runs.Get("nightly", lost)!.State, harness.Runs.Get("nightly", lost)!.Message));
        Assert.Equal(JobRunState.Running, harness.Runs.Get("nightly", adopted)!.State);
        harness.Runtime.All.Single().Exit(4);
        await EventuallyAsync(() => harness.Runs.Get("nightly", adopted)!.State != JobRunState.Running, () => "adopted run still running");
        Assert.Equal((JobRunState.Failed, 4L), (harness.Runs.Get("nightly", adopted)!.State, harness.Runs.Get("nightly", adopted)!.ExitCode!.Value));
        await EventuallyAsync(() => harness.Runtime.All.Single().Removed, () => "the adopted run's container was left behind");
    }

    [Fact]
    public async Task At_start_up_another_daemon_s_job_containers_are_neither_adopted_nor_removed()
    {
        await using var harness = new SchedulerHarness(Job("nightly", "1 day at 03:00"));
        var lost = harness.Runs.Begin("nightly", JobTriggers.Manual, null);
        var other = new Naming("t", new DaemonIdentity("b2b2b2b2b2b2"));
        var run = lost.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var othersRun = JobContainer(harness, other, $"t-nightly-run-{run}", (SkyLabels.Run, run));
        var othersArmed = JobContainer(harness, other, "t-nightly-armed-abcdef", (SkyLabels.Armed, "true"));
        var leftover = JobContainer(harness, harness.Naming, "t-nightly-armed-012345", (SkyLabels.Armed, "true"));

        await harness.StartAsync();

        // The other daemon's run of the same number is not this daemon's lost run.
        Assert.Equal((JobRunState.Failed, "daemon restarted (the run's container is gone)"), (harness.Runs.Get("nightly", lost)!.State, harness.Runs.Get("nightly", lost)!.Message));
        Assert.False(othersRun.Removed || othersRun.Stopped || othersArmed.Removed || othersArmed.Stopped);
        Assert.True(leftover.Removed);
    }

    [Fact]
    public async Task A_run_whose_container_name_another_daemon_holds_fails_saying_which_daemon_holds_it()
    {
        await using var harness = new SchedulerHarness(Job("nightly", "1 day at 03:00"));
        var scheduler = await harness.StartAsync();

        // Each data folder numbers its runs from 1: the other daemon's first run holds this one's first run's name.
        var holder = JobContainer(harness, new Naming("t", new DaemonIdentity("b2b2b2b2b2b2", "/srv/sky-b")), "t-nightly-run-1", (SkyLabels.Run, "1"));
        var run = scheduler.StartNow("nightly")!.Value;

        await EventuallyAsync(() => harness.Runs.Get("nightly", run)!.State != JobRunState.Running, () => "the run still going");
        Assert.Equal(1, run);
        Assert.Equal(
            (JobRunState.Failed, "could not start: container name t-nightly-run-1 is taken by another sky daemon (identity b2b2b2b2b2b2, data folder /srv/sky-b): stop that daemon's service or start this one with --namespace"),
            (harness.Runs.Get("nightly", run)!.State, harness.Runs.Get("nightly", run)!.Message));
        Assert.False(holder.Removed || holder.Stopped);
    }

    private static Sky.Testing.Engine.FakeContainer JobContainer(SchedulerHarness harness, Naming maker, string name, (string Key, string Value) label)
    {
        var labels = maker.BaseLabels(SkyLabels.JobKind);
        labels[SkyLabels.Job] = "nightly";
        labels[label.Key] = label.Value;
        return harness.Runtime.Add(new Sky.Runtime.ContainerCreateRequest { Name = name, Image = "base:0.7", Labels = labels }, ContainerState.Running);
    }
}
