using System.Buffers;

namespace Sky.Logs.Forwarding;

/// <summary>
/// GELF over TCP: the uncompressed JSON followed by a null byte, which the JSON itself never contains (a U+0000 in the
/// text is written as the escape \u0000).
/// </summary>
internal sealed class GelfNullFraming(string hostName) : IStreamFraming
{
    private readonly GelfMessageWriter writer = new(hostName);
    private readonly ArrayBufferWriter<byte> message = new(1024);

    public void Append(LogRecord record, ArrayBufferWriter<byte> output)
    {
        // Into a scratch buffer first: a line the writer rejects half-way leaves nothing in the output.
        message.ResetWrittenCount();
        writer.Write(record, message);
        output.Write(message.WrittenSpan);
        output.Write([(byte)0]);
    }

    public void Dispose() => writer.Dispose();
}
