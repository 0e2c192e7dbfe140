using System.Buffers;
using System.Globalization;

namespace Sky.Logs.Forwarding;

/// <summary>
/// Syslog over TCP with octet counting (RFC 6587, 3.4.1): <c>LENGTH SP MESSAGE</c>. Unlike newline framing, a line
/// with newlines in it stays one message, and nothing has to be escaped.
/// </summary>
internal sealed class SyslogOctetCounting(string hostName) : IStreamFraming
{
    private readonly SyslogMessageWriter writer = new(hostName);
    private readonly ArrayBufferWriter<byte> message = new(1024);

    public void Append(LogRecord record, ArrayBufferWriter<byte> output)
    {
        message.ResetWrittenCount();
        writer.Write(record, message);
        var prefix = output.GetSpan(12);
        message.WrittenCount.TryFormat(prefix, out var digits, default, CultureInfo.InvariantCulture);
        prefix[digits] = (byte)' ';
        output.Advance(digits + 1);
        output.Write(message.WrittenSpan);
    }

    public void Dispose()
    {
        // Nothing to release: a syslog message is written straight into the output buffer.
    }
}
