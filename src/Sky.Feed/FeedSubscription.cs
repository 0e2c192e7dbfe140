using System.Threading.Channels;

namespace Sky.Feed;

/// <summary>
/// One subscriber's place in the feed: the snapshot it started from and, in order, every change after it. Bounded: a
/// subscriber that falls <see cref="StateFeed.DefaultCapacity"/> changes behind is cut off (<see cref="Lagged"/>) rather
/// than slowing the producer, and must start again from a fresh snapshot. Dispose to leave the feed.
/// </summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly Channel<FeedChange> changes;
    private readonly Action<FeedSubscription> leave;
    private volatile bool lagged;

    internal FeedSubscription(FeedSnapshot snapshot, int capacity, Action<FeedSubscription> leave)
    {
        Snapshot = snapshot;
        this.leave = leave;
        changes = Channel.CreateBounded<FeedChange>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The picture at subscription; the first change read follows it directly.</summary>
    public FeedSnapshot Snapshot { get; }

    /// <summary>The changes after <see cref="Snapshot"/>; completes when the subscriber lagged or the feed closed.</summary>
    public ChannelReader<FeedChange> Changes => changes.Reader;

    /// <summary>True once the subscriber fell too far behind: changes were dropped, so it must resubscribe.</summary>
    public bool Lagged => lagged;

    /// <summary>Called by the feed under its lock; never waits.</summary>
    internal void Offer(FeedChange change)
    {
        if (lagged)
        {
            return;
        }

        if (!changes.Writer.TryWrite(change))
        {
            lagged = true;
            changes.Writer.TryComplete();
        }
    }

    internal void Close() => changes.Writer.TryComplete();

    public void Dispose()
    {
        leave(this);
        Close();
    }
}
