namespace Sky.Feed.Changes;

/// <summary>A container was created, started, died, stopped or removed: the facts after the change.</summary>
public sealed record ContainerChanged(ContainerFacts Container) : FeedChange
{
    public override string? Service => Container.Service;
}
