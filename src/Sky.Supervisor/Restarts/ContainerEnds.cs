using System.Collections.Concurrent;
using Sky.Feed;
using Sky.Model;
using Sky.Runtime;
using Sky.Supervisor.Health;
using Sky.Supervisor.Supervision;

namespace Sky.Supervisor.Restarts;

/// <summary>
/// Tells how a wanted container came to be not running or not well, from the engine and what sky saw: a stop the
/// engine reported (by hand), an end inside an engine outage (the engine stopped it), an end from before sky watched
/// (found stopped), a failure or a clean exit, a removal, failed checks. A container that runs well is no end: its
/// restart history learns that it runs (and, with passing checks, runs well).
/// </summary>
public sealed class ContainerEnds(IContainerRuntime runtime, HealthRegistry registry, RestartHistory history, EngineOutages outages)
{
    // Ids of containers the engine reported stopped (docker stop): not deaths for on-failure and unless-stopped.
    private readonly ConcurrentDictionary<string, bool> stoppedByHand = new(StringComparer.Ordinal);
    private DateTimeOffset watchingSince = DateTimeOffset.MaxValue;

    public EngineOutages Outages => outages;

    /// <summary>From now on, an end is one sky saw happen.</summary>
    public void StartWatching(DateTimeOffset since) => watchingSince = since;

    public void StoppedByHand(string containerId) => stoppedByHand[containerId] = true;

    /// <summary>How a wanted container ended, or null when it runs well (or is not sky's to judge yet).</summary>
    public async Task<ContainerEnd?> JudgeAsync(ContainerSpec spec, ObservedContainer? container, CancellationToken cancellationToken)
    {
        if (container is null)
        {
            return ContainerEnd.Removed;
        }

        var entry = registry.Entry(spec.Name);
        if (container.State == ContainerState.Running)
        {
            var unhealthy = entry is not null && entry.ContainerId == container.Id && entry.Health == HealthNames.Unhealthy;
            if (!unhealthy)
            {
                var well = spec.Checks.Count == 0 || (entry?.ContainerId == container.Id && entry.Health == HealthNames.Healthy);
                history.For(spec.Name).Running(well);
                return null;
            }

            return ContainerEnd.Unhealthy;
        }

        // A stopped container has no health; a crash loop, or a container that cannot be created, stays visible.
        if (entry?.Health is { } health && !GaveUp(health))
        {
            registry.Update(spec.Name, e => (e ?? entry) with { Health = GaveUp(e?.Health) ? e!.Health : null });
        }

        var details = await runtime.InspectContainerAsync(container.Id, cancellationToken);
        if (details is null)
        {
            return ContainerEnd.Removed;
        }

        // Ended before this daemon started watching: nobody knows why (a person may have stopped it meanwhile).
        if (details.FinishedAt is not { } finished || finished < watchingSince)
        {
            return ContainerEnd.FoundStopped;
        }

        return outages.Covers(finished) ? ContainerEnd.EngineStopped
            : stoppedByHand.ContainsKey(container.Id) ? ContainerEnd.StoppedByHand
            : details.ExitCode != 0 || details.OomKilled ? ContainerEnd.Failed
            : ContainerEnd.Succeeded;
    }

    private static bool GaveUp(string? health) => health is HealthNames.CrashLooping or HealthNames.CannotStart;
}
