using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Tests.Restarts;

public sealed class BackOffTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(1000, 60)]
    public void The_delay_doubles_from_one_second_and_is_capped_at_a_minute(int restarts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), BackOff.Delay(restarts));
}
