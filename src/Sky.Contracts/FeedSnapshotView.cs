namespace Sky.Contracts;

/// <summary>The first message of <c>/events/stream</c> (and every resync): the whole current picture.</summary>
public sealed record FeedSnapshotView(long Sequence, long Revision, bool EngineConnected, IReadOnlyList<string> Services, IReadOnlyList<string> Jobs, IReadOnlyList<FeedContainerView> Containers);
