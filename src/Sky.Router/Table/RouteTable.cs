using System.Collections.Frozen;
using Sky.Model.Routing;

namespace Sky.Router.Table;

/// <summary>
/// Every site the router serves, with the lookup of a request's host and path. Immutable: the router swaps a whole
/// table when the state feed says something changed, so a request never sees half an update. A host is looked up as
/// nginx picks a server: an exact name first, then the longest leading wildcard, then the longest trailing one, then
/// regular expressions in the order written; within the host, the longest path prefix that covers the path.
/// </summary>
public sealed class RouteTable
{
    private readonly FrozenDictionary<string, Site[]> exact;
    private readonly (HostPattern Host, Site[] Sites)[] patterns;

    public RouteTable(IReadOnlyList<Site> sites)
    {
        Sites = sites;
        ById = sites.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        var byHost = sites
            .GroupBy(s => (s.Host.Kind, s.Host.Name))
            .Select(g => (g.First().Host, Sites: g.OrderByDescending(s => s.PathPrefix.Length).ToArray()))
            .ToList();
        exact = byHost.Where(h => h.Host.Kind == HostPatternKind.Exact).ToFrozenDictionary(h => h.Host.Name, h => h.Sites, StringComparer.Ordinal);
        patterns = byHost
            .Where(h => h.Host.Kind != HostPatternKind.Exact)
            .OrderBy(h => h.Host.Kind)
            .ThenByDescending(h => h.Host.Kind == HostPatternKind.Regex ? 0 : h.Host.Name.Length)
            .ToArray();
    }

    public static RouteTable Empty { get; } = new([]);

    public IReadOnlyList<Site> Sites { get; }

    public FrozenDictionary<string, Site> ById { get; }

    /// <summary>The site a request for <paramref name="host"/> (as sent, port included or not) and <paramref name="path"/> goes to; null: none.</summary>
    public Site? Find(string host, string path)
    {
        var name = Normalize(host);
        if (exact.TryGetValue(name, out var sites))
        {
            return Covering(sites, path);
        }

        foreach (var (pattern, candidates) in patterns)
        {
            if (pattern.Matches(name))
            {
                return Covering(candidates, path);
            }
        }

        return null;
    }

    private static Site? Covering(Site[] sites, string path)
    {
        foreach (var site in sites)
        {
            if (site.Covers(path))
            {
                return site;
            }
        }

        return null;
    }

    /// <summary>Lower case, without the port and a trailing dot.</summary>
    private static string Normalize(string host)
    {
        var end = host.Length;
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && host.IndexOf(']', StringComparison.Ordinal) < colon)
        {
            end = colon;
        }

        if (end > 0 && host[end - 1] == '.')
        {
            end--;
        }

        var name = end == host.Length ? host : host[..end];
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                return name.ToLowerInvariant();
            }
        }

        return name;
    }
}
