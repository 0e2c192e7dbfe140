using Microsoft.Extensions.Logging;
using Sky.Alerts;
using Sky.Model;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Supervision;

/// <summary>One pass: what runs against what is wanted, the restart policy's verdicts, and the healing they call for.</summary>
public sealed partial class ServiceSupervisor
{
    // Instance (service, name) to its healing in progress: one at a time per instance, passes go on meanwhile.
    private readonly Dictionary<(string Service, string Instance), Task> healing = [];

    /// <summary>Returns when the next pending restart falls due, if any.</summary>
    private async Task<DateTimeOffset?> PassAsync(CancellationToken cancellationToken)
    {
        var current = desired.Current();
        var wanted = intents.All().Where(i => i.Running).Select(i => (i.Service, i.Instance)).ToHashSet();
        var observed = (await operations.ObserveAsync(cancellationToken))
            .Where(o => o.Labels.GetValueOrDefault(SkyLabels.Kind) == SkyLabels.ServiceKind)
            .GroupBy(o => o.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.State == ContainerState.Running).First(), StringComparer.Ordinal);
        if (outages.EngineAnswered())
        {
            const string Back = "the Docker engine is reachable again: bringing back what it stopped";
            logger.LogInformation(Back);
            events.Append("engine", null, null, Back);
        }

        foreach (var done in healing.Where(h => h.Value.IsCompleted).Select(h => h.Key).ToList())
        {
            healing.Remove(done);
        }

        DateTimeOffset? nextDue = null;
        var checkedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in current.State.Services.SelectMany(s => s.Instances).Where(i => wanted.Contains((i.Service, i.Name))))
        {
            var busy = healing.ContainsKey((instance.Service, instance.Name));
            var replace = new List<string>();
            var reasons = new List<string>();
            var restarting = new List<ContainerSpec>();
            foreach (var spec in instance.Containers)
            {
                var container = observed.GetValueOrDefault(spec.Name);
                if (container is { State: ContainerState.Running })
                {
                    if (spec.Checks.Count > 0)
                    {
                        checkedNames.Add(spec.Name);
                        await EnsureRunnerAsync(spec, container.Id, cancellationToken);
                    }
                    else
                    {
                        MarkRunningWithoutChecks(spec, container.Id);
                    }
                }

                if (busy || container is { State: ContainerState.Paused or ContainerState.Removing or ContainerState.Restarting })
                {
                    continue;
                }

                var end = await EndOfAsync(spec, container, cancellationToken);
                if (end is null)
                {
                    continue;
                }

                var tracker = Tracker(spec.Name);
                var wasCrashLooping = tracker.CrashLooping;
                var verdict = tracker.Observe(end.Value, spec.Restart);
                if (verdict == RestartVerdict.CrashLoop && !wasCrashLooping)
                {
                    var message = $"{spec.Name} {Describe(end.Value)} after {tracker.ConsecutiveRestarts} restart(s) in a row; sky stops restarting it until someone starts or restarts it";
                    registry.Update(spec.Name, e => (e ?? new HealthEntry(container?.Id, null, null, 0)) with { Health = HealthNames.CrashLooping });
                    events.Append("crash-loop", spec.Service, spec.Instance, message);
                    logger.LogWarning("{Message}", message);
                    Signal(SignalKind.CrashLooping, spec, message);
                }
                else if (verdict == RestartVerdict.Restart && tracker.IsDue())
                {
                    restarting.Add(spec);
                    reasons.Add($"{spec.Name} {Describe(end.Value)}");
                    if (end == ContainerEnd.Unhealthy && container is not null)
                    {
                        replace.Add(container.Id);
                    }
                }
                else if (verdict == RestartVerdict.Restart && tracker.Due is { } due && (nextDue is null || due < nextDue))
                {
                    nextDue = due;
                }
            }

            if (restarting.Count > 0)
            {
                healing[(instance.Service, instance.Name)] = HealAsync(instance, restarting, replace, string.Join("; ", reasons), cancellationToken);
            }
        }

        StopRunnersExcept(checkedNames);
        return nextDue;
    }

    /// <summary>How a wanted container ended, or null when it runs well (or is not sky's to judge yet).</summary>
    private async Task<ContainerEnd?> EndOfAsync(ContainerSpec spec, Model.ObservedContainer? container, CancellationToken cancellationToken)
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
                Tracker(spec.Name).Running(well);
                return null;
            }

            return ContainerEnd.Unhealthy;
        }

        // A stopped container has no health; a crash loop stays visible.
        if (entry?.Health is { } health && health != HealthNames.CrashLooping)
        {
            registry.Update(spec.Name, e => (e ?? entry) with { Health = e?.Health == HealthNames.CrashLooping ? e.Health : null });
        }

        var details = await runtime.InspectContainerAsync(container.Id, cancellationToken);
        if (details is null)
        {
            return ContainerEnd.Removed;
        }

        // Ended before this daemon started watching: nobody knows why (a person may have stopped it meanwhile).
        if (details.FinishedAt is not { } finished || finished < startedAt)
        {
            return ContainerEnd.FoundStopped;
        }

        return outages.Covers(finished) ? ContainerEnd.EngineStopped
            : stoppedByHand.ContainsKey(container.Id) ? ContainerEnd.StoppedByHand
            : details.ExitCode != 0 || details.OomKilled ? ContainerEnd.Failed
            : ContainerEnd.Succeeded;
    }

    private async Task HealAsync(InstanceSpec instance, IReadOnlyList<ContainerSpec> restarting, IReadOnlyList<string> replace, string reason, CancellationToken cancellationToken)
    {
        // The replacement of an unhealthy container is still needed only if it is still the unhealthy one.
        bool StillNeeded() => replace.All(id => restarting.Any(s => registry.Entry(s.Name) is { } e && e.ContainerId == id && e.Health == HealthNames.Unhealthy));
        ConvergeResult result;
        try
        {
            result = await operations.ConvergeAsync(instance, replace, $"restarting: {reason}", StillNeeded, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Healing {Service}/{Instance} failed", instance.Service, instance.Name);
            result = ConvergeResult.Failed;
        }

        if (result != ConvergeResult.NotNeeded)
        {
            foreach (var spec in restarting)
            {
                var tracker = Tracker(spec.Name);
                tracker.Restarted();
                var count = restartCounts.Increment(spec.Name);
                var entry = registry.Update(spec.Name, e => (e ?? new HealthEntry(null, null, null, 0)) with { Restarts = count, AwaitingRecovery = true });
                var message = result == ConvergeResult.Done
                    ? $"restarted {spec.Name} ({reason}); restart {entry.Restarts}, next back-off {BackOff.Delay(tracker.ConsecutiveRestarts).TotalSeconds} s"
                    : $"restarting {spec.Name} failed ({reason})";
                events.Append("restart", spec.Service, spec.Instance, message);
                Signal(SignalKind.Restarted, spec, message);
            }
        }

        Wake();
    }

    private static string Describe(ContainerEnd end) => end switch
    {
        ContainerEnd.Failed => "died",
        ContainerEnd.Succeeded => "exited",
        ContainerEnd.StoppedByHand => "was stopped",
        ContainerEnd.FoundStopped => "was found stopped",
        ContainerEnd.Removed => "was removed",
        ContainerEnd.EngineStopped => "was stopped by an engine restart",
        ContainerEnd.Unhealthy => "is unhealthy",
        _ => end.ToString(),
    };
}
