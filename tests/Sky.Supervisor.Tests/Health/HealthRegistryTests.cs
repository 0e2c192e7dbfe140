using Sky.Feed;
using Sky.Supervisor.Health;

namespace Sky.Supervisor.Tests.Health;

public sealed class HealthRegistryTests
{
    [Fact]
    public void Health_is_about_one_container_id_not_an_earlier_one_of_the_same_name()
    {
        var registry = new HealthRegistry();
        registry.Update("web", _ => new HealthEntry("old", HealthNames.Healthy, "HTTP 200", 2));

        Assert.True(registry.IsHealthy("web", "old"));
        Assert.False(registry.IsHealthy("web", "new"));
        Assert.Equal(new ContainerHealth(HealthNames.Healthy, "HTTP 200", 2, "old"), registry.Get("web"));
        Assert.Null(registry.Get("db"));
    }

    [Fact]
    public void Concurrent_updates_are_never_lost()
    {
        var registry = new HealthRegistry();
        Parallel.For(0, 1000, _ => registry.Update("web", e => (e ?? new HealthEntry(null, null, null, 0)) with { Restarts = (e?.Restarts ?? 0) + 1 }));
        Assert.Equal(1000, registry.Get("web")!.Restarts);
    }
}
