namespace Sky.Feed;

/// <summary>
/// Asked before sky stops or replaces a container: whoever sends it traffic (the router) takes it out of its pool and
/// lets the requests in flight finish, up to its drain timeout. Returns at once for a container nobody routes to.
/// </summary>
public interface IContainerDrain
{
    Task DrainAsync(string containerId, CancellationToken cancellationToken);
}
