using Sky.Model;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Tests.Restarts;

public sealed class RestartTrackerTests
{
    private static readonly RestartPolicy OnFailure3 = new(RestartMode.OnFailure, 3);

    [Fact]
    public void The_first_restart_is_due_at_once_and_each_next_one_after_a_back_off_twice_as_long_as_the_last()
    {
        var clock = new ManualClock();
        var tracker = new RestartTracker(clock);
        Assert.Equal(RestartVerdict.Restart, tracker.Observe(ContainerEnd.Failed, OnFailure3));
        Assert.True(tracker.IsDue());
        tracker.Restarted();
        foreach (var milliseconds in new[] { 200, 400 })
        {
            Assert.Equal(RestartVerdict.Restart, tracker.Observe(ContainerEnd.Failed, OnFailure3));
            clock.Advance(TimeSpan.FromMilliseconds(milliseconds - 1));
            Assert.False(tracker.IsDue());
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(tracker.IsDue());
            tracker.Restarted();
        }

        Assert.Equal(RestartVerdict.CrashLoop, tracker.Observe(ContainerEnd.Failed, OnFailure3));
        Assert.True(tracker.CrashLooping);
        Assert.False(tracker.IsDue());
    }

    [Fact]
    public void Seeing_the_same_end_again_keeps_the_due_time()
    {
        var clock = new ManualClock();
        var tracker = new RestartTracker(clock);
        tracker.Observe(ContainerEnd.Failed, OnFailure3);
        tracker.Restarted();
        tracker.Observe(ContainerEnd.Failed, OnFailure3);
        var due = tracker.Due;
        clock.Advance(TimeSpan.FromMilliseconds(100));
        tracker.Observe(ContainerEnd.Failed, OnFailure3);
        Assert.Equal(due, tracker.Due);
    }

    [Fact]
    public void Thirty_seconds_of_running_well_forgive_earlier_restarts()
    {
        var clock = new ManualClock();
        var tracker = new RestartTracker(clock);
        tracker.Observe(ContainerEnd.Failed, OnFailure3);
        tracker.Restarted();
        tracker.Observe(ContainerEnd.Failed, OnFailure3);
        tracker.Restarted();

        tracker.Running(well: true);
        clock.Advance(TimeSpan.FromSeconds(29));
        tracker.Running(well: true);
        Assert.Equal(2, tracker.ConsecutiveRestarts);
        clock.Advance(TimeSpan.FromSeconds(1));
        tracker.Running(well: true);
        Assert.Equal(0, tracker.ConsecutiveRestarts);
    }

    [Fact]
    public void Running_but_not_well_does_not_forgive()
    {
        var clock = new ManualClock();
        var tracker = new RestartTracker(clock);
        tracker.Observe(ContainerEnd.Failed, OnFailure3);
        tracker.Restarted();
        tracker.Running(well: true);
        clock.Advance(TimeSpan.FromSeconds(20));
        tracker.Running(well: false);
        clock.Advance(TimeSpan.FromSeconds(20));
        tracker.Running(well: true);
        Assert.Equal(1, tracker.ConsecutiveRestarts);
    }

    [Fact]
    public void A_crash_loop_stays_until_cleared_by_someone_starting_the_service()
    {
        var clock = new ManualClock();
        var tracker = new RestartTracker(clock);
        for (var i = 0; i < 3; i++)
        {
            tracker.Observe(ContainerEnd.Failed, OnFailure3);
            tracker.Restarted();
        }

        Assert.Equal(RestartVerdict.CrashLoop, tracker.Observe(ContainerEnd.Failed, OnFailure3));
        Assert.Equal(RestartVerdict.CrashLoop, tracker.Observe(ContainerEnd.Removed, OnFailure3));

        tracker.Clear();

        Assert.False(tracker.CrashLooping);
        Assert.Equal(RestartVerdict.Restart, tracker.Observe(ContainerEnd.Failed, OnFailure3));
        Assert.Equal(clock.GetUtcNow(), tracker.Due);
    }
}
