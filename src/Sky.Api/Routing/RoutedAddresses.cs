using Sky.Model;
using Sky.Model.Routing;
using Sky.Router;
using Sky.Router.Table;

namespace Sky.Api.Routing;

/// <summary>
/// The URLs people reach an instance at through the router: each exact name of its containers' <c>VIRTUAL_HOST</c>
/// on the router's bound port, with the <c>VIRTUAL_PATH</c>. Wildcards and regular expressions match many names and
/// are no address of their own.
/// </summary>
public static class RoutedAddresses
{
    /// <summary>Empty when the instance carries no exact host or the router does not listen.</summary>
    public static IReadOnlyList<string> Of(InstanceSpec instance, RouterAddresses router)
    {
        if ((router.Http ?? router.Https) is not { } bound || !Uri.TryCreate(bound, UriKind.Absolute, out var listener))
        {
            return [];
        }

        var addresses = new List<string>();
        foreach (var container in instance.Containers)
        {
            if (!container.Environment.TryGetValue(VirtualHostVariables.Host, out var hosts))
            {
                continue;
            }

            var path = RouteTableBuilder.PathPrefix(container.Environment.GetValueOrDefault(VirtualHostVariables.Path));
            foreach (var host in HostPattern.ParseList(hosts, out _).Where(h => h.Kind == HostPatternKind.Exact))
            {
                var address = new UriBuilder(listener.Scheme, host.Name, listener.Port, path).Uri.ToString();
                if (!addresses.Contains(address, StringComparer.Ordinal))
                {
                    addresses.Add(address);
                }
            }
        }

        return addresses;
    }
}
