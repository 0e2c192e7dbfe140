using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Yarp.ReverseProxy.Model;

namespace Sky.Router.Proxy;

/// <summary>
/// Picks the route of a request by its host and path as nginx-proxy users write hosts (exact names, both wildcards,
/// regular expressions), which ASP.NET's host matching cannot express: the route table finds the site, and every
/// other route is ruled out. A request for no known host matches no route and gets the router's 404.
/// </summary>
public sealed class SiteMatcherPolicy(RouterState state) : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<RouteModel>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var site = state.Table.Find(httpContext.Request.Host.Value ?? string.Empty, httpContext.Request.Path.Value ?? "/");
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates.IsValidCandidate(i))
            {
                continue;
            }

            var route = candidates[i].Endpoint.Metadata.GetMetadata<RouteModel>();
            if (route is not null && (site is null || route.Config.RouteId != site.Id))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
