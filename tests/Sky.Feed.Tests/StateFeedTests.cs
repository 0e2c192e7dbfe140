using Sky.Feed.Changes;
using Sky.Model;

namespace Sky.Feed.Tests;

public sealed class StateFeedTests
{
    private static ContainerFacts Web(string id, ContainerPhase phase, int hostPort = 0) => new()
    {
        Name = "web-production",
        Id = id,
        Service = "web",
        Instance = "production",
        Phase = phase,
        HostPorts = hostPort == 0 ? new Dictionary<int, int>() : new Dictionary<int, int> { [8080] = hostPort },
    };

    [Fact]
    public async Task A_subscriber_gets_the_snapshot_then_every_later_change_in_order()
    {
        var feed = new StateFeed();
        feed.Publish(new DesiredStateChanged(1, DesiredState.Empty, "a.yml"));
        using var subscription = feed.Subscribe();
        feed.Publish(new ContainerChanged(Web("c1", ContainerPhase.Running, 32768)));
        feed.Publish(new HealthChanged(new HealthFacts("web-production", "c1", "web", "production", "healthy", "HTTP 200"), "starting"));

        Assert.Equal(1, subscription.Snapshot.Sequence);
        Assert.Equal(1, subscription.Snapshot.Revision);
        Assert.Empty(subscription.Snapshot.Containers);
        var first = await subscription.Changes.ReadAsync();
        var second = await subscription.Changes.ReadAsync();
        Assert.Equal((2, 3), (first.Sequence, second.Sequence));
        Assert.IsType<ContainerChanged>(first);
        Assert.Equal("healthy", Assert.IsType<HealthChanged>(second).Health.Health);
    }

    [Fact]
    public void The_current_snapshot_knows_published_ports_and_the_health_of_the_container_that_runs_now()
    {
        var feed = new StateFeed();
        feed.Publish(new ContainerChanged(Web("c1", ContainerPhase.Running, 32768)));
        feed.Publish(new HealthChanged(new HealthFacts("web-production", "c1", "web", "production", "healthy", "HTTP 200"), null));
        Assert.Equal(32768, feed.Current.Containers["web-production"].HostPorts[8080]);
        Assert.Equal("healthy", feed.Current.HealthOf("web-production")?.Health);

        // Replaced: the new container has a new port and no health yet; the old one's verdict does not carry over.
        feed.Publish(new ContainerChanged(Web("c1", ContainerPhase.Removed)));
        feed.Publish(new ContainerChanged(Web("c2", ContainerPhase.Running, 32769)));
        Assert.Equal(32769, feed.Current.Containers["web-production"].HostPorts[8080]);
        Assert.Null(feed.Current.HealthOf("web-production"));
    }

    [Fact]
    public void A_death_keeps_the_ports_known_for_the_same_container_and_a_late_removal_of_an_old_one_changes_nothing()
    {
        var feed = new StateFeed();
        feed.Publish(new ContainerChanged(Web("c2", ContainerPhase.Running, 32769)));
        feed.Publish(new ContainerChanged(Web("c2", ContainerPhase.Died) with { ExitCode = 137 }));
        feed.Publish(new ContainerChanged(Web("c1", ContainerPhase.Removed)));

        var web = feed.Current.Containers["web-production"];
        Assert.Equal((ContainerPhase.Died, 137, 32769), (web.Phase, web.ExitCode, web.HostPorts[8080]));
    }

    [Fact]
    public void A_slow_subscriber_never_blocks_the_producer_and_is_told_to_resync()
    {
        var feed = new StateFeed();
        using var slow = feed.Subscribe(capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            feed.Publish(new ActivityRecorded(i, "apply", null, null, $"change {i}"));
        }

        Assert.True(slow.Lagged);
        var read = new List<FeedChange>();
        while (slow.Changes.TryRead(out var change))
        {
            read.Add(change);
        }

        Assert.Equal([1L, 2L, 3L], read.Select(c => c.Sequence));
        Assert.True(slow.Changes.Completion.IsCompleted);
        Assert.Equal(10, feed.Current.Sequence);
    }

    [Fact]
    public async Task Watching_starts_again_from_a_fresh_snapshot_after_falling_behind()
    {
        var feed = new StateFeed();
        using var cancel = new CancellationTokenSource();
        await using var watch = feed.WatchAsync(capacity: 2, cancel.Token).GetAsyncEnumerator();

        Assert.True(await watch.MoveNextAsync());
        Assert.IsType<FeedSnapshot>(watch.Current);
        for (var i = 0; i < 5; i++)
        {
            feed.Publish(new ActivityRecorded(i, "apply", null, null, $"change {i}"));
        }

        var seen = new List<FeedItem>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await watch.MoveNextAsync());
            seen.Add(watch.Current);
        }

        // Two changes fitted; then a snapshot that includes all five.
        Assert.Equal([1L, 2L, 5L], seen.Select(s => s.Sequence));
        Assert.IsType<FeedSnapshot>(seen[2]);
        feed.Publish(new ActivityRecorded(6, "apply", null, null, "after"));
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(6, watch.Current.Sequence);
    }

    [Fact]
    public void Changes_carry_the_service_they_are_about()
    {
        Assert.Equal("web", new ContainerChanged(Web("c1", ContainerPhase.Created)).Service);
        Assert.Equal("nightly", new JobRunChanged("nightly", 1, "running", null, null).Service);
        Assert.Null(new DesiredStateChanged(1, DesiredState.Empty, "x").Service);
    }

    [Fact]
    public void A_listing_after_reconnecting_replaces_the_picture_of_the_containers()
    {
        var feed = new StateFeed();
        feed.Publish(new ContainerChanged(Web("c1", ContainerPhase.Running, 32768)));
        feed.Publish(new EngineConnectionChanged(false, true, "engine restarting"));
        Assert.False(feed.Current.EngineConnected);

        feed.Publish(new ContainersListed([Web("c1", ContainerPhase.Stopped) with { Name = "web-dev" }]));
        Assert.Equal(["web-dev"], feed.Current.Containers.Keys);
        Assert.True(feed.Current.EngineConnected);
    }
}
