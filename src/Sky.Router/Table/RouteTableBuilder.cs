using System.Globalization;
using Sky.Feed;
using Sky.Model;
using Sky.Model.Deploys;
using Sky.Model.Routing;

namespace Sky.Router.Table;

/// <summary>
/// Builds the route table from one state-feed snapshot: every container of the desired state whose environment
/// carries <c>VIRTUAL_HOST</c>, joined with what the feed knows of it (its phase, its published ports, its health).
/// Pure, so the whole routing picture is tested without an engine.
/// </summary>
public static class RouteTableBuilder
{
    /// <param name="snapshot">The feed's current picture.</param>
    /// <param name="answered">Whether the container (name, id, host port) answered the router's readiness probe since it last started.</param>
    /// <param name="draining">Ids of the containers leaving the pool (by id: a retiring container and its replacement share a name in turn).</param>
    public static RouteTable Build(FeedSnapshot snapshot, Func<string, string, int, bool> answered, IReadOnlySet<string> draining)
    {
        var sites = new Dictionary<string, (HostPattern Host, string Path, List<Backend> Backends)>(StringComparer.Ordinal);
        foreach (var service in snapshot.State.Services)
        {
            foreach (var instance in service.Instances)
            {
                foreach (var spec in instance.Containers)
                {
                    if (!spec.Environment.TryGetValue(VirtualHostVariables.Host, out var hosts) || ContainerPort(spec) is not { } port)
                    {
                        continue;
                    }

                    var backends = new List<Backend> { BackendOf(snapshot, instance, spec, port, answered, draining) };
                    if (RetiringBackendOf(snapshot, instance, spec, port, answered, draining) is { } retiring)
                    {
                        backends.Add(retiring);
                    }

                    var path = PathPrefix(spec.Environment.GetValueOrDefault(VirtualHostVariables.Path));
                    foreach (var host in HostPattern.ParseList(hosts, out _))
                    {
                        var id = $"{(host.Kind == HostPatternKind.Regex ? host.Text : host.Name)}{path}";
                        if (!sites.TryGetValue(id, out var site))
                        {
                            site = (host, path, []);
                            sites[id] = site;
                        }

                        site.Backends.AddRange(backends);
                    }
                }
            }
        }

        return new RouteTable(sites
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new Site
            {
                Id = s.Key,
                Host = s.Value.Host,
                PathPrefix = s.Value.Path,
                Backends = s.Value.Backends.OrderBy(b => b.Container, StringComparer.Ordinal).ToList(),
            })
            .ToList());
    }

    private static Backend BackendOf(FeedSnapshot snapshot, InstanceSpec instance, ContainerSpec spec, int port, Func<string, string, int, bool> answered, IReadOnlySet<string> draining)
    {
        var facts = snapshot.Containers.GetValueOrDefault(spec.Name);
        int? hostPort = facts is not null && facts.HostPorts.TryGetValue(port, out var published) ? published : null;
        return new Backend
        {
            Container = spec.Name,
            ContainerId = facts?.Id,
            Service = spec.Service,
            Instance = spec.Instance,
            ContainerPort = port,
            HostPort = hostPort,
            State = StateOf(snapshot, spec, facts, hostPort, answered, draining),
            Settings = instance.Router,
            Mirror = instance.Mirror,
        };
    }

    /// <summary>
    /// The container a start-first rollout is replacing, under its retiring name: it keeps serving (it was in the pool,
    /// it stays as long as it runs and answers) until its replacement is healthy and sky drains it.
    /// </summary>
    private static Backend? RetiringBackendOf(FeedSnapshot snapshot, InstanceSpec instance, ContainerSpec spec, int port, Func<string, string, int, bool> answered, IReadOnlySet<string> draining)
    {
        var name = RetiringNames.Of(spec.Name);
        if (snapshot.Containers.GetValueOrDefault(name) is not { Phase: ContainerPhase.Running } facts || !facts.HostPorts.TryGetValue(port, out var hostPort))
        {
            return null;
        }

        return new Backend
        {
            Container = name,
            ContainerId = facts.Id,
            Service = spec.Service,
            Instance = spec.Instance,
            ContainerPort = port,
            HostPort = hostPort,
            State = draining.Contains(facts.Id) ? BackendState.Draining : answered(name, facts.Id, hostPort) ? BackendState.Ready : BackendState.Starting,
            Settings = instance.Router,
            Mirror = instance.Mirror,
        };
    }

    private static BackendState StateOf(FeedSnapshot snapshot, ContainerSpec spec, ContainerFacts? facts, int? hostPort, Func<string, string, int, bool> answered, IReadOnlySet<string> draining)
    {
        var health = snapshot.HealthOf(spec.Name)?.Health;
        if (health == HealthNames.CrashLooping)
        {
            return BackendState.CrashLooping;
        }

        if (health == HealthNames.CannotStart)
        {
            return BackendState.CannotStart;
        }

        if (facts is null || facts.Phase is ContainerPhase.Died or ContainerPhase.Stopped or ContainerPhase.Removed)
        {
            return BackendState.Stopped;
        }

        if (draining.Contains(facts.Id))
        {
            return BackendState.Draining;
        }

        if (facts.Phase != ContainerPhase.Running || hostPort is not { } port)
        {
            return BackendState.Starting;
        }

        // A container of an earlier spec (a rollout under way, or one that stopped and put it back) is not held to the
        // checks of the spec that replaces it: what its own checks say, else that it answers.
        var ownSpec = facts.ConfigHash is null || facts.ConfigHash == spec.Labels.GetValueOrDefault(SkyLabels.ConfigHash);
        if (ownSpec && spec.Checks.Count > 0 && health != HealthNames.Healthy)
        {
            return health == HealthNames.Unhealthy ? BackendState.Unhealthy : BackendState.Starting;
        }

        if (health == HealthNames.Unhealthy)
        {
            return BackendState.Unhealthy;
        }

        return answered(spec.Name, facts.Id, port) ? BackendState.Ready : BackendState.Starting;
    }

    /// <summary><c>VIRTUAL_PORT</c> when it is a number, else the first of <c>ports</c>; null when it serves none.</summary>
    private static int? ContainerPort(ContainerSpec spec) =>
        spec.Environment.TryGetValue(VirtualHostVariables.Port, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : spec.Ports.Count > 0 ? spec.Ports[0] : null;

    /// <summary>A <c>VIRTUAL_PATH</c> as the router matches it: <c>/</c> when none, else with a leading and no trailing slash.</summary>
    public static string PathPrefix(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "/";
        }

        var trimmed = path.Trim().TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }
}
