using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Alerts;
using Sky.Model;
using Sky.Runtime;
using Sky.Store;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Supervision;

/// <summary>
/// Keeps the instances wanted running alive. The engine's event stream (this daemon's labels only) wakes it at once;
/// a full re-sync every <see cref="ResyncEvery"/> is the safety net for anything missed, and the stream is reopened
/// with back-off when it drops (engine restart). Each pass compares what runs with what is wanted and lets the restart
/// policy decide; healing goes through <see cref="ServiceOperations.ConvergeAsync"/>, under the one lock of all
/// mutations. Containers that run are checked by one <see cref="CheckRunner"/> each.
/// </summary>
public sealed partial class ServiceSupervisor : BackgroundService
{
    public static readonly TimeSpan ResyncEvery = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan StreamBackOffCap = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan[] LookAgainAfterDeath = [.. new[] { 40, 40, 50, 70, 100, 200 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    private readonly IContainerRuntime runtime;
    private readonly Naming naming;
    private readonly DesiredStateSource desired;
    private readonly ServiceIntentRepository intents;
    private readonly RestartCountRepository restartCounts;
    private readonly ServiceOperations operations;
    private readonly HealthRegistry registry;
    private readonly EventLog events;
    private readonly CheckRunner checkRunner;
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
        Naming naming,
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
        this.naming = naming;
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
        var pump = PumpEventsAsync(stoppingToken);
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

    /// <summary>Follows the engine's events; reconnects with back-off, and every (re)connection triggers a full pass.</summary>
    private async Task PumpEventsAsync(CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string?> { [SkyLabels.Managed] = "true", [SkyLabels.Namespace] = naming.Namespace };
        var backOff = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Wake();
                await foreach (var engineEvent in runtime.GetEventsAsync(labels, null, cancellationToken))
                {
                    backOff = TimeSpan.FromSeconds(1);
                    if (engineEvent.Action == "stop")
                    {
                        stoppedByHand[engineEvent.ActorId] = true;
                    }

                    Wake();
                    if (engineEvent.Action is "die" or "oom" or "destroy" or "kill")
                    {
                        // The engine announces a death a moment before its container list shows it: look again shortly.
                        _ = WakeLaterAsync(cancellationToken);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Whatever broke the stream, the supervisor must not go deaf: log, back off, reconnect, re-sync.
                outages.StreamLost(exception is EngineUnavailableException);
                logger.LogWarning("Engine event stream lost, reconnecting in {Delay}: {Message}", backOff, exception.Message);
            }

            try
            {
                await Task.Delay(backOff, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backOff = backOff * 2 > StreamBackOffCap ? StreamBackOffCap : backOff * 2;
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
