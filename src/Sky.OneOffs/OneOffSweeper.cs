using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sky.Model;
using Sky.Runtime;

namespace Sky.OneOffs;

/// <summary>
/// Removes one-off containers some time after they end (<see cref="OneOffOptions.RemoveAfter"/>), and those created
/// but never started (a client that failed to attach) after as long. Running ones are never touched.
/// </summary>
public sealed class OneOffSweeper(OneOffContainers oneOffs, IContainerRuntime runtime, TimeProvider time, ILogger<OneOffSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(oneOffs.Options.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is EngineException or EngineUnavailableException)
            {
                logger.LogDebug("one-off sweep skipped: {Message}", exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    /// <summary>One pass; returns the names removed.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        var now = time.GetUtcNow();
        foreach (var container in await oneOffs.ListAsync(cancellationToken))
        {
            if (container.IsRunning || container.State == ContainerState.Paused)
            {
                continue;
            }

            var since = container.State == ContainerState.Created
                ? container.Created
                : (await runtime.InspectContainerAsync(container.Id, cancellationToken))?.FinishedAt ?? container.Created;
            if (since is { } moment && now - moment >= oneOffs.Options.RemoveAfter)
            {
                await runtime.RemoveContainerAsync(container.Id, force: true, cancellationToken);
                oneOffs.Outbox.Remove(container.Name);
                logger.LogInformation("removed one-off {Name}, ended at {Since:u}", container.Name, moment);
                removed.Add(container.Name);
            }
        }

        return removed;
    }
}
