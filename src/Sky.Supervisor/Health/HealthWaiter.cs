using Sky.Feed;
using Sky.Feed.Changes;

namespace Sky.Supervisor.Health;

/// <summary>
/// Waits on the state feed's health verdicts for one container (that name, that id) to be healthy. The registry is
/// updated before the feed publishes, so it is read again on the first snapshot and on every verdict about it.
/// </summary>
public sealed class HealthWaiter(IContainerHealthView health, StateFeed feed)
{
    /// <summary>
    /// True once healthy; false when the token ends the wait, or at once when <paramref name="giveUpWhenUnhealthy"/>
    /// and its checks have judged it unhealthy (waiting longer would only delay the verdict).
    /// </summary>
    public async Task<bool> HealthyWithinAsync(string containerName, string containerId, CancellationToken cancellationToken, bool giveUpWhenUnhealthy = false)
    {
        try
        {
            await foreach (var item in feed.WatchAsync(cancellationToken: cancellationToken))
            {
                if (item is not FeedSnapshot && (item is not HealthChanged changed || changed.Health.Container != containerName))
                {
                    continue;
                }

                if (health.IsHealthy(containerName, containerId))
                {
                    return true;
                }

                if (giveUpWhenUnhealthy && health.Get(containerName) is { Health: HealthNames.Unhealthy or HealthNames.CrashLooping } judged && judged.ContainerId == containerId)
                {
                    return false;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return false;
    }
}
