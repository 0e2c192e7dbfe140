using System.Buffers.Binary;

namespace Sky.Runtime;

/// <summary>
/// Reads the engine's output of a container without a terminal: frames of an 8-byte header (stream type, three
/// zero bytes, big-endian payload length) and the payload. A terminal container sends its output raw instead;
/// with <c>raw: true</c> every read is passed through as stdout.
/// </summary>
internal sealed class MultiplexedStreamReader
{
    private const int HeaderSize = 8;
    private const int RawChunk = 16 * 1024;

    private readonly Stream stream;
    private readonly bool raw;
    private readonly byte[] header = new byte[HeaderSize];
    private byte[] payloadBuffer = new byte[RawChunk];

    public MultiplexedStreamReader(Stream stream, bool raw)
    {
        this.stream = stream;
        this.raw = raw;
    }

    /// <summary>The next frame, or null at the end of the stream. The payload is valid until the next call.</summary>
    public async ValueTask<MultiplexedFrame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (raw)
        {
            var read = await stream.ReadAsync(payloadBuffer, cancellationToken);
            return read == 0 ? null : new MultiplexedFrame(LogStream.Stdout, payloadBuffer.AsMemory(0, read));
        }

        if (!await FillAsync(header, cancellationToken))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        if (length > int.MaxValue)
        {
            throw new InvalidDataException($"A frame of the engine's output claims {length} bytes: the stream is not multiplexed.");
        }

        if (payloadBuffer.Length < length)
        {
            payloadBuffer = new byte[Math.Max((int)length, payloadBuffer.Length * 2)];
        }

        var payload = payloadBuffer.AsMemory(0, (int)length);
        if (!await FillAsync(payload, cancellationToken))
        {
            // A frame cut short: the connection ended mid-frame, which is the end of the output all the same.
            return null;
        }

        // As the engine's own client does: stdin (0) counts as stdout, and the engine's own errors about an
        // exec (3) are shown with the program's errors rather than lost.
        return new MultiplexedFrame(header[0] is 2 or 3 ? LogStream.Stderr : LogStream.Stdout, payload);
    }

    /// <summary>Reads exactly the buffer's length; false when the stream ends first.</summary>
    private async ValueTask<bool> FillAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[filled..], cancellationToken);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }
}
