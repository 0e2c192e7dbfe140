using System.Threading.Channels;

namespace Sky.Logs.Store;

/// <summary>
/// Hands every batch of chunks just stored to the followers (<c>sky service logs -f</c>, the page): one bounded
/// queue each, so a follower that stops reading loses its subscription instead of holding memory or the writer.
/// </summary>
public sealed class LiveChunks
{
    private const int QueuedBatches = 256;

    private readonly Lock gate = new();
    private readonly List<Channel<IReadOnlyList<CommittedChunk>>> followers = [];

    public ChannelReader<IReadOnlyList<CommittedChunk>> Subscribe(CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<IReadOnlyList<CommittedChunk>>(new BoundedChannelOptions(QueuedBatches) { SingleReader = true, SingleWriter = true });
        lock (gate)
        {
            followers.Add(channel);
        }

        cancellationToken.Register(() => Remove(channel));
        return channel.Reader;
    }

    public void Publish(IReadOnlyList<CommittedChunk> batch)
    {
        lock (gate)
        {
            for (var i = followers.Count - 1; i >= 0; i--)
            {
                if (!followers[i].Writer.TryWrite(batch))
                {
                    // Too far behind: its reader ends and may start again from the store.
                    followers[i].Writer.TryComplete(new LogFollowerLaggedException());
                    followers.RemoveAt(i);
                }
            }
        }
    }

    private void Remove(Channel<IReadOnlyList<CommittedChunk>> channel)
    {
        lock (gate)
        {
            followers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }
}
