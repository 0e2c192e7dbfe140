using System.IO.Compression;
using System.Text;

namespace Sky.Testing.Peers;

/// <summary>
/// Reads a whole GELF message as GELF receivers do, telling the encoding by its first bytes: gzip (1f 8b), zlib (a
/// deflate header whose two bytes are a multiple of 31, e.g. 78 9c) or plain JSON ('{').
/// </summary>
public static class GelfPayload
{
    public static (string Json, string Compression) Decode(byte[] payload)
    {
        if (payload.Length >= 2 && payload[0] == 0x1f && payload[1] == 0x8b)
        {
            return (Inflate(new GZipStream(new MemoryStream(payload), CompressionMode.Decompress)), "gzip");
        }

        if (payload.Length >= 2 && (payload[0] & 0x0f) == 8 && ((payload[0] << 8) | payload[1]) % 31 == 0)
        {
            return (Inflate(new ZLibStream(new MemoryStream(payload), CompressionMode.Decompress)), "zlib");
        }

        if (payload.Length > 0 && payload[0] == (byte)'{')
        {
            return (Encoding.UTF8.GetString(payload), "none");
        }

        throw new InvalidDataException($"neither gzip, zlib nor JSON: starts with {Convert.ToHexString(payload.AsSpan(0, Math.Min(4, payload.Length)))}");
    }

    private static string Inflate(Stream compressed)
    {
        using (compressed)
        using (var reader = new StreamReader(compressed, Encoding.UTF8))
        {
            return reader.ReadToEnd();
        }
    }
}
