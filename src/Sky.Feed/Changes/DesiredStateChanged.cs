using Sky.Model;

namespace Sky.Feed.Changes;

/// <summary>A configuration was applied: the whole desired state of the new revision, immutable, swapped in at once.</summary>
public sealed record DesiredStateChanged(long Revision, DesiredState State, string Source) : FeedChange;
