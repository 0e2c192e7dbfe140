using System.Runtime.CompilerServices;

namespace Sky.Feed;

/// <summary>
/// The daemon's one ordered stream of what changes: the desired state per applied revision, each container's observed
/// life and published ports, health verdicts, what sky did, job runs and alerts. Producers publish (never blocking: each
/// subscriber has a bounded queue); a subscriber takes a consistent snapshot and then every change after it, in order.
/// Parts learn about each other here instead of polling one another.
/// </summary>
public sealed class StateFeed(TimeProvider clock)
{
    /// <summary>How many changes a subscriber may fall behind before it is told to resync.</summary>
    public const int DefaultCapacity = 4096;

    private readonly Lock gate = new();
    private readonly List<FeedSubscription> subscribers = [];
    private FeedSnapshot current = FeedSnapshot.Empty;

    public StateFeed()
        : this(TimeProvider.System)
    {
    }

    /// <summary>The newest snapshot; reading it takes no lock.</summary>
    public FeedSnapshot Current => Volatile.Read(ref current);

    /// <summary>Stamps, applies and hands <paramref name="change"/> to every subscriber; returns it as published.</summary>
    public T Publish<T>(T change)
        where T : FeedChange
    {
        lock (gate)
        {
            var stamped = (FeedChange)change with { Sequence = current.Sequence + 1, Time = clock.GetUtcNow() };
            Volatile.Write(ref current, current.Apply(stamped));
            foreach (var subscriber in subscribers)
            {
                subscriber.Offer(stamped);
            }

            return (T)stamped;
        }
    }

    /// <summary>The current snapshot and, from then on, every change; dispose it to leave.</summary>
    public FeedSubscription Subscribe(int capacity = DefaultCapacity)
    {
        lock (gate)
        {
            var subscription = new FeedSubscription(current, capacity, Leave);
            subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>
    /// A snapshot, then every change in order; after falling behind, a fresh snapshot again (so a reader treats every
    /// snapshot as "forget what you knew"). Ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async IAsyncEnumerable<FeedItem> WatchAsync(int capacity = DefaultCapacity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var subscription = Subscribe(capacity);
            yield return subscription.Snapshot;
            while (true)
            {
                bool more;
                try
                {
                    more = await subscription.Changes.WaitToReadAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (!more)
                {
                    break;
                }

                while (subscription.Changes.TryRead(out var change))
                {
                    yield return change;
                }
            }

            if (!subscription.Lagged)
            {
                yield break;
            }
        }
    }

    private void Leave(FeedSubscription subscription)
    {
        lock (gate)
        {
            subscribers.Remove(subscription);
        }
    }
}
