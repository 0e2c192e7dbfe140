using Sky.Feed;
using Sky.Runtime;

namespace Sky.Supervisor;

/// <summary>
/// How a container leaves: out of the router's pool first (requests in flight finish), then stopped, then its output
/// read to the end (the engine deletes it with the container), then removed. A plan's stop, replace and removal and a
/// rollout's retired container all go this way, so none of them cuts a request or loses a line.
/// </summary>
public sealed class ContainerRetirement(IContainerRuntime runtime, IContainerDrain? drain = null, IOutputKeeper? output = null)
{
    /// <summary>How long a container gets to stop after SIGTERM before it is killed.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Out of the pool, then stopped; kept for a later start.</summary>
    public async Task DrainAndStopAsync(string containerId, CancellationToken cancellationToken)
    {
        await (drain ?? NoDrain.Instance).DrainAsync(containerId, cancellationToken);
        await runtime.StopContainerAsync(containerId, StopTimeout, cancellationToken);
    }

    /// <summary>Out of the pool, stopped, its output kept, removed.</summary>
    public async Task RetireAsync(string containerId, CancellationToken cancellationToken)
    {
        await DrainAndStopAsync(containerId, cancellationToken);
        await RemoveAsync(containerId, cancellationToken);
    }

    /// <summary>Its output kept, then removed (stopped by force if it still runs).</summary>
    public async Task RemoveAsync(string containerId, CancellationToken cancellationToken)
    {
        await (output ?? NoOutputKeeper.Instance).ReadToEndAsync(containerId, cancellationToken);
        await runtime.RemoveContainerAsync(containerId, force: true, cancellationToken);
    }
}
