using Sky.Model;

namespace Sky.Planning;

/// <summary>
/// Orders the containers of one instance so that each comes after the containers it depends on, keeping the
/// given order wherever dependencies allow (for a configuration that lists dependencies first, the order is
/// unchanged). This is what makes every step's <see cref="PlanStep.After"/> point at earlier steps.
/// </summary>
internal static class ContainerOrder
{
    /// <summary>Every instance's containers in start order, after checking the input can be planned at all.</summary>
    public static IReadOnlyList<IReadOnlyList<ContainerSpec>> StartOrder(IReadOnlyList<InstanceSpec> instances)
    {
        var instanceOf = new Dictionary<string, InstanceSpec>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            foreach (var container in instance.Containers)
            {
                // One step per container name: two wanted containers with one name cannot both exist.
                if (!instanceOf.TryAdd(container.Name, instance))
                {
                    throw new ArgumentException($"Container {container.Name} is wanted twice.", nameof(instances));
                }
            }
        }

        return [.. instances.Select(instance => Sort(instance, instanceOf))];
    }

    /// <summary>The dependencies of a container that belong to its own instance (the only ones the plan orders).</summary>
    public static IEnumerable<string> LocalDependencies(ContainerSpec container, IReadOnlyList<ContainerSpec> instanceContainers) =>
        container.DependsOn.Distinct(StringComparer.Ordinal).Where(d => instanceContainers.Any(c => c.Name == d));

    private static List<ContainerSpec> Sort(InstanceSpec instance, Dictionary<string, InstanceSpec> instanceOf)
    {
        foreach (var container in instance.Containers)
        {
            // Each instance gets its own copies of what it requires; a dependency on another instance's container
            // would tie instances together and break both the parallel start and the per-instance display order.
            // Dependencies outside the plan are the supervisor's concern (it asked for part of the state only).
            var foreign = container.DependsOn.FirstOrDefault(d => instanceOf.TryGetValue(d, out var owner) && owner != instance);
            if (foreign is not null)
            {
                throw new ArgumentException(
                    $"Container {container.Name} depends on {foreign} of another instance; each instance has its own copies.");
            }
        }

        var pending = instance.Containers.ToList();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var sorted = new List<ContainerSpec>(pending.Count);
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(c => LocalDependencies(c, instance.Containers).All(done.Contains));
            if (next is null)
            {
                throw new ArgumentException(
                    $"Containers {string.Join(", ", pending.Select(c => c.Name))} of {instance.Service}/{instance.Name} depend on each other in a cycle.");
            }

            pending.Remove(next);
            done.Add(next.Name);
            sorted.Add(next);
        }

        return sorted;
    }
}
