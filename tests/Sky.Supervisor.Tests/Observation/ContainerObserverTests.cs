using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Runtime;
using Sky.Supervisor.Observation;
using Sky.Testing.Engine;

namespace Sky.Supervisor.Tests.Observation;

public sealed class ContainerObserverTests : IAsyncDisposable
{
    private readonly FakeContainerRuntime engine = new() { AutoExitCode = null };
    private readonly FakeTimeProvider clock = new();
    private readonly StateFeed feed = new();
    private readonly Naming naming = new("t", new DaemonIdentity("a1a1a1a1a1a1"));
    private readonly FeedSubscription subscription;
    private readonly ContainerObserver observer;

    public ContainerObserverTests()
    {
        subscription = feed.Subscribe();
        observer = new ContainerObserver(engine, naming, feed, clock, NullLogger<ContainerObserver>.Instance);
    }

    private FakeContainer Add(string name, ContainerState state, int hostPort = 0, Naming? maker = null)
    {
        var labels = (maker ?? naming).BaseLabels(SkyLabels.ServiceKind);
        labels[SkyLabels.Service] = "web";
        labels[SkyLabels.Instance] = "production";
        var container = engine.Add(new ContainerCreateRequest { Name = name, Image = "my-application:1.0", Labels = labels }, state);
        if (hostPort > 0)
        {
            container.PublishedPorts[8080] = hostPort;
        }

        return container;
    }

    private static EngineEvent Event(FakeContainer container, string action, string? exitCode = null)
    {
        var attributes = new Dictionary<string, string>(container.Request.Labels) { ["name"] = container.Name };
        if (exitCode is not null)
        {
            attributes["exitCode"] = exitCode;
        }

        return new EngineEvent("container", action, container.Id, attributes, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task Connecting_lists_every_container_with_the_host_ports_of_the_running_ones()
    {
        Add("t-web-production", ContainerState.Running, hostPort: 32768);
        Add("t-web-dev", ContainerState.Exited, hostPort: 32769);

        await observer.StartAsync(CancellationToken.None);
        var listed = await NextAsync<ContainersListed>();

        var byName = listed.Containers.ToDictionary(c => c.Name);
        Assert.Equal((ContainerPhase.Running, 32768, "web", "production"), (byName["t-web-production"].Phase, byName["t-web-production"].HostPorts[8080], byName["t-web-production"].Service, byName["t-web-production"].Instance));
        Assert.Equal(ContainerPhase.Died, byName["t-web-dev"].Phase);
        Assert.Empty(byName["t-web-dev"].HostPorts);
        Assert.Equal(32768, feed.Current.Containers["t-web-production"].HostPorts[8080]);
    }

    [Fact]
    public async Task A_start_is_published_with_its_host_ports_and_a_death_with_its_exit_code()
    {
        await observer.StartAsync(CancellationToken.None);
        await NextAsync<ContainersListed>();
        var web = Add("t-web-production", ContainerState.Running, hostPort: 32770);

        engine.Emit(Event(web, "create"));
        engine.Emit(Event(web, "exec_start: sh"));
        engine.Emit(Event(web, "start"));
        engine.Emit(Event(web, "die", exitCode: "137"));
        engine.Emit(Event(web, "destroy"));

        Assert.Equal(ContainerPhase.Created, (await NextAsync<ContainerChanged>()).Container.Phase);
        var running = (await NextAsync<ContainerChanged>()).Container;
        Assert.Equal((ContainerPhase.Running, 32770, SkyLabels.ServiceKind), (running.Phase, running.HostPorts[8080], running.Kind));
        var died = (await NextAsync<ContainerChanged>()).Container;
        Assert.Equal((ContainerPhase.Died, 137), (died.Phase, died.ExitCode));
        Assert.Equal(ContainerPhase.Removed, (await NextAsync<ContainerChanged>()).Container.Phase);
        Assert.False(feed.Current.Containers.ContainsKey("t-web-production"));
    }

    [Fact]
    public async Task Another_daemon_s_containers_of_the_namespace_never_reach_the_feed()
    {
        var other = new Naming("t", new DaemonIdentity("b2b2b2b2b2b2"));
        Add("t-api-production", ContainerState.Running, hostPort: 32772, maker: other);
        Add("t-web-production", ContainerState.Running, hostPort: 32773);

        await observer.StartAsync(CancellationToken.None);
        var listed = await NextAsync<ContainersListed>();
        var late = Add("t-worker-production", ContainerState.Running, maker: other);
        var mine = Add("t-web-dev", ContainerState.Running);
        engine.Emit(Event(late, "start"));
        engine.Emit(Event(mine, "start"));

        Assert.Equal("t-web-production", Assert.Single(listed.Containers).Name);
        Assert.Equal("t-web-dev", (await NextAsync<ContainerChanged>()).Container.Name);
        Assert.Equal(["t-web-dev", "t-web-production"], feed.Current.Containers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_lost_engine_is_published_and_everything_is_listed_again_on_reconnecting()
    {
        await observer.StartAsync(CancellationToken.None);
        await NextAsync<ContainersListed>();
        var web = Add("t-web-production", ContainerState.Running, hostPort: 32771);

        engine.BreakEvents(new EngineUnavailableException("cannot reach the Docker engine at unix:///var/run/docker.sock"));

        var lost = await NextAsync<EngineConnectionChanged>();
        Assert.Equal((false, true), (lost.Connected, lost.Unreachable));
        Assert.False(feed.Current.EngineConnected);

        // The observer waits one second of its clock before reconnecting.
        var listed = await WithClockMovingAsync(NextAsync<ContainersListed>);
        Assert.Equal(web.Id, Assert.Single(listed.Containers).Id);
        Assert.True(feed.Current.EngineConnected);
        Assert.Equal(2, engine.EventSubscriptions);
    }

    /// <summary>
    /// Moves the fake clock a second at a time until <paramref name="next"/> completes: the observer's back-off timer
    /// may be set just after a move, so one move alone could miss it.
    /// </summary>
    private async Task<T> WithClockMovingAsync<T>(Func<Task<T>> next)
    {
        var waiting = next();
        for (var moves = 0; moves < 100 && !waiting.IsCompleted; moves++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(waiting, Task.Delay(20));
        }

        return await waiting;
    }

    /// <summary>The next change of that type on the feed; bounded in real time so a broken observer fails, not hangs.</summary>
    private async Task<T> NextAsync<T>()
        where T : FeedChange
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await subscription.Changes.ReadAsync(bound.Token) is T change)
            {
                return change;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await observer.StopAsync(CancellationToken.None);
        observer.Dispose();
        subscription.Dispose();
    }
}
