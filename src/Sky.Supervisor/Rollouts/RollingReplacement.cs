using System.Globalization;
using Sky.Feed;
using Sky.Model;
using Sky.Model.Deploys;
using Sky.Planning;
using Sky.Runtime;
using Sky.Supervisor.Health;

namespace Sky.Supervisor.Rollouts;

/// <summary>
/// Carries out one step of a rolling update (<see cref="PlanAction.Roll"/>). Start-first: the running container is
/// renamed out of the way (it keeps serving under its retiring name), the new one takes its name and starts, passes its
/// checks and enters the router's pool, and only then is the old one drained and removed; if the new one fails, it is
/// removed and the old one takes its name back, so a failed batch costs no capacity. Stop-first: the old one is
/// drained and removed first. Either way the step ends when the new container serves, or fails saying why.
/// </summary>
public sealed class RollingReplacement(IContainerRuntime runtime, IContainerHealthView health, StateFeed feed, ContainerRetirement retirement, IContainerAdmission? admission = null)
{
    private readonly HealthWaiter waiter = new(health, feed);

    /// <param name="createAndStart">Creates and starts the new container under the spec's name; returns its id.</param>
    /// <param name="waiting">Told what the step waits for, for progress lines.</param>
    public async Task RollAsync(ContainerSpec spec, ObservedContainer running, RollingStep how, Func<CancellationToken, Task<string>> createAndStart, Action<string> waiting, CancellationToken cancellationToken)
    {
        if (how.Order == DeployOrder.StopFirst)
        {
            await retirement.RetireAsync(running.Id, cancellationToken);
            var replacement = await createAndStart(cancellationToken);
            if (await ServingAsync(spec, replacement, how, waiting, cancellationToken) is { } failure)
            {
                throw new OperationException(OperationErrorKind.Failed, failure);
            }

            return;
        }

        await runtime.RenameContainerAsync(running.Id, RetiringNames.Of(spec.Name), cancellationToken);
        string created;
        try
        {
            created = await createAndStart(cancellationToken);
        }
        catch
        {
            await RestoreAsync(spec, running, null);
            throw;
        }

        if (await ServingAsync(spec, created, how, waiting, cancellationToken) is { } refused)
        {
            await RestoreAsync(spec, running, created);
            throw new OperationException(OperationErrorKind.Failed, $"{refused}; {spec.Name} runs on as it was");
        }

        waiting($"draining the container it replaces ({ShortId(running.Id)})");
        await retirement.RetireAsync(running.Id, cancellationToken);
    }

    /// <summary>Null once the new container serves: running, healthy where it has checks, and in the router's pool.</summary>
    private async Task<string?> ServingAsync(ContainerSpec spec, string id, RollingStep how, Action<string> waiting, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(how.HealthTimeout);
        var seconds = how.HealthTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        if (spec.Checks.Count > 0 && health.RunsChecks)
        {
            waiting($"batch {how.Batch} of {how.Batches}: waiting for {spec.Name} to pass its checks");
            if (!await waiter.HealthyWithinAsync(spec.Name, id, bound.Token, giveUpWhenUnhealthy: true))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var last = health.Get(spec.Name) is { ContainerId: var checkedId, LastCheck: { } check } && checkedId == id ? check : "no check result yet";
                return bound.IsCancellationRequested
                    ? $"{spec.Name} did not pass its checks within {seconds} s (last check: {last})"
                    : $"{spec.Name} is unhealthy (last check: {last})";
            }
        }
        else if (await runtime.InspectContainerAsync(id, cancellationToken) is not { State: ContainerState.Running })
        {
            return $"{spec.Name} stopped as soon as it started";
        }

        if (how.Order == DeployOrder.StartFirst && admission is not null)
        {
            waiting($"batch {how.Batch} of {how.Batches}: waiting for the router to send {spec.Name} requests");
            try
            {
                await admission.AdmittedAsync(spec.Name, id, bound.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return $"{spec.Name} did not answer the router within {seconds} s";
            }
        }

        return null;
    }

    /// <summary>
    /// Undoes a start-first step that failed: the new container goes (its output kept), the old one takes its name
    /// back. Not cancellable: a half-undone step would leave the instance without its container's name.
    /// </summary>
    private async Task RestoreAsync(ContainerSpec spec, ObservedContainer running, string? created)
    {
        if (created is not null)
        {
            await retirement.RemoveAsync(created, CancellationToken.None);
        }
        else if (await runtime.InspectContainerAsync(spec.Name, CancellationToken.None) is { } half && half.Id != running.Id)
        {
            // Created but not started (the start failed): it holds the name.
            await retirement.RemoveAsync(half.Id, CancellationToken.None);
        }

        await runtime.RenameContainerAsync(running.Id, spec.Name, CancellationToken.None);
    }

    private static string ShortId(string id) => id.Length > 12 ? id[..12] : id;
}
