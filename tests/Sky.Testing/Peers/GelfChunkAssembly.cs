using System.Buffers.Binary;

namespace Sky.Testing.Peers;

/// <summary>
/// Puts chunked GELF messages back together, checking each chunk as a strict receiver would: the magic bytes 1e 0f,
/// a count from 1 to 128 that every chunk of the message repeats, a sequence number below it, and no chunk twice.
/// </summary>
public sealed class GelfChunkAssembly
{
    public const int HeaderLength = 12;
    public const int MaxChunks = 128;

    private readonly Dictionary<long, byte[]?[]> pending = [];

    /// <summary>Messages some of whose chunks came and others not (yet).</summary>
    public int Incomplete => pending.Count;

    public static bool IsChunk(ReadOnlySpan<byte> datagram) => datagram.Length >= 2 && datagram[0] == 0x1e && datagram[1] == 0x0f;

    /// <summary>The whole message once this chunk completes it, else null. A malformed chunk throws.</summary>
    public (byte[] Payload, int Chunks)? Add(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length <= HeaderLength || !IsChunk(chunk))
        {
            throw new InvalidDataException($"not a GELF chunk: {chunk.Length} bytes starting {Convert.ToHexString(chunk[..Math.Min(4, chunk.Length)])}");
        }

        var id = BinaryPrimitives.ReadInt64BigEndian(chunk[2..]);
        int sequence = chunk[10];
        int count = chunk[11];
        if (count is < 1 or > MaxChunks || sequence >= count)
        {
            throw new InvalidDataException($"chunk {sequence} of {count} of message {id:x16}: out of range");
        }

        if (!pending.TryGetValue(id, out var parts))
        {
            parts = new byte[]?[count];
            pending[id] = parts;
        }

        if (parts.Length != count)
        {
            throw new InvalidDataException($"message {id:x16} came as {parts.Length} chunks and now as {count}");
        }

        if (parts[sequence] is not null)
        {
            throw new InvalidDataException($"chunk {sequence} of message {id:x16} came twice");
        }

        parts[sequence] = chunk[HeaderLength..].ToArray();
        if (parts.Any(part => part is null))
        {
            return null;
        }

        pending.Remove(id);
        return (parts.SelectMany(part => part!).ToArray(), count);
    }
}
