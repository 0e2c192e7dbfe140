namespace Sky.Feed;

/// <summary>
/// Asked in a start-first rollout before the container being replaced is drained: completes once whoever sends
/// traffic (the router) has the new container in its pool, so the capacity never dips between the two. Completes at
/// once for a container nobody routes to; the caller bounds the wait.
/// </summary>
public interface IContainerAdmission
{
    Task AdmittedAsync(string containerName, string containerId, CancellationToken cancellationToken);
}
