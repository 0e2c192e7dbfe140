using Sky.Logs;

namespace Sky.Logs.Tests;

public sealed class LogSourceTests
{
    [Fact]
    public void Two_sources_of_the_same_container_and_labels_are_equal()
    {
        var a = new LogSource { ContainerId = "c1", Container = "sky-web-production", Service = "web", Instance = "production", Replica = 1 };
        Assert.Equal(a, a with { });
        Assert.NotEqual(a, a with { Replica = 2 });
    }
}
