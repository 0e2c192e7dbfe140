using Sky.Model;

namespace Sky.Planning;

/// <summary>
/// Plans bringing instances down: instance after instance, each container before the containers it depends on,
/// so that an application never outlives its database by being stopped last.
/// </summary>
internal sealed class StopPlanner
{
    private readonly PlanBuilder plan = new();
    private readonly Dictionary<string, int> containerSteps = new(StringComparer.Ordinal);
    private readonly ObservedIndex index;
    private readonly IReadOnlyList<IReadOnlyList<ContainerSpec>> ordered;

    public StopPlanner(IReadOnlyList<InstanceSpec> instances, IReadOnlyList<ObservedContainer> observed)
    {
        ordered = ContainerOrder.StartOrder(instances);
        index = new ObservedIndex(ordered.SelectMany(c => c), observed);
    }

    public Plan Build()
    {
        foreach (var containers in ordered)
        {
            AddInstance(containers);
        }

        return plan.Build();
    }

    private void AddInstance(IReadOnlyList<ContainerSpec> containers)
    {
        foreach (var spec in containers.Reverse())
        {
            // A duplicate must not keep running once its instance is stopped, and must not exist at all.
            var after = index.Strays(spec.Name)
                .Select(s => plan.Add(PlanAction.Remove, s.Container.Name, null, s.Container, s.Reason, []))
                .ToList();

            // Reverse start order puts every dependent before its dependencies, so their steps already exist.
            after.AddRange(containers
                .Where(c => ContainerOrder.LocalDependencies(c, containers).Contains(spec.Name))
                .Select(c => containerSteps[c.Name]));
            var existing = index.Existing(spec.Name);
            var decision = ContainerDecision.ForStop(existing);
            containerSteps[spec.Name] = plan.Add(decision.Action, spec.Name, spec, existing, decision.Reason, after);
        }
    }
}
