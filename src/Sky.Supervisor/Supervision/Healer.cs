using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model;
using Sky.Supervisor.Health;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Supervision;

/// <summary>
/// Brings the containers of one instance back, through <see cref="ServiceOperations.ConvergeAsync"/> (the one lock of
/// all mutations, so never a duplicate), one healing at a time per instance while passes go on; each restart is
/// recorded in the restart history, and so is a healing that could not begin (for want of an image, or of a name).
/// </summary>
public sealed class Healer(ServiceOperations operations, HealthRegistry registry, RestartHistory history, ILogger<Healer> logger)
{
    // Instance (service, name) to its healing in progress; touched by the supervisor's pass only.
    private readonly Dictionary<(string Service, string Instance), Task> healing = [];

    public bool Busy(InstanceSpec instance)
    {
        foreach (var done in healing.Where(h => h.Value.IsCompleted).Select(h => h.Key).ToList())
        {
            healing.Remove(done);
        }

        return healing.ContainsKey((instance.Service, instance.Name));
    }

    /// <summary>
    /// Starts healing <paramref name="restarting"/> (replacing the containers of <paramref name="replace"/>, unhealthy
    /// ones) and calls <paramref name="done"/> when it is over.
    /// </summary>
    public void Heal(InstanceSpec instance, IReadOnlyList<ContainerSpec> restarting, IReadOnlyList<string> replace, string reason, Action done, CancellationToken cancellationToken) =>
        healing[(instance.Service, instance.Name)] = HealAsync(instance, restarting, replace, reason, done, cancellationToken);

    private async Task HealAsync(InstanceSpec instance, IReadOnlyList<ContainerSpec> restarting, IReadOnlyList<string> replace, string reason, Action done, CancellationToken cancellationToken)
    {
        // The replacement of an unhealthy container is still needed only if it is still the unhealthy one.
        bool StillNeeded() => replace.All(id => restarting.Any(s => registry.Entry(s.Name) is { } e && e.ContainerId == id && e.Health == HealthNames.Unhealthy));
        ConvergeResult result;
        IReadOnlyList<StartBlocker> blockers = [];
        try
        {
            (result, blockers) = await operations.ConvergeAsync(instance, restarting, replace, $"restarting: {reason}", StillNeeded, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Healing {Service}/{Instance} failed", instance.Service, instance.Name);
            result = ConvergeResult.Failed;
        }

        if (result == ConvergeResult.CannotStart)
        {
            // Not a restart: nothing ran, and nothing will until the image is there or the name is free.
            history.CannotStart(restarting, blockers);
        }
        else if (result != ConvergeResult.NotNeeded)
        {
            foreach (var spec in restarting)
            {
                history.Restarted(spec, result == ConvergeResult.Done, reason);
            }
        }

        done();
    }
}
