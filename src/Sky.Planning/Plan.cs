namespace Sky.Planning;

/// <summary>
/// An ordered list of steps. Steps are numbered from 1 in display order (instance after instance, dependencies
/// first when starting, dependents first when stopping), and every step's <see cref="PlanStep.After"/> refers
/// only to earlier steps, so the list is also a valid sequential execution order.
/// </summary>
public sealed record Plan(IReadOnlyList<PlanStep> Steps)
{
    public static Plan Empty { get; } = new([]);

    /// <summary>True when carrying out the plan would change nothing: every step is a no-op.</summary>
    public bool IsEmpty => !Steps.Any(s => s.ChangesSomething);

    /// <summary>
    /// The steps in the order progress lines are printed: the order of the instances and their containers as
    /// given to the planner. The executor may finish steps in another order; the CLI waits for each in turn.
    /// </summary>
    public IReadOnlyList<PlanStep> InDisplayOrder() => [.. Steps.OrderBy(s => s.Id)];

    /// <summary>
    /// This plan followed by another made from the same observation (a start plan, then its orphans), numbered on
    /// from this one. A step identical to one already here (same action, target and container, as when a stray
    /// of the start plan is also an orphan) is left out, so nothing is done twice; steps that waited on it wait
    /// on the step here instead.
    /// </summary>
    public Plan Then(Plan next)
    {
        var steps = InDisplayOrder().ToList();
        var ids = new Dictionary<int, int>();
        var lastId = steps.Count == 0 ? 0 : steps[^1].Id;
        foreach (var step in next.InDisplayOrder())
        {
            var same = steps.FirstOrDefault(s =>
                s.Action == step.Action && s.Target == step.Target && s.Existing?.Id == step.Existing?.Id);
            if (same is not null)
            {
                ids[step.Id] = same.Id;
                continue;
            }

            ids[step.Id] = ++lastId;
            steps.Add(step with { Id = lastId, After = [.. step.After.Select(a => ids[a]).Distinct().Order()] });
        }

        return new Plan(steps);
    }

    /// <summary>One line per step, joined by <c>\n</c> (no trailing newline), for tests to compare and users to read.</summary>
    public override string ToString() => string.Join('\n', InDisplayOrder().Select(s => s.ToString()));
}
