using Sky.Logs.Forwarding;

namespace Sky.Logs.Tests.Forwarding;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Waits_double_from_100_ms_up_to_5_s_and_start_over_after_a_success()
    {
        var backoff = new ReconnectBackoff();
        var waits = Enumerable.Range(0, 8).Select(_ => backoff.Next().TotalMilliseconds).ToList();
        Assert.Equal([100, 200, 400, 800, 1600, 3200, 5000, 5000], waits);

        backoff.Reset();
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next());
    }
}
