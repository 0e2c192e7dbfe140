using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sky.Alerts;
using Sky.Store;
using Sky.Supervisor.Supervision;

namespace Sky.Supervisor.Rollouts;

/// <summary>
/// Follows each revision's rollout in the background, whoever applied it: verifies the instances it changed, and for
/// each that failed, with <c>deploy.auto-rollback</c> on, has it rolled back, tells the maintainer why and records it
/// in the history and the events. <c>sky deploy --wait</c> awaits the same outcome.
/// </summary>
public sealed class RolloutGuard(RolloutVerifier verifier, RevisionRepository revisions, EventLog events, AlertSignals alerts, ILogger<RolloutGuard> logger) : IDisposable
{
    private readonly ConcurrentDictionary<long, Task<RolloutOutcome>> rollouts = new();
    private readonly CancellationTokenSource stopping = new();

    /// <summary>
    /// Starts following revision <paramref name="revision"/>; <paramref name="stoppedBy"/> says, per service, why a step of
    /// the convergence failed (a rolling update's batch that did not pass its checks: the rollout failed already, no need
    /// to wait). <paramref name="rollBack"/> returns the instance to the previous spec and says by which revision (null:
    /// nothing to go back to, or a later apply changed it meanwhile).
    /// </summary>
    public Task<RolloutOutcome> Follow(long revision, IReadOnlyList<Model.InstanceSpec> changed, IReadOnlyDictionary<string, string> stoppedBy, Func<RolloutFailure, Task<(long? Revision, string? Refusal)>> rollBack)
    {
        var rollout = changed.Count == 0
            ? Task.FromResult(new RolloutOutcome(RolloutStates.Healthy, []))
            : Task.Run(() => FollowAsync(revision, changed, stoppedBy, rollBack, stopping.Token));
        rollouts[revision] = rollout;
        return rollout;
    }

    /// <summary>The rollout of a revision this daemon followed; null when it followed none (an older daemon's, or a rollback).</summary>
    public Task<RolloutOutcome>? Of(long revision) => rollouts.GetValueOrDefault(revision);

    private async Task<RolloutOutcome> FollowAsync(long revision, IReadOnlyList<Model.InstanceSpec> changed, IReadOnlyDictionary<string, string> stoppedBy, Func<RolloutFailure, Task<(long? Revision, string? Refusal)>> rollBack, CancellationToken cancellationToken)
    {
        try
        {
            var stopped = changed.Where(i => stoppedBy.ContainsKey(i.Service)).Select(i => new RolloutFailure(i, stoppedBy[i.Service])).ToList();
            var verified = await verifier.VerifyAsync(
                changed.Where(i => !stoppedBy.ContainsKey(i.Service)).ToList(),
                message => logger.LogInformation("Rollout of revision {Revision}: {Message}", revision, message),
                cancellationToken);
            var failures = stopped.Concat(verified).ToList();
            if (failures.Count == 0)
            {
                return new RolloutOutcome(RolloutStates.Healthy, []);
            }

            var messages = new List<string>();
            long? rolledBackBy = null;
            var failed = false;
            foreach (var failure in failures)
            {
                var instance = failure.Instance;
                var named = AlertMessages.Target(instance.Service, instance.Name);
                var (by, refusal) = instance.Deploy.AutoRollback ? await rollBack(failure) : (null, "auto-rollback is off");
                var message = by is long number
                    ? $"rollout of {named} in revision {revision} failed: {failure.Reason}; rolled back by revision {number}"
                    : $"rollout of {named} in revision {revision} failed: {failure.Reason}; not rolled back: {refusal}";
                rolledBackBy ??= by;
                failed |= by is null;
                messages.Add(message);
                events.Append(by is null ? "rollout-failed" : RevisionKinds.AutoRollback, instance.Service, instance.Name, message);
                revisions.SetOutcome(revision, instance.Service, by is null ? RevisionOutcomes.Failed : RevisionOutcomes.RolledBack, message);
                alerts.Signal(SignalKind.RolloutFailed, instance.Containers[0], message);
            }

            return new RolloutOutcome(failed ? RolloutStates.Failed : RolloutStates.RolledBack, messages, rolledBackBy);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new RolloutOutcome(RolloutStates.Failed, ["the daemon stopped before the rollout was judged"]);
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }
}
