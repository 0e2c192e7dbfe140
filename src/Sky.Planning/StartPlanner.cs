using Sky.Model;

namespace Sky.Planning;

/// <summary>
/// Plans bringing instances up: for each instance its network and named volumes, then each container in start
/// order. Only containers that are created or started wait for the network, volumes and strays they need; every
/// container waits for the containers it depends on.
/// </summary>
internal sealed class StartPlanner
{
    private readonly PlanBuilder plan = new();
    private readonly Dictionary<string, int> networkSteps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> volumeSteps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> containerSteps = new(StringComparer.Ordinal);
    private readonly ObservedIndex index;
    private readonly IReadOnlyList<InstanceSpec> instances;
    private readonly IReadOnlyList<IReadOnlyList<ContainerSpec>> ordered;

    public StartPlanner(IReadOnlyList<InstanceSpec> instances, IReadOnlyList<ObservedContainer> observed)
    {
        this.instances = instances;
        ordered = ContainerOrder.StartOrder(instances);
        index = new ObservedIndex(ordered.SelectMany(c => c), observed);
    }

    public Plan Build()
    {
        for (var i = 0; i < instances.Count; i++)
        {
            AddInstance(instances[i], ordered[i]);
        }

        return plan.Build();
    }

    private void AddInstance(InstanceSpec instance, IReadOnlyList<ContainerSpec> containers)
    {
        var decisions = containers
            .Select(c => (Spec: c, Existing: index.Existing(c.Name), Decision: ContainerDecision.ForStart(c, index.Existing(c.Name))))
            .ToList();

        // Networks and volumes first, and only for containers that will be created or started: when everything
        // already runs they exist (Docker removes neither while a container uses it) and the plan stays a no-op.
        var needing = decisions.Where(d => d.Decision.NeedsResources).Select(d => d.Spec).ToList();
        foreach (var network in needing.Select(c => c.Network).Distinct(StringComparer.Ordinal))
        {
            EnsureOnce(networkSteps, PlanAction.EnsureNetwork, network, $"network of {instance.Service}/{instance.Name}");
        }

        foreach (var volume in needing.SelectMany(c => c.Volumes).Where(v => !v.IsHostPath).Select(v => v.Source).Distinct(StringComparer.Ordinal))
        {
            EnsureOnce(volumeSteps, PlanAction.EnsureVolume, volume, "named volume");
        }

        foreach (var (spec, existing, decision) in decisions)
        {
            // Strays go first so that a duplicate never answers to the same alias or holds the same port.
            var after = index.Strays(spec.Name)
                .Select(s => plan.Add(PlanAction.Remove, s.Container.Name, null, s.Container, s.Reason, []))
                .ToList();
            if (decision.NeedsResources)
            {
                after.Add(networkSteps[spec.Network]);
                after.AddRange(spec.Volumes.Where(v => !v.IsHostPath).Select(v => volumeSteps[v.Source]));
            }

            // Dependencies outside the plan have no step: the caller asked for part of the desired state only.
            after.AddRange(ContainerOrder.LocalDependencies(spec, containers).Select(d => containerSteps[d]));
            containerSteps[spec.Name] = plan.Add(decision.Action, spec.Name, spec, existing, decision.Reason, after);
        }
    }

    private void EnsureOnce(Dictionary<string, int> steps, PlanAction action, string name, string reason)
    {
        // One step per name: instances that share a named volume share its step.
        if (!steps.ContainsKey(name))
        {
            steps[name] = plan.Add(action, name, null, null, reason, []);
        }
    }
}
