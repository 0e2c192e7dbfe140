using static Sky.Scheduler.Tests.Jobs.SchedulerHarness;

namespace Sky.Scheduler.Tests.Jobs;

public sealed class JobArmingTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly JobSchedulerOptions Options = new() { ArmAhead = TimeSpan.FromSeconds(30), ArmInterval = TimeSpan.FromMilliseconds(500) };

    [Fact]
    public void With_no_job_due_soon_arming_sleeps_until_the_first_one_comes_within_reach()
    {
        ScheduledJob[] jobs = [new(Job("hourly", "1 hour"), null, Now.AddMinutes(10)), new(Job("soon", "1 hour"), null, Now.AddSeconds(45))];

        Assert.Equal(TimeSpan.FromSeconds(15), JobArming.NextLookIn(jobs, Now, Options));
    }

    [Fact]
    public void With_a_job_due_within_the_arming_horizon_arming_looks_again_every_interval()
    {
        ScheduledJob[] jobs = [new(Job("hourly", "1 hour"), null, Now.AddMinutes(10)), new(Job("often", "10 seconds"), null, Now.AddSeconds(8))];

        Assert.Equal(Options.ArmInterval, JobArming.NextLookIn(jobs, Now, Options));
    }

    [Fact]
    public void With_no_job_at_all_arming_sleeps_a_minute_at_most()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), JobArming.NextLookIn([], Now, Options));
        Assert.Equal(TimeSpan.FromMinutes(1), JobArming.NextLookIn([new(Job("daily", "1 day"), null, Now.AddHours(20))], Now, Options));
    }
}
