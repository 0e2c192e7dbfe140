using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Router.Readiness;
using Sky.Router.Table;

namespace Sky.Router;

/// <summary>
/// Keeps the route table true to the state feed: any change (a container started, died or was replaced, a health
/// verdict, an applied revision), a container's first answer to its readiness probe or a drain rebuilds the table
/// from the feed's current snapshot. Changes that arrive together are taken as one rebuild.
/// </summary>
public sealed class RouteFollower(StateFeed feed, RouterState state, ReadinessProbes probes, ILogger<RouteFollower> logger) : BackgroundService
{
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(5);

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a rebuild soon (a drain began, a probe answered).</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    /// <summary>Builds the table from the feed now, on the caller's thread; the feed loop calls it too.</summary>
    public void Rebuild()
    {
        lock (wake)
        {
            var snapshot = feed.Current;
            state.ForgetDrained((container, id) =>
                snapshot.Containers.GetValueOrDefault(container) is { Phase: ContainerPhase.Running } facts && facts.Id == id);
            var table = RouteTableBuilder.Build(snapshot, probes.HasAnswered, state.DrainingContainers.Values.ToHashSet(StringComparer.Ordinal));
            probes.Track(table.Sites
                .SelectMany(s => s.Backends)
                .Where(b => b.ContainerId is not null && b.HostPort is not null && b.State is BackendState.Ready or BackendState.Starting or BackendState.Unhealthy)
                .Select(b => (b.Container, b.ContainerId!, b.HostPort!.Value))
                .Distinct()
                .ToList());
            state.Swap(table);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        probes.Answered += Wake;
        try
        {
            Rebuild();
            var follow = FollowFeedAsync(stoppingToken);
            var resync = ResyncAsync(stoppingToken);
            while (await wake.Reader.WaitToReadAsync(stoppingToken))
            {
                while (wake.Reader.TryRead(out _))
                {
                }

                try
                {
                    Rebuild();
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "Rebuilding the route table failed");
                }
            }

            await follow;
            await resync;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            probes.Answered -= Wake;
        }
    }

    /// <summary>
    /// Turns each change that can move a route into a wake-up. A subscription cut off for lagging is replaced by a
    /// new one, followed by a rebuild, which reads the latest snapshot anyway.
    /// </summary>
    private async Task FollowFeedAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var subscription = feed.Subscribe();
            Wake();
            try
            {
                var changes = subscription.Changes;
                while (await changes.WaitToReadAsync(cancellationToken))
                {
                    var relevant = false;
                    while (changes.TryRead(out var change))
                    {
                        relevant |= MovesRoutes(change);
                    }

                    if (relevant)
                    {
                        Wake();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// A rebuild every few seconds whatever the feed says. Seen under load: a router whose table still had every
    /// container of a site stopped after they had started again, answering 503 until the next change; the table is
    /// cheap to build, and a route that is wrong for at most a few seconds is the bound.
    /// </summary>
    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(ResyncInterval, state.Time, cancellationToken);
                Wake();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Events, alerts and job runs change no route: rebuilding for them would be work on every notice.</summary>
    private static bool MovesRoutes(FeedChange change) =>
        change is DesiredStateChanged or ContainerChanged or ContainersListed or HealthChanged or EngineConnectionChanged;
}
