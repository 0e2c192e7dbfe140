using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Alerts;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Runtime;
using Sky.Store;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Supervision;

/// <summary>
/// Keeps the instances wanted running alive. The state feed (containers dying, stopping or going away, an applied
/// revision) wakes it at once; a full re-sync every <see cref="ResyncEvery"/> is the safety net for anything missed. Each pass compares what runs with what is wanted and lets the restart
/// policy decide; healing goes through <see cref="ServiceOperations.ConvergeAsync"/>, under the one lock of all
/// mutations. Containers that run are checked by one <see cref="CheckRunner"/> each.
/// </summary>
public sealed partial class ServiceSupervisor : BackgroundService
{
    public static readonly TimeSpan ResyncEvery = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan[] LookAgainAfterDeath = [.. new[] { 40, 40, 50, 70, 100, 200 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    private readonly IContainerRuntime runtime;
    private readonly StateFeed feed;
    private readonly DesiredStateSource desired;
    private readonly ServiceIntentRepository intents;
    private readonly RestartCountRepository restartCounts;
    private readonly ServiceOperations operations;
    private readonly HealthRegistry registry;
    private readonly EventLog events;
    private readonly CheckRunner checkRunner;
    private readonly CheckVerdicts verdicts;
    private readonly TimeProvider clock;
    private readonly IAlertSink? alerts;
    private readonly ILogger<ServiceSupervisor> logger;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, RestartTracker> trackers = new(StringComparer.Ordinal);

    // Ids of containers the engine reported stopped (docker stop): not deaths for on-failure and unless-stopped.
    private readonly ConcurrentDictionary<string, bool> stoppedByHand = new(StringComparer.Ordinal);
    private readonly EngineOutages outages;
    private DateTimeOffset startedAt;

    public ServiceSupervisor(
        IContainerRuntime runtime,
        StateFeed feed,
        DesiredStateSource desired,
        ServiceIntentRepository intents,
        RestartCountRepository restartCounts,
        ServiceOperations operations,
        HealthRegistry registry,
        EventLog events,
        CheckProber prober,
        TimeProvider clock,
        IServiceProvider services,
        ILogger<ServiceSupervisor> logger)
    {
        this.runtime = runtime;
        this.feed = feed;
        this.desired = desired;
        this.intents = intents;
        this.restartCounts = restartCounts;
        this.operations = operations;
        this.registry = registry;
        this.events = events;
        this.clock = clock;
        this.logger = logger;
        checkRunner = new CheckRunner(prober, clock);
        outages = new EngineOutages(clock);
        verdicts = new CheckVerdicts(registry, events, name => Tracker(name).CrashLooping, Signal);

        // Alerts are another part of the daemon; without them the supervisor still heals and logs.
        alerts = services.GetService<IAlertSink>();
        operations.OnInstancesStarted(Forget);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        startedAt = clock.GetUtcNow();
        foreach (var (name, count) in restartCounts.All())
        {
            registry.Update(name, e => (e ?? new HealthEntry(null, null, null, 0)) with { Restarts = count });
        }

        registry.SetActive(true);
        var pump = FollowFeedAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DateTimeOffset? nextDue = null;
                try
                {
                    nextDue = await PassAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is EngineException or EngineUnavailableException or HttpRequestException or IOException or OperationException)
                {
                    logger.LogWarning("Supervisor pass failed, trying again at the next re-sync: {Message}", exception.Message);
                }

                var wait = ResyncEvery;
                if (nextDue is { } due)
                {
                    var untilDue = due - clock.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < wait ? untilDue + TimeSpan.FromMilliseconds(20) : wait;
                }

                await WaitForWakeAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            registry.SetActive(false);
            StopAllRunners();
            await pump;
        }
    }

    private async Task WaitForWakeAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            await wake.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        while (wake.Reader.TryRead(out _))
        {
        }
    }

    private void Wake() => wake.Writer.TryWrite(true);

    private async Task WakeLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            // The engine lists a dead container as running until it has cleaned up after it (~100 ms on a small
            // machine): look again a few times, soon at first, so a replacement waits on the engine and not on a delay.
            foreach (var step in LookAgainAfterDeath)
            {
                await Task.Delay(step, clock, cancellationToken);
                Wake();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Follows the state feed: a container of a service that changed, an applied revision, or a fresh picture after the
    /// engine came back each trigger a pass; a lost engine stream is remembered as a possible engine outage.
    /// </summary>
    private async Task FollowFeedAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in feed.WatchAsync(cancellationToken: cancellationToken))
        {
            switch (item)
            {
                case ContainerChanged { Container.Kind: SkyLabels.ServiceKind } changed:
                    if (changed.Container.Phase == ContainerPhase.Stopped)
                    {
                        stoppedByHand[changed.Container.Id] = true;
                    }

                    Wake();
                    if (changed.Container.Phase is ContainerPhase.Died or ContainerPhase.Removed)
                    {
                        // The engine announces a death a moment before its container list shows it: look again shortly.
                        _ = WakeLaterAsync(cancellationToken);
                    }

                    break;
                case EngineConnectionChanged { Connected: false } lost:
                    outages.StreamLost(lost.Unreachable);
                    break;
                case FeedSnapshot or ContainersListed or DesiredStateChanged:
                    Wake();
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Someone started or restarted these instances: their crash loops and back-offs are forgiven.</summary>
    private void Forget(IReadOnlyList<InstanceSpec> instances)
    {
        foreach (var spec in instances.SelectMany(i => i.Containers))
        {
            Tracker(spec.Name).Clear();
            registry.Update(spec.Name, e => e is null ? new HealthEntry(null, null, null, 0) : e with { Health = e.Health == HealthNames.CrashLooping ? null : e.Health });
        }

        Wake();
    }

    private RestartTracker Tracker(string name) => trackers.GetOrAdd(name, _ => new RestartTracker(clock));

    private void Signal(SignalKind kind, ContainerSpec spec, string message)
    {
        if (alerts is null)
        {
            return;
        }

        var maintainer = desired.Current().State.FindService(spec.Service)?.Maintainer;
        alerts.Signal(new AlertSignal(kind, spec.Service, spec.Instance, spec.Name, maintainer, message));
    }
}
