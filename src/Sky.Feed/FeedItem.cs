namespace Sky.Feed;

/// <summary>
/// What a subscriber of the <see cref="StateFeed"/> reads: a <see cref="FeedSnapshot"/> (the whole picture, first and
/// after every resync) or a <see cref="FeedChange"/> (one thing that changed after it). Sequences grow by one per change.
/// </summary>
public abstract record FeedItem
{
    /// <summary>The number of the last change this item includes: a snapshot's is that of the last change applied to it.</summary>
    public long Sequence { get; init; }
}
