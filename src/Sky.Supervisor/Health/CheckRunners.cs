using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model;
using Sky.Runtime;
using Sky.Supervisor.Restarts;

namespace Sky.Supervisor.Health;

/// <summary>
/// One <see cref="CheckRunner"/> per running container that has checks, started when the container is first seen
/// running and stopped when it is replaced or no longer wanted; each verdict goes to <see cref="CheckVerdicts"/>.
/// Used by the supervisor's pass only (one thread at a time).
/// </summary>
public sealed class CheckRunners(
    IContainerRuntime runtime,
    HealthRegistry registry,
    ICheckProber prober,
    CheckVerdicts verdicts,
    RestartHistory history,
    TimeProvider clock,
    ILogger<CheckRunners> logger) : IDisposable
{
    private readonly CheckRunner runner = new(prober, clock);

    // Container name to the runner checking its current container.
    private readonly Dictionary<string, (string Id, CancellationTokenSource Stop)> running = new(StringComparer.Ordinal);

    /// <summary>Checks run from now on: waiting for a dependency's health can succeed (the health gate asks).</summary>
    public void SetActive(bool active) => registry.SetActive(active);

    public async Task EnsureAsync(ContainerSpec spec, string containerId, CancellationToken cancellationToken)
    {
        if (running.TryGetValue(spec.Name, out var current) && current.Id == containerId)
        {
            return;
        }

        Stop(spec.Name);
        var details = await runtime.InspectContainerAsync(containerId, cancellationToken);
        if (details is null)
        {
            return;
        }

        var crashLooping = history.CrashLooping(spec.Name);
        var startedAt = details.StartedAt ?? clock.GetUtcNow();
        registry.Update(spec.Name, e => new HealthEntry(containerId, crashLooping ? HealthNames.CrashLooping : HealthNames.Starting, null, e?.Restarts ?? 0, e?.AwaitingRecovery ?? false, startedAt));
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        running[spec.Name] = (containerId, stop);
        var token = stop.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await runner.RunAsync(spec, containerId, details.PublishedPorts, startedAt, report => verdicts.Take(report), token);
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

    /// <summary>Stops the runners of every container not in <paramref name="keep"/>.</summary>
    public void StopExcept(IReadOnlySet<string> keep)
    {
        foreach (var name in running.Keys.Where(n => !keep.Contains(n)).ToList())
        {
            Stop(name);
        }
    }

    public void Dispose() => StopExcept(new HashSet<string>());

    private void Stop(string name)
    {
        if (running.Remove(name, out var current))
        {
            current.Stop.Cancel();
            current.Stop.Dispose();
        }
    }
}
