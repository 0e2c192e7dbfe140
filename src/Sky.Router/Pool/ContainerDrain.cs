using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Router.Table;

namespace Sky.Router.Pool;

/// <summary>
/// Takes a container out of every pool before sky stops or replaces it: from this moment no new request goes to it,
/// and the stop waits until its requests in flight have finished, or the instance's drain timeout has passed.
/// </summary>
public sealed class ContainerDrain(RouterState state, RouteFollower follower, ILogger<ContainerDrain> logger) : IContainerDrain
{
    public async Task DrainAsync(string containerId, CancellationToken cancellationToken)
    {
        var member = state.Members.FirstOrDefault(m => m.ContainerId == containerId);
        if (member is null || member.Backend.State is not (BackendState.Ready or BackendState.Draining))
        {
            return;
        }

        state.MarkDraining(member.Container, containerId);
        var idle = member.DrainAsync();
        follower.Wake();
        var timeout = member.Backend.Settings.DrainTimeout;
        try
        {
            await idle.WaitAsync(timeout, state.Time, cancellationToken);
            logger.LogDebug("{Container} drained", member.Container);
        }
        catch (TimeoutException)
        {
            logger.LogInformation("{Container} still had {Requests} requests in flight after its drain timeout ({Timeout}); stopping it anyway",
                member.Container, member.InFlight, timeout);
        }
    }
}
