using Microsoft.Extensions.Logging.Abstractions;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using static Sky.Scheduler.Tests.Jobs.SchedulerHarness;

namespace Sky.Scheduler.Tests.Jobs;

public sealed class ScheduledJobsTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_newly_applied_revision_is_read_on_the_next_question_and_tells_sleepers()
    {
        var feed = new StateFeed();
        var jobs = new ScheduledJobs(feed, new FakeTimeProvider(Start), NullLogger<ScheduledJobs>.Instance);
        jobs.Refresh();
        var change = jobs.NextChange;

        feed.Publish(new DesiredStateChanged(feed.Current.Revision + 1, new DesiredState([], [Job("report", "1 hour")]), "test"));

        Assert.False(change.IsCompleted);
        Assert.NotNull(jobs.Find("report"));
        Assert.True(change.IsCompleted);
        Assert.Equal(Start.AddHours(1), Assert.Single(jobs.List()).Next);
    }

    [Fact]
    public void Taking_due_ticks_moves_the_jobs_on_and_tells_sleepers_but_finding_none_does_not()
    {
        var feed = new StateFeed();
        feed.Publish(new DesiredStateChanged(feed.Current.Revision + 1, new DesiredState([], [Job("report", "1 hour")]), "test"));
        var jobs = new ScheduledJobs(feed, new FakeTimeProvider(Start), NullLogger<ScheduledJobs>.Instance);
        jobs.Refresh();

        var quiet = jobs.NextChange;
        Assert.Empty(jobs.TakeDue(Start.AddMinutes(59)).Due);
        Assert.False(quiet.IsCompleted);

        var (due, next) = jobs.TakeDue(Start.AddHours(1));
        Assert.Equal("report", Assert.Single(due).Job.Name);
        Assert.Equal(Start.AddHours(2), next);
        Assert.True(quiet.IsCompleted);
    }
}
