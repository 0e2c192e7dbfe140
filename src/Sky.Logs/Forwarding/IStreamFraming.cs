using System.Buffers;

namespace Sky.Logs.Forwarding;

/// <summary>Turns a line into one framed message on a TCP connection, so that the receiver finds where it ends.</summary>
internal interface IStreamFraming : IDisposable
{
    /// <summary>Appends the whole frame, or nothing when the line cannot be encoded (then it throws).</summary>
    void Append(LogRecord record, ArrayBufferWriter<byte> output);
}
