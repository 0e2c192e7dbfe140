using Sky.Model.Metrics;
using Sky.Model.Routing;

namespace Sky.Model;

/// <summary>One instance of a service: its own containers and its private dependency copies, on its own network.</summary>
public sealed record InstanceSpec
{
    public required string Service { get; init; }

    public required string Name { get; init; }

    public required string Network { get; init; }

    /// <summary>Dependencies first, in the order they must start, then the service's own replicas.</summary>
    public required IReadOnlyList<ContainerSpec> Containers { get; init; }

    /// <summary>
    /// How the router treats this instance's routes. Not part of any container's spec: changing it reroutes, it never
    /// replaces a container.
    /// </summary>
    public RouterSettings Router { get; init; } = RouterSettings.Default;

    /// <summary>Where copies of the requests routed to this instance go; null: nowhere.</summary>
    public MirrorSpec? Mirror { get; init; }

    /// <summary>Endpoints of its containers polled for metrics; null: none (resources and requests are measured anyway).</summary>
    public PollingSpec? Metrics { get; init; }

    /// <summary>Metric rules that raise alerts to its maintainer.</summary>
    public IReadOnlyList<MetricRule> Alerts { get; init; } = [];

    /// <summary>How a change of the instance rolls out (<c>deploy:</c>).</summary>
    public Sky.Model.Deploys.DeploySettings Deploy { get; init; } = Sky.Model.Deploys.DeploySettings.Default;
}
