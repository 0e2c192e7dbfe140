using Sky.Model;

namespace Sky.Planning;

/// <summary>
/// One action of a <see cref="Plan"/>. <paramref name="Target"/> is the container, network or volume name;
/// <paramref name="After"/> lists the ids of the steps that must complete before this one may begin, so an
/// executor can run every step whose <paramref name="After"/> is done in parallel.
/// </summary>
/// <param name="Spec">The wanted container, for container steps other than <see cref="PlanAction.Remove"/>.</param>
/// <param name="Existing">The container the engine reported, when there is one.</param>
/// <param name="Reason">Why the planner chose this action, for people reading the plan.</param>
public sealed record PlanStep(
    int Id,
    PlanAction Action,
    string Target,
    ContainerSpec? Spec,
    ObservedContainer? Existing,
    string Reason,
    IReadOnlyList<int> After)
{
    /// <summary>For a <see cref="PlanAction.Roll"/> step: its order, health timeout and batch.</summary>
    public RollingStep? Rolling { get; init; }

    /// <summary>False for the no-op steps that exist only to tell the user nothing had to be done.</summary>
    public bool ChangesSomething => Action is not (PlanAction.AlreadyRunning or PlanAction.AlreadyStopped);

    /// <summary>True for steps about a container, as opposed to its network or volumes.</summary>
    public bool IsContainerStep => Action is not (PlanAction.EnsureNetwork or PlanAction.EnsureVolume);

    /// <summary>
    /// The word of a progress line (<c>Starting my-application-production.. DONE</c>). The no-op steps say what the
    /// user asked for (<c>Starting</c>, <c>Stopping</c>); the CLI tells from <see cref="Action"/> that nothing was done.
    /// Create says <c>Starting</c> too: to the user, a fresh container is simply being started.
    /// </summary>
    public string Verb => Action switch
    {
        PlanAction.EnsureNetwork => "Creating network",
        PlanAction.EnsureVolume => "Creating volume",
        PlanAction.Create or PlanAction.Start or PlanAction.AlreadyRunning => "Starting",
        PlanAction.Replace or PlanAction.Roll => "Replacing",
        PlanAction.Stop or PlanAction.AlreadyStopped => "Stopping",
        PlanAction.Remove => "Removing",
        _ => Action.ToString(),
    };

    /// <summary>One line as docker compose prints its plans: <c>[3] after #1,#2 NAME: Create (no existing container)</c>.</summary>
    public override string ToString()
    {
        var after = After.Count == 0 ? "" : "after " + string.Join(',', After.Select(id => $"#{id}")) + " ";
        var rolling = Rolling is { } r ? $" {r}" : "";
        return $"[{Id}] {after}{Target}: {Action}{rolling} ({Reason})";
    }
}
