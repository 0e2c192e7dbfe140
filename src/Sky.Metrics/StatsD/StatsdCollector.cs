using System.Numerics;

namespace Sky.Metrics.StatsD;

/// <summary>
/// The server's core without sockets or timer: packets in (from any number of receive loops), points out at each
/// flush. One lock guards the aggregator; a packet holds it only to be decoded and read, and a flush only to take
/// the snapshot, so the statistics are computed while packets keep arriving.
/// </summary>
internal sealed class StatsdCollector(StatsdSettings settings, TimeProvider clock)
{
    public const string TimestampLag = "statsd.timestamp_lag";

    private readonly Lock gate = new();
    private readonly StatsdAggregator aggregator = new();
    private char[] text = new char[64 * 1024];
    private long packetsReceived;
    private long? previousFlushSeconds;

    /// <summary>Every packet read since the start, for tests and diagnostics (the flushed counter restarts at 0).</summary>
    public long PacketsReceived => Interlocked.Read(ref packetsReceived);

    public void Receive(ReadOnlySpan<byte> packet, StatsdPacketText encoding)
    {
        lock (gate)
        {
            if (text.Length < packet.Length)
            {
                text = new char[BitOperations.RoundUpToPowerOf2((uint)packet.Length)];
            }

            var length = StatsdPacketDecoder.Decode(packet, encoding, text);
            StatsdPacketReader.Read(text.AsSpan(0, length), aggregator);
            Interlocked.Increment(ref packetsReceived);
        }
    }

    /// <summary>The points of a flush at <paramref name="now"/>; starts the next interval.</summary>
    public List<MetricPoint> Flush(DateTimeOffset now)
    {
        StatsdSnapshot snapshot;
        lock (gate)
        {
            // etsy's timestamp_lag: how late this flush is against the previous one, in whole seconds, from the second on.
            var seconds = (long)Math.Floor((now.ToUnixTimeMilliseconds() / 1000.0) + 0.5);
            if (previousFlushSeconds is { } previous)
            {
                aggregator.SetGauge(TimestampLag, seconds - previous - (settings.FlushInterval.TotalMilliseconds / 1000));
            }

            previousFlushSeconds = seconds;
            snapshot = aggregator.TakeSnapshot();
        }

        return StatsdFlushPoints.From(snapshot, settings, now, clock);
    }
}
