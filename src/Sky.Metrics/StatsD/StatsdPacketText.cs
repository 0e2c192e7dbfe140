namespace Sky.Metrics.StatsD;

/// <summary>
/// How etsy turns a packet's bytes into text, which differs by transport: a datagram is read as UTF-8 (invalid bytes
/// become U+FFFD, later dropped from keys), a TCP stream as Node's 'ascii', which clears each byte's high bit.
/// </summary>
internal enum StatsdPacketText
{
    Utf8,
    HighBitCleared,
}
