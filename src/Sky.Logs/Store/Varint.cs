namespace Sky.Logs.Store;

/// <summary>LEB128 variable-length integers: small numbers (most line lengths, most time steps) take one byte.</summary>
internal static class Varint
{
    public static int Write(Span<byte> target, ulong value)
    {
        var at = 0;
        while (value >= 0x80)
        {
            target[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        target[at++] = (byte)value;
        return at;
    }

    /// <summary>Zigzag first, so that a small negative step (stdout and stderr stamped out of order) stays small.</summary>
    public static int WriteSigned(Span<byte> target, long value) => Write(target, (ulong)((value << 1) ^ (value >> 63)));

    public static ulong Read(ReadOnlySpan<byte> source, ref int at)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = source[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
            if (shift > 63)
            {
                throw new InvalidDataException("A log chunk holds a number longer than 64 bits: the chunk is damaged.");
            }
        }
    }

    public static long ReadSigned(ReadOnlySpan<byte> source, ref int at)
    {
        var raw = Read(source, ref at);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }
}
