using System.Text;

namespace Sky.Metrics.StatsD;

/// <summary>Decodes a packet's bytes as <see cref="StatsdPacketText"/> says.</summary>
internal static class StatsdPacketDecoder
{
    /// <summary>At most one character per byte for both: a buffer as long as the packet always suffices.</summary>
    public static int Decode(ReadOnlySpan<byte> packet, StatsdPacketText text, Span<char> into)
    {
        if (text == StatsdPacketText.Utf8)
        {
            return Encoding.UTF8.GetChars(packet, into);
        }

        for (var i = 0; i < packet.Length; i++)
        {
            into[i] = (char)(packet[i] & 0x7f);
        }

        return packet.Length;
    }
}
