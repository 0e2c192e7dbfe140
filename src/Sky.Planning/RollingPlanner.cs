using Sky.Model;

namespace Sky.Planning;

/// <summary>
/// Turns the replacements of running containers in a plan into a rolling update under each instance's <c>deploy:</c>
/// settings. The replicas of one role are cut into batches (<see cref="Model.Deploys.DeploySettings.BatchSize"/>);
/// each step of a batch comes after every step of the batch before, so the executor starts a batch only once the
/// previous one's new containers are healthy, and a batch that fails skips the rest. A container that does not run
/// serves nobody and is replaced at once, as before.
/// </summary>
internal sealed class RollingPlanner(Plan plan, IReadOnlyList<InstanceSpec> instances)
{
    public Plan Build()
    {
        var owners = new Dictionary<string, InstanceSpec>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            foreach (var container in instance.Containers)
            {
                owners[container.Name] = instance;
            }
        }

        var rolling = new Dictionary<int, RollingStep>();
        var waitFor = new Dictionary<int, IReadOnlyList<int>>();
        var replacements = plan.Steps
            .Where(s => s.Action == PlanAction.Replace && s.Existing is { IsRunning: true } && s.Spec is not null && owners.ContainsKey(s.Target))
            .GroupBy(s => (s.Spec!.Service, s.Spec.Instance, s.Spec.Role));
        foreach (var role in replacements)
        {
            var first = role.First();
            var instance = owners[first.Target];
            var order = instance.Deploy.OrderFor(first.Spec!);
            var replicas = instance.Containers.Count(c => c.Role == role.Key.Role);
            var batches = role.OrderBy(s => s.Id).Chunk(instance.Deploy.BatchSize(order, replicas)).ToList();
            for (var batch = 0; batch < batches.Count; batch++)
            {
                foreach (var step in batches[batch])
                {
                    rolling[step.Id] = new RollingStep(order, instance.Deploy.HealthTimeout, batch + 1, batches.Count);
                    waitFor[step.Id] = batch == 0 ? [] : [.. batches[batch - 1].Select(s => s.Id)];
                }
            }
        }

        return new Plan([.. plan.Steps.Select(step => rolling.TryGetValue(step.Id, out var how)
            ? step with { Action = PlanAction.Roll, Rolling = how, After = [.. step.After.Concat(waitFor[step.Id]).Distinct().Order()] }
            : step)]);
    }
}
