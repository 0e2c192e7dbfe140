using System.Net;
using Sky.Model.Routing;
using Sky.Router.Table;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;

namespace Sky.Router.Proxy;

/// <summary>
/// Gives YARP a route and a cluster per site of the route table, the cluster's destinations being the site's ready
/// containers at their published loopback ports. YARP swaps its configuration atomically; an update is made only when
/// routes or destinations really changed, so health verdicts that change nothing cost nothing.
/// </summary>
public sealed class RouterConfiguration
{
    /// <summary>The route metadata key naming the site a YARP route serves.</summary>
    public const string SiteKey = "sky.site";

    private readonly Lock gate = new();
    private string applied = string.Empty;

    public InMemoryConfigProvider Provider { get; } = new([], []);

    public void Apply(RouteTable table)
    {
        var routes = new List<RouteConfig>(table.Sites.Count);
        var clusters = new List<ClusterConfig>(table.Sites.Count);
        foreach (var site in table.Sites)
        {
            routes.Add(new RouteConfig
            {
                RouteId = site.Id,
                ClusterId = site.Id,
                Match = new RouteMatch { Path = "/{**any}" },
                Metadata = new Dictionary<string, string> { [SiteKey] = site.Id },
            });
            clusters.Add(new ClusterConfig
            {
                ClusterId = site.Id,
                LoadBalancingPolicy = site.Settings.Balancing == Balancing.LeastRequests ? LoadBalancingPolicies.LeastRequests : LoadBalancingPolicies.RoundRobin,
                HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower },
                Destinations = site.Backends
                    .Where(b => b.State == BackendState.Ready && b.Address is not null)
                    .ToDictionary(b => b.Container, b => new DestinationConfig { Address = b.Address! }, StringComparer.Ordinal),
            });
        }

        var signature = string.Join('\n', clusters.Select(c =>
            $"{c.ClusterId} {c.LoadBalancingPolicy} {string.Join(',', c.Destinations!.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value.Address}"))}"));
        lock (gate)
        {
            if (signature == applied)
            {
                return;
            }

            applied = signature;
            Provider.Update(routes, clusters);
        }
    }
}
