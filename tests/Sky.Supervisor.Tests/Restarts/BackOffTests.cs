using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Tests.Restarts;

public sealed class BackOffTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(9, 51_200)]
    [InlineData(10, 60_000)]
    [InlineData(1000, 60_000)]
    public void The_first_restart_is_immediate_then_the_delay_doubles_from_200_ms_and_is_capped_at_a_minute(int restarts, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), BackOff.Delay(restarts));
}
