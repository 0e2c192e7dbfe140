using System.Buffers;

namespace Sky.Logs.Forwarding;

/// <summary>
/// Syslog over UDP (RFC 5426): one message per datagram, so newlines in a line need no care. A datagram carries at
/// most <see cref="MaxDatagram"/> bytes; a longer line is cut at a character boundary to fit and marked
/// <c>truncated="true"</c>, rather than dropped: its start is usually what a reader needs. (Receivers often cut
/// further: rsyslog keeps 8 KB by default.)
/// </summary>
internal sealed class SyslogDatagrams(string hostName) : IDatagramEncoding
{
    /// <summary>The largest UDP payload IPv4 can carry: 65,535 less the IP and UDP headers.</summary>
    public const int MaxDatagram = 65_507;

    private readonly SyslogMessageWriter writer = new(hostName);
    private readonly ArrayBufferWriter<byte> message = new(1024);

    public string? Encode(LogRecord record, List<ReadOnlyMemory<byte>> datagrams)
    {
        message.ResetWrittenCount();
        writer.Write(record, message, MaxDatagram);
        datagrams.Add(message.WrittenMemory);
        return null;
    }

    public void Dispose()
    {
        // Nothing to release: a syslog message is written straight into a byte buffer.
    }
}
