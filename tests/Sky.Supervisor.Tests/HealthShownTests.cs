using Sky.Feed;
using Sky.Supervisor.Health;

namespace Sky.Supervisor.Tests;

/// <summary>The health people are shown is the truth about the container that is there now, not the supervisor's bookkeeping.</summary>
public sealed class HealthShownTests
{
    [Fact]
    public void A_running_container_without_checks_has_no_health_though_the_supervisor_counts_it_healthy() =>
        Assert.Equal((null, null), HealthShown.Of(new ContainerHealth(HealthNames.Healthy, null, 0, "c1"), "c1", running: true, isChecked: false));

    [Fact]
    public void A_stopped_container_has_no_health_and_no_last_check_whatever_its_checks_said_when_it_ran() =>
        Assert.Equal((null, null), HealthShown.Of(new ContainerHealth(HealthNames.Healthy, "HTTP 200", 0, "c1"), "c1", running: false, isChecked: true));

    [Fact]
    public void A_running_checked_container_shows_the_verdict_and_the_last_check_of_its_own_checks() =>
        Assert.Equal((HealthNames.Unhealthy, "HTTP 503"), HealthShown.Of(new ContainerHealth(HealthNames.Unhealthy, "HTTP 503", 1, "c2"), "c2", running: true, isChecked: true));

    [Fact]
    public void A_verdict_about_an_earlier_container_of_the_same_name_says_nothing_of_the_new_one() =>
        Assert.Equal((HealthNames.Starting, null), HealthShown.Of(new ContainerHealth(HealthNames.Healthy, "HTTP 200", 1, "old"), "new", running: true, isChecked: true));

    [Theory]
    [InlineData(HealthNames.CrashLooping)]
    [InlineData(HealthNames.CannotStart)]
    public void A_container_sky_gave_up_on_says_so_whether_it_runs_or_not(string verdict)
    {
        Assert.Equal(verdict, HealthShown.Of(new ContainerHealth(verdict, null, 3, "c1"), "c1", running: false, isChecked: false).Health);
        Assert.Equal(verdict, HealthShown.Of(new ContainerHealth(verdict, null, 3, "c1"), null, running: false, isChecked: true).Health);
    }
}
