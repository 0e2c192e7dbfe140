namespace Sky.Router.Metrics;

/// <summary>
/// Names one series of request metrics: a whole service (Instance and Container null), one instance of it (Container
/// null), or one container of that instance. Every request counts in all three of its series.
/// </summary>
public readonly record struct MetricsKey(string Service, string? Instance, string? Container)
{
    public static MetricsKey ForService(string service) => new(service, null, null);

    public static MetricsKey ForInstance(string service, string instance) => new(service, instance, null);

    public static MetricsKey ForContainer(string service, string instance, string container) => new(service, instance, container);

    public override string ToString() => Container ?? Instance ?? Service;
}
