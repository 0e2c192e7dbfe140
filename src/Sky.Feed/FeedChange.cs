namespace Sky.Feed;

/// <summary>One observed change, stamped by the feed with its sequence and the time it was published.</summary>
public abstract record FeedChange : FeedItem
{
    public DateTimeOffset Time { get; init; }

    /// <summary>The service the change is about, when it is about one (for filtering).</summary>
    public virtual string? Service => null;
}
