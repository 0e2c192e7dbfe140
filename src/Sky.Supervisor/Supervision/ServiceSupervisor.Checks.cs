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
        var spec = report.Spec;
        var crashLooping = Tracker(spec.Name).CrashLooping;
        var before = registry.Entry(spec.Name);
        if (before?.ContainerId != report.ContainerId)
        {
            return;
        }

        var recovered = report.Changed && report.Health == HealthNames.Healthy && before.AwaitingRecovery;
        var unhealthy = report.Changed && report.Health == HealthNames.Unhealthy;
        registry.Update(spec.Name, e => (e ?? before) with
        {
            Health = crashLooping ? HealthNames.CrashLooping : report.Health,
            LastCheck = report.Outcome.Text,
            AwaitingRecovery = !recovered && ((e ?? before).AwaitingRecovery || unhealthy),
        });

        if (!report.Outcome.Ok && report.Counted)
        {
            Signal(SignalKind.CheckFailed, spec, $"check of {spec.Name} failed: {report.Outcome.Text}");
        }

        if (unhealthy)
        {
            var message = $"{spec.Name} is unhealthy: {report.Outcome.Text}";
            events.Append("unhealthy", spec.Service, spec.Instance, message);
            Signal(SignalKind.Unhealthy, spec, message);
        }

        if (recovered)
        {
            var message = $"{spec.Name} is healthy again: {report.Outcome.Text}";
            events.Append("recovered", spec.Service, spec.Instance, message);
            Signal(SignalKind.Recovered, spec, message);
        }

        if (report.Changed)
        {
            Wake();
        }
    }

    /// <summary>A container without checks is healthy once running.</summary>
    private void MarkRunningWithoutChecks(ContainerSpec spec, string containerId)
    {
        var before = registry.Entry(spec.Name);
        if (before is not null && before.ContainerId == containerId && before.Health == HealthNames.Healthy)
        {
            return;
        }

        registry.Update(spec.Name, e => new HealthEntry(containerId, HealthNames.Healthy, null, e?.Restarts ?? 0));
        if (before?.AwaitingRecovery == true)
        {
            var message = $"{spec.Name} runs again";
            events.Append("recovered", spec.Service, spec.Instance, message);
            Signal(SignalKind.Recovered, spec, message);
        }
    }

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
