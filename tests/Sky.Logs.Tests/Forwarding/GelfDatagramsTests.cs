using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Sky.Logs.Forwarding;
using Sky.Testing.Peers;

namespace Sky.Logs.Tests.Forwarding;

public sealed class GelfDatagramsTests
{
    [Fact]
    public void A_short_line_is_one_gzip_datagram()
    {
        using var encoding = new GelfDatagrams("node-1");
        var datagrams = new List<ReadOnlyMemory<byte>>();

        Assert.Null(encoding.Encode(SampleLines.Stdout("hello"), datagrams));

        var datagram = Assert.Single(datagrams).ToArray();
        Assert.Equal(new byte[] { 0x1f, 0x8b }, datagram[..2]);
        Assert.Equal("hello", (string?)JsonNode.Parse(GelfPayload.Decode(datagram).Json)!["short_message"]);
    }

    [Fact]
    public void A_long_random_line_is_split_into_mtu_sized_chunks_of_one_message_that_reassemble()
    {
        using var encoding = new GelfDatagrams("node-1");
        var datagrams = new List<ReadOnlyMemory<byte>>();
        var text = RandomText(40_000, seed: 7);

        Assert.Null(encoding.Encode(SampleLines.Stdout(text), datagrams));

        Assert.InRange(datagrams.Count, 2, GelfDatagrams.MaxChunks);
        Assert.All(datagrams, d => Assert.InRange(d.Length, GelfDatagrams.HeaderLength + 1, GelfDatagrams.HeaderLength + GelfDatagrams.ChunkPayload));
        var ids = datagrams.Select(d => BinaryPrimitives.ReadInt64BigEndian(d.Span[2..])).Distinct();
        Assert.Single(ids);
        Assert.Equal(Enumerable.Range(0, datagrams.Count), datagrams.Select(d => (int)d.Span[10]));
        Assert.All(datagrams, d => Assert.Equal(datagrams.Count, d.Span[11]));

        var assembly = new GelfChunkAssembly();
        (byte[] Payload, int Chunks)? whole = null;
        foreach (var datagram in datagrams.AsEnumerable().Reverse())
        {
            whole = assembly.Add(datagram.Span);
        }

        Assert.NotNull(whole);
        Assert.Equal(text, (string?)JsonNode.Parse(GelfPayload.Decode(whole.Value.Payload).Json)!["short_message"]);
    }

    [Fact]
    public void Consecutive_messages_have_different_ids()
    {
        using var encoding = new GelfDatagrams("node-1");
        var first = new List<ReadOnlyMemory<byte>>();
        Assert.Null(encoding.Encode(SampleLines.Stdout(RandomText(5_000, seed: 1)), first));
        var firstId = BinaryPrimitives.ReadInt64BigEndian(first[0].Span[2..]);
        var second = new List<ReadOnlyMemory<byte>>();
        Assert.Null(encoding.Encode(SampleLines.Stdout(RandomText(5_000, seed: 2)), second));
        Assert.NotEqual(firstId, BinaryPrimitives.ReadInt64BigEndian(second[0].Span[2..]));
    }

    [Fact]
    public void A_line_that_needs_more_than_128_chunks_is_refused_with_the_reason()
    {
        using var encoding = new GelfDatagrams("node-1");
        var datagrams = new List<ReadOnlyMemory<byte>>();

        var why = encoding.Encode(SampleLines.Stdout(RandomText(400_000, seed: 3)), datagrams);

        Assert.Contains("128 chunks", why, StringComparison.Ordinal);
        Assert.Empty(datagrams);
    }

    /// <summary>Text that gzip cannot shrink much: random letters, digits and punctuation.</summary>
    internal static string RandomText(int length, int seed)
    {
        var random = new Random(seed);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=-_.:;,!?()";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }
}
