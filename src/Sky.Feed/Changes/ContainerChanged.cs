namespace Sky.Feed.Changes;

/// <summary>A container was created, started, died, stopped, renamed or removed: the facts after the change.</summary>
public sealed record ContainerChanged(ContainerFacts Container) : FeedChange
{
    public override string? Service => Container.Service;

    /// <summary>
    /// Set when the container was renamed: the name it had. A start-first rollout renames the container it replaces
    /// out of the way so the new one takes its name; readers must stop knowing it under the old name.
    /// </summary>
    public string? PreviousName { get; init; }
}
