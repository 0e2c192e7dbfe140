using Microsoft.Extensions.Logging;
using Sky.Alerts;
using Sky.Model;
using Sky.Supervisor.Health;

namespace Sky.Supervisor.Supervision;

/// <summary>The check runners of the running containers, and what their reports change.</summary>
public sealed partial class ServiceSupervisor
{
    // Container name to the runner checking its current container; touched by the pass only.
    private readonly Dictionary<string, (string Id, CancellationTokenSource Stop)> runners = new(StringComparer.Ordinal);

    private async Task EnsureRunnerAsync(ContainerSpec spec, string containerId, CancellationToken cancellationToken)
    {
        if (runners.TryGetValue(spec.Name, out var running) && running.Id == containerId)
        {
            return;
        }

        StopRunner(spec.Name);
        var details = await runtime.InspectContainerAsync(containerId, cancellationToken);
        if (details is null)
        {
            return;
        }

        var crashLooping = Tracker(spec.Name).CrashLooping;
        registry.Update(spec.Name, e => new HealthEntry(containerId, crashLooping ? HealthNames.CrashLooping : HealthNames.Starting, null, e?.Restarts ?? 0, e?.AwaitingRecovery ?? false));
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        runners[spec.Name] = (containerId, stop);
        var startedAtOfContainer = details.StartedAt ?? clock.GetUtcNow();
        var token = stop.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await checkRunner.RunAsync(spec, containerId, details.PublishedPorts, startedAtOfContainer, OnReport, token);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Checks of {Container} stopped", spec.Name);
            }
        }, CancellationToken.None);
    }

    private void OnReport(CheckReport report)
    {
        if (verdicts.Take(report))
        {
            Wake();
        }
    }

    /// <summary>A container without checks is healthy once running.</summary>
    private void MarkRunningWithoutChecks(ContainerSpec spec, string containerId) => verdicts.RunningWithoutChecks(spec, containerId);

    private void StopRunner(string name)
    {
        if (runners.Remove(name, out var running))
        {
            running.Stop.Cancel();
            running.Stop.Dispose();
        }
    }

    private void StopRunnersExcept(HashSet<string> keep)
    {
        foreach (var name in runners.Keys.Where(n => !keep.Contains(n)).ToList())
        {
            StopRunner(name);
        }
    }

    private void StopAllRunners() => StopRunnersExcept([]);
}
