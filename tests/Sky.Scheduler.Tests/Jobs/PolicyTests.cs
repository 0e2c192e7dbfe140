using Sky.Model;
using Sky.Schedules;
using static Sky.Scheduler.Tests.Jobs.SchedulerHarness;

namespace Sky.Scheduler.Tests.Jobs;

public sealed class PolicyTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(OverlapPolicy.Skip, false, false, OverlapDecision.Start)]
    [InlineData(OverlapPolicy.Queue, false, false, OverlapDecision.Start)]
    [InlineData(OverlapPolicy.Replace, false, false, OverlapDecision.Start)]
    [InlineData(OverlapPolicy.Skip, true, false, OverlapDecision.Skip)]
    [InlineData(OverlapPolicy.Queue, true, false, OverlapDecision.Queue)]
    [InlineData(OverlapPolicy.Queue, true, true, OverlapDecision.Skip)]
    [InlineData(OverlapPolicy.Replace, true, false, OverlapDecision.Replace)]
    public void The_overlap_policy_decides_what_a_tick_does_while_a_run_is_going(OverlapPolicy policy, bool running, bool queued, OverlapDecision expected)
    {
        Assert.Equal(expected, OverlapRules.Decide(policy, running, queued));
    }

    [Fact]
    public void Run_once_catches_up_the_first_tick_missed_since_the_last_recorded_run()
    {
        var job = Job("nightly", "1 day at 03:00", j => j with { Missed = MissedRunPolicy.RunOnce });

        var tick = MissedRuns.CatchUpTick(job, Parse(job), Start.AddDays(-3), Start);

        Assert.Equal(new DateTimeOffset(2025, 5, 30, 3, 0, 0, TimeSpan.Zero), tick);
    }

    [Fact]
    public void Run_once_does_nothing_when_no_tick_was_missed()
    {
        var job = Job("nightly", "1 day at 03:00", j => j with { Missed = MissedRunPolicy.RunOnce });

        Assert.Null(MissedRuns.CatchUpTick(job, Parse(job), Start.AddHours(-6), Start));
    }

    [Fact]
    public void A_job_never_recorded_or_with_skip_has_missed_nothing()
    {
        var runOnce = Job("nightly", "1 day at 03:00", j => j with { Missed = MissedRunPolicy.RunOnce });
        var skip = Job("nightly", "1 day at 03:00");

        Assert.Null(MissedRuns.CatchUpTick(runOnce, Parse(runOnce), null, Start));
        Assert.Null(MissedRuns.CatchUpTick(skip, Parse(skip), Start.AddDays(-3), Start));
    }

    [Fact]
    public void The_output_tail_keeps_the_last_lines_within_its_capacity()
    {
        var tail = new OutputTail(13);
        foreach (var line in new[] { "first", "second", "third" })
        {
            tail.Add(line);
        }

        Assert.Equal("second\nthird\n", tail.ToString());
        Assert.True(tail.Truncated);
    }

    private static Schedule Parse(JobSpec job) =>
        ScheduleParser.TryParse(job.Every, job.TimeZone, out var schedule, out var error) ? schedule : throw new InvalidOperationException(error);
}
