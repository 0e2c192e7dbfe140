using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sky.Alerts;
using Sky.Feed;
using Sky.Model;
using Sky.Store;
using Sky.Supervisor.Health;
using Sky.Supervisor.Supervision;

namespace Sky.Supervisor.Restarts;

/// <summary>
/// The restart history of every wanted container (by name, so it outlives each container): the restart policy's
/// verdict on an end, back-off due times, crash loops and containers that cannot be created (each announced once, in the
/// event log and to the maintainer), the restarts sky made (counted in the store, so a daemon restart keeps them) and the
/// forgiveness a person's start brings.
/// </summary>
public sealed class RestartHistory(
    HealthRegistry registry,
    RestartCountRepository counts,
    EventLog events,
    AlertSignals signals,
    TimeProvider clock,
    ILogger<RestartHistory> logger)
{
    private readonly ConcurrentDictionary<string, RestartTracker> trackers = new(StringComparer.Ordinal);

    public RestartTracker For(string container) => trackers.GetOrAdd(container, _ => new RestartTracker(clock));

    public bool CrashLooping(string container) => trackers.TryGetValue(container, out var tracker) && tracker.CrashLooping;

    /// <summary>Puts the restart counts of earlier daemons back into the health registry (status shows them).</summary>
    public void Restore()
    {
        foreach (var (name, count) in counts.All())
        {
            registry.Update(name, e => (e ?? new HealthEntry(null, null, null, 0)) with { Restarts = count });
        }
    }

    /// <summary>
    /// The policy's verdict on how a container ended: whether to restart it now, or when a pending restart falls due. A
    /// container that just used up its retries is announced as crash-looping.
    /// </summary>
    public (bool RestartNow, DateTimeOffset? Due) Judge(ContainerSpec spec, string? containerId, ContainerEnd end)
    {
        var tracker = For(spec.Name);
        var wasCrashLooping = tracker.CrashLooping;
        var verdict = tracker.Observe(end, spec.Restart);
        if (verdict == RestartVerdict.CrashLoop && !wasCrashLooping)
        {
            var message = $"{spec.Name} {Describe(end)} after {tracker.ConsecutiveRestarts} restart(s) in a row; sky stops restarting it until someone starts or restarts it";
            registry.Update(spec.Name, e => (e ?? new HealthEntry(containerId, null, null, 0)) with { Health = HealthNames.CrashLooping });
            events.Append("crash-loop", spec.Service, spec.Instance, message);
            logger.LogWarning("{Message}", message);
            signals.Signal(SignalKind.CrashLooping, spec, message);
        }

        return verdict != RestartVerdict.Restart ? (false, null)
            : tracker.IsDue() ? (true, null)
            : (false, tracker.Due);
    }

    /// <summary>Records a restart sky made (or tried) for the reason given, and says so.</summary>
    public void Restarted(ContainerSpec spec, bool done, string reason)
    {
        var tracker = For(spec.Name);
        tracker.Restarted();
        var count = counts.Increment(spec.Name);
        var entry = registry.Update(spec.Name, e => (e ?? new HealthEntry(null, null, null, 0)) with { Restarts = count, AwaitingRecovery = true });
        var message = done
            ? $"restarted {spec.Name} ({reason}); restart {entry.Restarts}, next back-off {BackOff.Delay(tracker.ConsecutiveRestarts).TotalSeconds} s"
            : $"restarting {spec.Name} failed ({reason})";
        events.Append("restart", spec.Service, spec.Instance, message);
        signals.Signal(SignalKind.Restarted, spec, message);
    }

    /// <summary>
    /// Healing these containers of one instance could not even begin: an image they need is neither on the engine nor in
    /// the registry, or another daemon's container holds a name. They are left alone (no restart, no back-off: trying
    /// again cannot help) until they run again or someone starts the service, and this is said once: one event, one
    /// signal, not a restart each pass.
    /// </summary>
    public void CannotStart(IReadOnlyList<ContainerSpec> containers, IReadOnlyList<StartBlocker> blockers)
    {
        if (containers.Count == 0)
        {
            return;
        }

        foreach (var spec in containers)
        {
            For(spec.Name).CouldNotCreate();
            registry.Update(spec.Name, e => (e ?? new HealthEntry(null, null, null, 0)) with { Health = HealthNames.CannotStart, AwaitingRecovery = true });
        }

        var first = containers[0];
        var target = first.Instance.Length == 0 || first.Instance == Naming.DefaultInstance ? first.Service : $"{first.Service}/{first.Instance}";
        var message = $"cannot start: {string.Join("; ", blockers.Select(b => b.Problem))}. "
            + $"{string.Join("; ", blockers.Select(b => b.Remedy).Distinct(StringComparer.Ordinal))}, then sky service start {target}";
        events.Append("cannot-start", first.Service, first.Instance, message);
        logger.LogWarning("{Message}", message);
        signals.Signal(SignalKind.CannotStart, first, message);
    }

    /// <summary>Someone started or restarted these containers: their crash loops and back-offs are forgiven.</summary>
    public void Forgive(IEnumerable<ContainerSpec> containers)
    {
        foreach (var spec in containers)
        {
            For(spec.Name).Clear();
            registry.Update(spec.Name, e => e is null ? new HealthEntry(null, null, null, 0) : e with { Health = e.Health is HealthNames.CrashLooping or HealthNames.CannotStart ? null : e.Health });
        }
    }

    public static string Describe(ContainerEnd end) => end switch
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
