namespace Sky.Metrics.StatsD;

/// <summary>
/// Reads one packet (a datagram, or what a TCP connection sent up to its last newline): one
/// <c>statsd.packets_received</c>, and for each non-empty line one <c>statsd.metrics_received</c> and the line.
/// </summary>
internal static class StatsdPacketReader
{
    public static void Read(ReadOnlySpan<char> packet, StatsdAggregator into)
    {
        into.Increment(StatsdAggregator.PacketsReceived);
        foreach (var range in packet.Split('\n'))
        {
            var line = packet[range];
            if (line.IsEmpty)
            {
                continue;
            }

            into.Increment(StatsdAggregator.MetricsReceived);
            StatsdLineReader.Read(line, into);
        }
    }
}
