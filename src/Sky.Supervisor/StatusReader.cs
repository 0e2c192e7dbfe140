using Sky.Model;
using Sky.Runtime;
using Sky.Store;

namespace Sky.Supervisor;

/// <summary>
/// Answers "what runs?" from the engine itself, joined with what the configuration wants, so the answer is true
/// after a daemon restart and shows containers that are missing as well as ones nobody wants any more.
/// </summary>
public sealed class StatusReader(IContainerRuntime runtime, Naming naming, DesiredStateSource desired, ServiceIntentRepository intents, IContainerHealthView health)
{
    public async Task<ServiceStatus> ServiceAsync(ServiceSelector selector, CancellationToken cancellationToken)
    {
        var current = desired.Current();
        var instances = selector.Select(current.State);
        var observed = (await runtime.ListOwnContainersAsync(naming, cancellationToken)).ToDictionary(c => c.Name);
        var wanted = intents.All().Where(i => i.Running).Select(i => (i.Service, i.Instance)).ToHashSet();
        var result = new List<InstanceStatus>();
        foreach (var instance in instances)
        {
            var containers = new List<ContainerStatus>();
            foreach (var spec in instance.Containers)
            {
                containers.Add(observed.TryGetValue(spec.Name, out var container)
                    ? await DescribeAsync(container, spec, cancellationToken)
                    : Missing(spec));
            }

            result.Add(new InstanceStatus(instance.Name, wanted.Contains((instance.Service, instance.Name)), containers));
        }

        var service = current.State.FindService(selector.Service)!;
        var maintainer = service.Maintainer is null ? null : $"{service.Maintainer.Name} <{service.Maintainer.Email}>";
        return new ServiceStatus(service.Name, maintainer, current.Number, result);
    }

    /// <summary>
    /// Every container this daemon manages (services, job runs, one-offs), for <c>sky ps</c>; and those other daemons of
    /// its namespace made, marked with who made them, so that a person sees why a name this daemon wants is taken.
    /// </summary>
    public async Task<IReadOnlyList<ContainerStatus>> AllAsync(CancellationToken cancellationToken)
    {
        var specs = desired.Current().State.Services
            .SelectMany(s => s.Instances).SelectMany(i => i.Containers)
            .ToDictionary(c => c.Name);
        var result = new List<ContainerStatus>();
        foreach (var container in (await runtime.ListNamespaceContainersAsync(naming, cancellationToken)).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            result.Add(naming.ForeignDaemon(container.Labels) is { } other
                ? await DescribeForeignAsync(container, other, cancellationToken)
                : await DescribeAsync(container, specs.GetValueOrDefault(container.Name), cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// Another daemon's container: what the engine says of it, and who made it. Its health, restarts and whether it is up
    /// to date are that daemon's to know; this one has no checks of it and no configuration for it.
    /// </summary>
    private async Task<ContainerStatus> DescribeForeignAsync(ObservedContainer container, DaemonIdentity other, CancellationToken cancellationToken)
    {
        var details = await runtime.InspectContainerAsync(container.Id, cancellationToken);
        return new ContainerStatus
        {
            Name = container.Name,
            Service = container.Service ?? container.Labels.GetValueOrDefault(SkyLabels.Job) ?? string.Empty,
            Instance = container.Instance ?? string.Empty,
            Role = container.Labels.GetValueOrDefault(SkyLabels.Role) ?? container.Labels.GetValueOrDefault(SkyLabels.Kind) ?? string.Empty,
            Id = container.Id[..Math.Min(12, container.Id.Length)],
            State = ContainerStatus.StateName(details?.State ?? container.State),
            Image = container.Image,
            Revision = container.Labels.GetValueOrDefault(SkyLabels.Revision),
            Ports = details?.PublishedPorts ?? new Dictionary<int, int>(),
            Created = container.Created,
            ForeignDaemon = other,
        };
    }

    /// <summary>A container the configuration wants and the engine does not have: no health, unless sky gave up on it.</summary>
    private ContainerStatus Missing(ContainerSpec spec)
    {
        var known = health.Get(spec.Name);
        var (shown, lastCheck) = HealthShown.Of(known, null, running: false, spec.Checks.Count > 0);
        return new ContainerStatus
        {
            Name = spec.Name,
            Service = spec.Service,
            Instance = spec.Instance,
            Role = spec.Role,
            State = "missing",
            Image = spec.Image,
            Checked = spec.Checks.Count > 0,
            Health = shown,
            LastCheck = lastCheck,
            Restarts = known?.Restarts ?? 0,
        };
    }

    /// <param name="spec">What the applied configuration says of a container of that name; null for job runs, one-offs and leftovers.</param>
    private async Task<ContainerStatus> DescribeAsync(ObservedContainer container, ContainerSpec? spec, CancellationToken cancellationToken)
    {
        var details = await runtime.InspectContainerAsync(container.Id, cancellationToken);
        var checks = health.Get(container.Name);
        var state = details?.State ?? container.State;
        var isChecked = spec?.Checks.Count > 0;
        var (shown, lastCheck) = HealthShown.Of(checks, container.Id, state == ContainerState.Running, isChecked);
        return new ContainerStatus
        {
            Name = container.Name,
            Service = container.Service ?? container.Labels.GetValueOrDefault(SkyLabels.Job) ?? string.Empty,
            Instance = container.Instance ?? string.Empty,
            Role = container.Labels.GetValueOrDefault(SkyLabels.Role)
                ?? (container.Labels.ContainsKey(SkyLabels.Armed) ? "job (armed)" : container.Labels.GetValueOrDefault(SkyLabels.Kind))
                ?? string.Empty,
            Id = container.Id[..Math.Min(12, container.Id.Length)],
            State = ContainerStatus.StateName(state),
            Image = container.Image,
            Revision = container.Labels.GetValueOrDefault(SkyLabels.Revision),
            UpToDate = spec is null || spec.ConfigHash == container.ConfigHash,
            Ports = details?.PublishedPorts ?? new Dictionary<int, int>(),
            Created = container.Created,
            Checked = isChecked,
            Health = shown,
            LastCheck = lastCheck,
            Restarts = checks?.Restarts ?? 0,
        };
    }
}
