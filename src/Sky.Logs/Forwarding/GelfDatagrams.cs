using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Sky.Logs.Forwarding;

/// <summary>
/// GELF over UDP: the JSON gzip-compressed, in one datagram when it fits <see cref="ChunkPayload"/>, else split into
/// GELF chunks. Each chunk is a 12-byte header (the magic bytes 0x1e 0x0f, an 8-byte message id shared by the
/// message's chunks, the chunk's sequence number from 0 and the chunk count) followed by its part of the compressed
/// message. A message that would need more than <see cref="MaxChunks"/> chunks cannot be sent and is dropped.
/// </summary>
internal sealed class GelfDatagrams(string hostName) : IDatagramEncoding
{
    /// <summary>
    /// Compressed bytes per datagram. GELF allows up to 8192 per datagram; 1420 plus the 12-byte header fits the
    /// 1472 bytes an Ethernet frame (MTU 1500) carries over UDP, so no datagram is fragmented on the way, and losing
    /// a fragment would lose the whole message.
    /// </summary>
    public const int ChunkPayload = 1420;

    public const int HeaderLength = 12;

    /// <summary>The most chunks a GELF message may have; receivers drop larger messages.</summary>
    public const int MaxChunks = 128;

    private static ReadOnlySpan<byte> Magic => [0x1e, 0x0f];

    private readonly GelfMessageWriter writer = new(hostName);
    private readonly ArrayBufferWriter<byte> json = new(1024);
    private readonly MemoryStream compressed = new();
    private byte[] chunks = [];

    // Ids only need to differ between messages whose chunks may be in flight at the same time: a counter from a
    // random start is unique for this sender and unlikely to meet another sender's.
    private long nextMessageId = Random.Shared.NextInt64();

    public string? Encode(LogRecord record, List<ReadOnlyMemory<byte>> datagrams)
    {
        json.ResetWrittenCount();
        writer.Write(record, json);
        compressed.SetLength(0);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json.WrittenSpan);
        }

        var message = compressed.GetBuffer().AsMemory(0, (int)compressed.Length);
        if (message.Length <= ChunkPayload)
        {
            datagrams.Add(message);
            return null;
        }

        var count = (message.Length + ChunkPayload - 1) / ChunkPayload;
        if (count > MaxChunks)
        {
            return $"a line of {json.WrittenCount} bytes of GELF is {message.Length} bytes compressed: more than the {MaxChunks} chunks of {ChunkPayload} bytes a GELF message may have";
        }

        var size = count * HeaderLength + message.Length;
        if (chunks.Length < size)
        {
            chunks = new byte[size];
        }

        var id = nextMessageId++;
        var at = 0;
        for (var sequence = 0; sequence < count; sequence++)
        {
            var part = message.Span.Slice(sequence * ChunkPayload, Math.Min(ChunkPayload, message.Length - sequence * ChunkPayload));
            var chunk = chunks.AsSpan(at, HeaderLength + part.Length);
            Magic.CopyTo(chunk);
            BinaryPrimitives.WriteInt64BigEndian(chunk[2..], id);
            chunk[10] = (byte)sequence;
            chunk[11] = (byte)count;
            part.CopyTo(chunk[HeaderLength..]);
            datagrams.Add(chunks.AsMemory(at, chunk.Length));
            at += chunk.Length;
        }

        return null;
    }

    public void Dispose()
    {
        writer.Dispose();
        compressed.Dispose();
    }
}
