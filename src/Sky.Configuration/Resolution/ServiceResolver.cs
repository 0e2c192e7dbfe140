using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Model;

namespace Sky.Configuration.Resolution;

/// <summary>
/// Resolves a service entry into its instances. Each instance gets, on its own network, a private copy of
/// everything it requires (transitively, built from each dependency's top-level keys), then its replicas.
/// </summary>
internal sealed class ServiceResolver(Naming naming, IReadOnlyDictionary<string, Entry> byName, ErrorList errors, WarningList warnings)
{
    private readonly ContainerBuilder builder = new(naming, byName, errors);
    private readonly MirrorResolver mirrors = new(errors);
    private readonly VirtualHostChecker virtualHosts = new(errors);
    private readonly PollingSpecResolver polling = new(errors);
    private readonly AlertResolver alerts = new(warnings);

    public ServiceSpec Resolve(Entry entry)
    {
        var instances = entry.Instances.Count == 0
            ? [ResolveInstance(entry, Naming.DefaultInstance, null)]
            : entry.Instances.Select(i => ResolveInstance(entry, i.Name, i)).ToList();
        return new ServiceSpec
        {
            Name = entry.Name,
            Maintainer = entry.Config.Get(ConfigurationKeys.Maintainer),
            Instances = instances,
            Source = entry.Source,
        };
    }

    private InstanceSpec ResolveInstance(Entry entry, string name, InstanceEntry? instance)
    {
        var config = MergedConfig.Of(entry.Config, instance?.Config);
        if (config.Image is null && !entry.Config.Writes(ConfigurationKeys.Image) && instance?.Config.Writes(ConfigurationKeys.Image) != true)
        {
            if (instance is null)
            {
                errors.Add(entry.File, entry.Key, entry.Name, "no image (add image: NAME or image: NAME:TAG)");
            }
            else
            {
                errors.Add(entry.File, instance.Key, instance.Path, $"no image (add image: here or to '{entry.Name}')");
            }
        }

        var containers = new List<ContainerSpec>();
        foreach (var dependency in StartOrder(entry.Name, config.Get(ConfigurationKeys.Requires) ?? []))
        {
            var definition = byName[dependency];
            var copy = MergedConfig.Of(definition.Config);
            // A dependency without image of its own but with instances fails here; without instances its own entry says so.
            if (copy.Image is null && !definition.Config.Writes(ConfigurationKeys.Image) && definition.Instances.Count > 0)
            {
                errors.Add(definition.File, definition.Key, definition.Name,
                    $"'{definition.Name}' is required by '{entry.Name}' but has no image of its own (only its instances have one)");
            }

            containers.Add(builder.Build(entry.Name, name, dependency, 1, definition, copy));
        }

        for (var replica = 1; replica <= (config.Get(ConfigurationKeys.Replicas) ?? 1); replica++)
        {
            containers.Add(builder.Build(entry.Name, name, SkyLabels.MainRole, replica, entry, config));
        }

        virtualHosts.Check(entry, instance, config);

        // Routing, polling, alerting and rolling out are sky's own: they stay out of the containers' specs, so changing them replaces none.
        var metrics = polling.Resolve(entry, config.Get(ConfigurationKeys.Metrics), config.Get(ConfigurationKeys.Ports));
        return new InstanceSpec
        {
            Service = entry.Name,
            Name = name,
            Network = naming.Network(entry.Name, name),
            Containers = containers,
            Router = new RouterSettingsResolver(entry.File, errors).Resolve(config.Get(ConfigurationKeys.Router)),
            Mirror = mirrors.Resolve(entry, instance),
            Metrics = metrics,
            Alerts = alerts.Resolve(entry, config.Get(ConfigurationKeys.Alerts), metrics),
            Deploy = DeploySettingsResolver.Resolve(config.Get(ConfigurationKeys.Deploy)),
        };
    }

    /// <summary>
    /// Every dependency once, each after what it requires: depth-first, following <c>requires</c> in the order
    /// written. Names already reported as unknown, jobs or cycles are skipped, so this always ends.
    /// </summary>
    private List<string> StartOrder(string service, IReadOnlyList<Located<string>> requires)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { service };

        void Visit(string name)
        {
            if (!seen.Add(name) || !byName.TryGetValue(name, out var entry) || entry.IsJob)
            {
                return;
            }

            foreach (var edge in DependencyChecker.Edges(entry, byName))
            {
                Visit(edge.Value);
            }

            order.Add(name);
        }

        foreach (var required in requires)
        {
            Visit(required.Value);
        }

        return order;
    }
}
