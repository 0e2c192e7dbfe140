using Sky.Model;

namespace Sky.Planning;

/// <summary>Numbers steps in the order they are added, so that display order and id order are one.</summary>
internal sealed class PlanBuilder
{
    private readonly List<PlanStep> steps = [];

    public int Add(
        PlanAction action,
        string target,
        ContainerSpec? spec,
        ObservedContainer? existing,
        string reason,
        IEnumerable<int> after)
    {
        var id = steps.Count + 1;
        steps.Add(new PlanStep(id, action, target, spec, existing, reason, [.. after.Distinct().Order()]));
        return id;
    }

    public Plan Build() => new([.. steps]);
}
