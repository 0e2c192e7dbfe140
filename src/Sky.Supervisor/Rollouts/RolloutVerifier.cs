using System.Globalization;
using Sky.Feed;
using Sky.Model;
using Sky.Runtime;
using Sky.Supervisor.Health;

namespace Sky.Supervisor.Rollouts;

/// <summary>
/// Says whether a rollout took: every container of each changed instance running its new spec, and those with checks healthy
/// within the instance's <c>deploy.health-timeout</c> (at once a failure when their checks judge them unhealthy).
/// Instances are verified side by side; it waits on the state feed, never polls. A container of the name that another
/// daemon of the namespace made is not this rollout's: the one it wanted does not exist.
/// </summary>
public sealed class RolloutVerifier(IContainerRuntime runtime, IContainerHealthView health, StateFeed feed, Naming naming)
{
    private readonly HealthWaiter waiter = new(health, feed);

    /// <summary>The instances that failed, with why; empty when all took.</summary>
    public async Task<IReadOnlyList<RolloutFailure>> VerifyAsync(IReadOnlyList<InstanceSpec> instances, Action<string> progress, CancellationToken cancellationToken)
    {
        var verdicts = await Task.WhenAll(instances.Select(i => VerifyAsync(i, progress, cancellationToken)));
        return verdicts.OfType<RolloutFailure>().ToList();
    }

    private async Task<RolloutFailure?> VerifyAsync(InstanceSpec instance, Action<string> progress, CancellationToken cancellationToken)
    {
        var bound = instance.Deploy.HealthTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        foreach (var container in instance.Containers)
        {
            var details = await runtime.InspectContainerAsync(container.Name, cancellationToken);
            if (details is not null && naming.ForeignDaemon(details.Labels) is { } other)
            {
                return new RolloutFailure(instance, TakenNames.Sentence(container.Name, other));
            }

            if (details is null || details.State != ContainerState.Running)
            {
                var how = details is null ? "does not exist" : $"is {details.State.ToString().ToLowerInvariant()} (exit code {details.ExitCode})";
                return new RolloutFailure(instance, $"{container.Name} {how}");
            }

            // A rolling update cut short leaves the earlier container serving under the name: running is not enough.
            if (details.ConfigHash != container.ConfigHash)
            {
                return new RolloutFailure(instance, $"{container.Name} still runs the spec of an earlier revision");
            }

            // Without checks, or without anything running them, running is all that can be known.
            if (container.Checks.Count == 0 || !health.RunsChecks)
            {
                continue;
            }

            progress($"waiting for {container.Name} to pass its checks");
            if (await waiter.HealthyWithinAsync(container.Name, details.Id, timeout.Token, giveUpWhenUnhealthy: true))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var last = health.Get(container.Name) is { ContainerId: var id, LastCheck: { } check } && id == details.Id ? check : "no check result yet";
            return new RolloutFailure(instance, timeout.IsCancellationRequested
                ? $"{container.Name} did not pass its checks within {bound.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s (last check: {last})"
                : $"{container.Name} is unhealthy (last check: {last})");
        }

        return null;
    }
}
