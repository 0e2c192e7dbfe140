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
        var observed = (await ListAsync(cancellationToken)).ToDictionary(c => c.Name);
        var wanted = intents.All().Where(i => i.Running).Select(i => (i.Service, i.Instance)).ToHashSet();
        var result = new List<InstanceStatus>();
        foreach (var instance in instances)
        {
            var containers = new List<ContainerStatus>();
            foreach (var spec in instance.Containers)
            {
                containers.Add(observed.TryGetValue(spec.Name, out var container)
                    ? await DescribeAsync(container, spec.ConfigHash, cancellationToken)
                    : new ContainerStatus { Name = spec.Name, Service = spec.Service, Instance = spec.Instance, Role = spec.Role, State = "missing", Image = spec.Image });
            }

            result.Add(new InstanceStatus(instance.Name, wanted.Contains((instance.Service, instance.Name)), containers));
        }

        var service = current.State.FindService(selector.Service)!;
        var maintainer = service.Maintainer is null ? null : $"{service.Maintainer.Name} <{service.Maintainer.Email}>";
        return new ServiceStatus(service.Name, maintainer, current.Number, result);
    }

    /// <summary>Every container this daemon manages (services, job runs, one-offs), for <c>sky ps</c>.</summary>
    public async Task<IReadOnlyList<ContainerStatus>> AllAsync(CancellationToken cancellationToken)
    {
        var wantedHashes = desired.Current().State.Services
            .SelectMany(s => s.Instances).SelectMany(i => i.Containers)
            .ToDictionary(c => c.Name, c => c.ConfigHash);
        var result = new List<ContainerStatus>();
        foreach (var container in (await ListAsync(cancellationToken)).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            result.Add(await DescribeAsync(container, wantedHashes.GetValueOrDefault(container.Name), cancellationToken));
        }

        return result;
    }

    private Task<IReadOnlyList<ObservedContainer>> ListAsync(CancellationToken cancellationToken) =>
        runtime.ListContainersAsync(
            new Dictionary<string, string?> { [SkyLabels.Managed] = "true", [SkyLabels.Namespace] = naming.Namespace },
            cancellationToken);

    private async Task<ContainerStatus> DescribeAsync(ObservedContainer container, string? wantedHash, CancellationToken cancellationToken)
    {
        var details = await runtime.InspectContainerAsync(container.Id, cancellationToken);
        var checks = health.Get(container.Name);
        return new ContainerStatus
        {
            Name = container.Name,
            Service = container.Service ?? container.Labels.GetValueOrDefault(SkyLabels.Job) ?? string.Empty,
            Instance = container.Instance ?? string.Empty,
            Role = container.Labels.GetValueOrDefault(SkyLabels.Role)
                ?? (container.Labels.ContainsKey(SkyLabels.Armed) ? "job (armed)" : container.Labels.GetValueOrDefault(SkyLabels.Kind))
                ?? string.Empty,
            Id = container.Id[..Math.Min(12, container.Id.Length)],
            State = ContainerStatus.StateName(details?.State ?? container.State),
            Image = container.Image,
            Revision = container.Labels.GetValueOrDefault(SkyLabels.Revision),
            UpToDate = wantedHash is null || wantedHash == container.ConfigHash,
            Ports = details?.PublishedPorts ?? new Dictionary<int, int>(),
            Created = container.Created,
            Health = checks?.Health,
            LastCheck = checks?.LastCheck,
            Restarts = checks?.Restarts ?? 0,
        };
    }
}
