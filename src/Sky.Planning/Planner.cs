using Sky.Model;

namespace Sky.Planning;

/// <summary>
/// Compares the desired state with what runs and says what to do, as a <see cref="Plan"/>. Pure: no engine, no
/// clock; every decision is taken here so that the executor only carries steps out.
/// </summary>
public static class Planner
{
    /// <summary>
    /// Brings the instances up: missing containers are created, stopped ones with the wanted configuration are
    /// started, changed or dead ones replaced. A replaced dependency does not cascade to running dependents.
    /// </summary>
    /// <exception cref="ArgumentException">A container is wanted twice, or dependencies form a cycle or cross instances.</exception>
    public static Plan Start(IReadOnlyList<InstanceSpec> instances, IReadOnlyList<ObservedContainer> observed) =>
        new StartPlanner(instances, observed).Build();

    /// <summary>
    /// <see cref="Start"/>, with the running containers it replaces rolled out in batches under each instance's
    /// <c>deploy:</c> settings (see <see cref="RollingPlanner"/>).
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Start"/>.</exception>
    public static Plan Rollout(IReadOnlyList<InstanceSpec> instances, IReadOnlyList<ObservedContainer> observed) =>
        new RollingPlanner(Start(instances, observed), instances).Build();

    /// <summary>
    /// Every container of the instances made fresh without emptying a pool: those that run are replaced in a rolling
    /// update (as a change would be), the others started or created as <see cref="Start"/> does.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="Start"/>.</exception>
    public static Plan Restart(IReadOnlyList<InstanceSpec> instances, IReadOnlyList<ObservedContainer> observed)
    {
        var start = Start(instances, observed);
        var fresh = new Plan([.. start.Steps.Select(s => s.Action == PlanAction.AlreadyRunning && s.Existing is not null
            ? s with { Action = PlanAction.Replace, Reason = "restart" }
            : s)]);
        return new RollingPlanner(fresh, instances).Build();
    }

    /// <summary>Stops what runs of the instances, each container before the containers it depends on.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Start"/>.</exception>
    public static Plan Stop(IReadOnlyList<InstanceSpec> instances, IReadOnlyList<ObservedContainer> observed) =>
        new StopPlanner(instances, observed).Build();

    /// <summary>
    /// Removes every service container no wanted container has the name of (a scaled-down replica, a deleted
    /// instance or service). Job and one-off containers are not the planner's to remove.
    /// </summary>
    public static Plan RemoveOrphans(IReadOnlyList<ContainerSpec> wanted, IReadOnlyList<ObservedContainer> observed)
    {
        var names = wanted.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var plan = new PlanBuilder();
        var orphans = observed
            .Where(o => o.Labels.GetValueOrDefault(SkyLabels.Kind) == SkyLabels.ServiceKind && !names.Contains(o.Name))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .ThenBy(o => o.Id, StringComparer.Ordinal);
        foreach (var orphan in orphans)
        {
            plan.Add(PlanAction.Remove, orphan.Name, null, orphan, "no configuration wants it", []);
        }

        return plan.Build();
    }
}
