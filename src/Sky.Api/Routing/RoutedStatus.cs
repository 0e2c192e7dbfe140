using Sky.Api.Views;
using Sky.Contracts;
using Sky.Router;
using Sky.Supervisor;

namespace Sky.Api.Routing;

/// <summary>
/// Adds what the router knows to a service's status: each instance's addresses and each container's router state.
/// Done here, in the API, because the supervisor that reads the status knows nothing of the router.
/// </summary>
public sealed class RoutedStatus(DesiredStateSource desired, RouterState router, RouterAddresses addresses)
{
    public ServiceStatusView Add(ServiceStatusView status)
    {
        var service = desired.Current().State.FindService(status.Name);
        return status with
        {
            Instances = status.Instances.Select(instance =>
            {
                var spec = service?.Instances.FirstOrDefault(i => i.Name == instance.Name);
                var routed = spec is null ? [] : RoutedAddresses.Of(spec, addresses);
                return instance with
                {
                    Addresses = routed.Count > 0 ? routed : null,
                    Containers = instance.Containers.Select(c => c with { Router = RouterStateViews.Of(router, c.Name) }).ToList(),
                };
            }).ToList(),
        };
    }
}
