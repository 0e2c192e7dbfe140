namespace Sky.Feed.Changes;

/// <summary>
/// Everything sky manages, as the engine listed it on (re)connecting: replaces the feed's picture of the containers,
/// since events may have been missed while the engine was away.
/// </summary>
public sealed record ContainersListed(IReadOnlyList<ContainerFacts> Containers) : FeedChange;
