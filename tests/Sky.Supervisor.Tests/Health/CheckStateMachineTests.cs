using Sky.Feed;
using Sky.Supervisor.Health;

namespace Sky.Supervisor.Tests.Health;

public sealed class CheckStateMachineTests
{
    private static readonly DateTimeOffset Start = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_container_is_starting_until_its_first_success_then_healthy()
    {
        var machine = new CheckStateMachine(Start, TimeSpan.Zero, Interval, retries: 3);
        Assert.Equal(HealthNames.Starting, machine.State);
        Assert.True(machine.Record(ok: true, Start));
        Assert.Equal(HealthNames.Healthy, machine.State);
        Assert.False(machine.Record(ok: true, Start.AddSeconds(1)));
    }

    [Fact]
    public void It_is_unhealthy_only_after_retries_failures_in_a_row()
    {
        var machine = new CheckStateMachine(Start, TimeSpan.Zero, Interval, retries: 3);
        machine.Record(ok: true, Start);
        machine.Record(ok: false, Start.AddSeconds(1));
        machine.Record(ok: false, Start.AddSeconds(2));
        machine.Record(ok: true, Start.AddSeconds(3));
        machine.Record(ok: false, Start.AddSeconds(4));
        machine.Record(ok: false, Start.AddSeconds(5));
        Assert.Equal(HealthNames.Healthy, machine.State);
        Assert.True(machine.Record(ok: false, Start.AddSeconds(6)));
        Assert.Equal(HealthNames.Unhealthy, machine.State);
        Assert.True(machine.Record(ok: true, Start.AddSeconds(7)));
        Assert.Equal(HealthNames.Healthy, machine.State);
    }

    [Fact]
    public void Failures_inside_the_start_period_do_not_count()
    {
        var machine = new CheckStateMachine(Start, TimeSpan.FromSeconds(10), Interval, retries: 1);
        machine.Record(ok: false, Start.AddSeconds(1));
        machine.Record(ok: false, Start.AddSeconds(9));
        Assert.Equal(HealthNames.Starting, machine.State);
        Assert.Equal(0, machine.Failures);
        Assert.True(machine.Record(ok: false, Start.AddSeconds(10)));
        Assert.Equal(HealthNames.Unhealthy, machine.State);
    }

    [Fact]
    public void After_a_first_success_the_start_period_no_longer_shields_failures()
    {
        var machine = new CheckStateMachine(Start, TimeSpan.FromSeconds(10), Interval, retries: 1);
        machine.Record(ok: true, Start.AddSeconds(1));
        Assert.True(machine.Record(ok: false, Start.AddSeconds(2)));
        Assert.Equal(HealthNames.Unhealthy, machine.State);
    }

    [Fact]
    public void With_no_start_period_failures_in_the_first_interval_do_not_count()
    {
        // The application is still binding its port when the first, early probes come.
        var machine = new CheckStateMachine(Start, TimeSpan.Zero, TimeSpan.FromSeconds(5), retries: 1);
        machine.Record(ok: false, Start.AddMilliseconds(100));
        machine.Record(ok: false, Start.AddSeconds(4));
        Assert.Equal((HealthNames.Starting, 0), (machine.State, machine.Failures));
        Assert.True(machine.Record(ok: false, Start.AddSeconds(5)));
        Assert.Equal(HealthNames.Unhealthy, machine.State);
    }
}
