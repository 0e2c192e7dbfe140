namespace Sky.Router.Metrics;

/// <summary>
/// Where the router sent a request: the service, its instance and the container that took it. Made once per
/// destination (not per request), so the three keys it counts under are built once too.
/// </summary>
public sealed record RequestRoute(string Service, string Instance, string Container)
{
    public MetricsKey ServiceKey { get; } = MetricsKey.ForService(Service);

    public MetricsKey InstanceKey { get; } = MetricsKey.ForInstance(Service, Instance);

    public MetricsKey ContainerKey { get; } = MetricsKey.ForContainer(Service, Instance, Container);
}
