using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Feed.Changes;
using Sky.Model;
using Sky.Runtime;
using Sky.Store;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Supervision;

/// <summary>
/// Keeps the instances wanted running alive. The state feed (a container of a service dying, stopping or going away, a
/// health verdict, an applied revision) wakes it at once; a full re-sync every <see cref="ResyncEvery"/> is the safety
/// net for anything missed. Each pass compares what runs with what is wanted: running containers get their check
/// runners (<see cref="CheckRunners"/>), ended ones are judged (<see cref="ContainerEnds"/>), the restart policy gives
/// its verdict (<see cref="RestartHistory"/>) and the <see cref="Healer"/> brings them back.
/// </summary>
public sealed class ServiceSupervisor(
    StateFeed feed,
    DesiredStateSource desired,
    ServiceIntentRepository intents,
    ServiceOperations operations,
    CheckRunners checks,
    CheckVerdicts verdicts,
    ContainerEnds ends,
    RestartHistory history,
    Healer healer,
    EventLog events,
    TimeProvider clock,
    ILogger<ServiceSupervisor> logger) : BackgroundService
{
    // Each re-sync lists every container from the engine and walks every wanted one: with 300 containers, most of
    // what the supervisor allocates and a share of dockerd's idle CPU. Every change it acts on reaches it through
    // the feed at once; this only bounds how long a change the feed missed can go unnoticed.
    public static readonly TimeSpan ResyncEvery = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan[] LookAgainAfterDeath = [.. new[] { 40, 40, 50, 70, 100, 200 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ends.StartWatching(clock.GetUtcNow());
        history.Restore();
        operations.OnInstancesStarted(Forgive);
        checks.SetActive(true);
        var following = FollowFeedAsync(stoppingToken);
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
            checks.SetActive(false);
            checks.Dispose();
            await following;
        }
    }

    /// <summary>One pass; returns when the next pending restart falls due, if any.</summary>
    private async Task<DateTimeOffset?> PassAsync(CancellationToken cancellationToken)
    {
        var current = desired.Current();
        var wanted = intents.All().Where(i => i.Running).Select(i => (i.Service, i.Instance)).ToHashSet();
        var observed = (await operations.ObserveAsync(cancellationToken))
            .Where(o => o.Labels.GetValueOrDefault(SkyLabels.Kind) == SkyLabels.ServiceKind)
            .GroupBy(o => o.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.State == ContainerState.Running).First(), StringComparer.Ordinal);
        if (ends.Outages.EngineAnswered())
        {
            const string Back = "the Docker engine is reachable again: bringing back what it stopped";
            logger.LogInformation(Back);
            events.Append("engine", null, null, Back);
        }

        DateTimeOffset? nextDue = null;
        var checkedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in current.State.Services.SelectMany(s => s.Instances).Where(i => wanted.Contains((i.Service, i.Name))))
        {
            var busy = healer.Busy(instance);
            var replace = new List<string>();
            var reasons = new List<string>();
            var restarting = new List<ContainerSpec>();
            foreach (var spec in instance.Containers)
            {
                var container = observed.GetValueOrDefault(spec.Name);
                if (container is { State: ContainerState.Running })
                {
                    // A container of an earlier spec (a rollout under way) is judged by the checks it was made with.
                    var own = desired.MadeFrom(spec, container) ?? spec with { Checks = [] };
                    if (own.Checks.Count > 0)
                    {
                        checkedNames.Add(spec.Name);
                        await checks.EnsureAsync(own, container.Id, cancellationToken);
                    }
                    else
                    {
                        verdicts.RunningWithoutChecks(spec, container.Id);
                    }
                }

                if (busy || container is { State: ContainerState.Paused or ContainerState.Removing or ContainerState.Restarting })
                {
                    continue;
                }

                if (await ends.JudgeAsync(spec, container, cancellationToken) is not { } end)
                {
                    continue;
                }

                var (restartNow, due) = history.Judge(spec, container?.Id, end);
                if (restartNow)
                {
                    restarting.Add(spec);
                    reasons.Add($"{spec.Name} {RestartHistory.Describe(end)}");
                    if (end == ContainerEnd.Unhealthy && container is not null)
                    {
                        replace.Add(container.Id);
                    }
                }
                else if (due is { } at && (nextDue is null || at < nextDue))
                {
                    nextDue = at;
                }
            }

            if (restarting.Count > 0)
            {
                healer.Heal(instance, restarting, replace, string.Join("; ", reasons), Wake, cancellationToken);
            }
        }

        checks.StopExcept(checkedNames);
        return nextDue;
    }

    /// <summary>
    /// Follows the state feed: a container of a service that changed, a health verdict, an applied revision, or a fresh
    /// picture after the engine came back each trigger a pass; a lost engine stream is remembered as a possible outage.
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
                        ends.StoppedByHand(changed.Container.Id);
                    }

                    Wake();
                    if (changed.Container.Phase is ContainerPhase.Died or ContainerPhase.Removed)
                    {
                        // The engine announces a death a moment before its container list shows it: look again shortly.
                        _ = WakeLaterAsync(cancellationToken);
                    }

                    break;
                case EngineConnectionChanged { Connected: false } lost:
                    ends.Outages.StreamLost(lost.Unreachable);
                    break;
                case HealthChanged { Health.Health: HealthNames.Healthy or HealthNames.Unhealthy }:
                case FeedSnapshot or ContainersListed or DesiredStateChanged:
                    Wake();
                    break;
                default:
                    break;
            }
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

    /// <summary>Someone started or restarted these instances: their crash loops and back-offs are forgiven.</summary>
    private void Forgive(IReadOnlyList<InstanceSpec> instances)
    {
        history.Forgive(instances.SelectMany(i => i.Containers));
        Wake();
    }
}
