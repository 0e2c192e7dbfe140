using System.Globalization;
using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Model;

namespace Sky.Configuration.Resolution;

/// <summary>Builds one <see cref="ContainerSpec"/> of an instance: the service's own replica or a dependency copy.</summary>
internal sealed class ContainerBuilder(Naming naming, IReadOnlyDictionary<string, Entry> byName, ErrorList errors)
{
    /// <param name="role"><see cref="SkyLabels.MainRole"/> or the dependency's short name.</param>
    /// <param name="definition">The entry whose keys are in <paramref name="config"/>.</param>
    public ContainerSpec Build(string service, string instance, string role, int replica, Entry definition, MergedConfig config)
    {
        var ports = config.Get(ConfigurationKeys.Ports) ?? [];
        var direct = (config.Get(ConfigurationKeys.Requires) ?? [])
            .Select(r => r.Value)
            .Where(name => name != definition.Name && byName.TryGetValue(name, out var target) && !target.IsJob)
            .ToList();

        var spec = new ContainerSpec
        {
            Name = naming.Container(service, instance, role, replica),
            Service = service,
            Instance = instance,
            Role = role,
            Replica = replica,
            Definition = definition.Name,
            Image = config.Image ?? "",
            Command = config.Get(ConfigurationKeys.Command),
            Environment = Environment(direct, config.Get(ConfigurationKeys.Env) ?? new Dictionary<string, string>()),
            Ports = ports,
            MemoryBytes = config.Get(ConfigurationKeys.Memory),
            Cpus = config.Get(ConfigurationKeys.Cpus),
            Volumes = (config.Get(ConfigurationKeys.Volumes) ?? []).Select(Volume).ToList(),
            Network = naming.Network(service, instance),
            NetworkAliases = [role == SkyLabels.MainRole ? service : role],
            Checks = (config.Get(ConfigurationKeys.Checks) ?? []).Select(c => Check(definition, c, ports)).OfType<CheckSpec>().ToList(),
            Restart = config.Get(ConfigurationKeys.Restart) ?? RestartPolicy.Default,
            DependsOn = direct.Select(d => naming.Container(service, instance, d)).ToList(),
        };

        // The hash covers what the spec holds, so the labels that carry it are added last.
        var labels = naming.BaseLabels(SkyLabels.ServiceKind);
        labels[SkyLabels.Service] = service;
        labels[SkyLabels.Instance] = instance;
        labels[SkyLabels.Role] = role;
        labels[SkyLabels.Replica] = replica.ToString(CultureInfo.InvariantCulture);
        labels[SkyLabels.ConfigHash] = spec.ConfigHash;
        return spec with { Labels = labels };
    }

    /// <summary>
    /// Where each direct dependency listens: <c>DATABASE_HOST=database</c>, <c>DATABASE_PORT</c> (main port) and
    /// <c>DATABASE_PORT_n</c> for every port. The entry's own <c>env</c> is laid over them, so it can say otherwise.
    /// </summary>
    private Dictionary<string, string> Environment(IReadOnlyList<string> direct, IReadOnlyDictionary<string, string> own)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dependency in direct)
        {
            var prefix = dependency.ToUpperInvariant().Replace('-', '_');
            env[$"{prefix}_HOST"] = dependency;
            var ports = byName[dependency].Config.Get(ConfigurationKeys.Ports) ?? [];
            if (ports.Count > 0)
            {
                env[$"{prefix}_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture);
            }

            for (var i = 0; i < ports.Count; i++)
            {
                env[$"{prefix}_PORT_{i + 1}"] = ports[i].ToString(CultureInfo.InvariantCulture);
            }
        }

        foreach (var (key, value) in own)
        {
            env[key] = value;
        }

        return env;
    }

    private VolumeMount Volume(VolumeMount mount) =>
        mount.IsHostPath ? mount : mount with { Source = naming.Volume(mount.Source) };

    private CheckSpec? Check(Entry definition, CheckDraft draft, IReadOnlyList<int> ports)
    {
        if (!draft.NeedsPort)
        {
            return draft.Spec;
        }

        if (ports.Count > 0)
        {
            return draft.Spec with { Port = ports[0] };
        }

        errors.Add(definition.File, draft.Node, draft.Path, "an http check needs a port (add port: N to the check, or ports: to the service)");
        return null;
    }
}
