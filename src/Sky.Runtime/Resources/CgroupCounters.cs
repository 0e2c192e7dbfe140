using System.Buffers.Text;

namespace Sky.Runtime.Resources;

/// <summary>
/// The few kernel file formats a container's counters come in, parsed from the bytes as read, without I/O and without
/// allocating: 300 containers sampled every 10 s made a dictionary of memory.stat's 40 lines, a string of each line and
/// of each field, and that was most of what the daemon allocated.
/// </summary>
internal static class CgroupCounters
{
    /// <summary>The value of one <c>key value</c> line (memory.stat, cpu.stat); 0 when the key is not there.</summary>
    public static long KeyValue(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key)
    {
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range];
            if (line.Length > key.Length && line.StartsWith(key) && line[key.Length] == (byte)' ')
            {
                return Utf8Parser.TryParse(line[(key.Length + 1)..].Trim((byte)' '), out long value, out _) ? value : 0;
            }
        }

        return 0;
    }

    /// <summary>A file of one number (cpuacct.usage, memory.usage_in_bytes).</summary>
    public static long Number(ReadOnlySpan<byte> text)
    {
        var number = text.Trim("\n "u8);
        return Utf8Parser.TryParse(number, out long value, out var consumed) && consumed == number.Length
            ? value
            : throw new FormatException($"not a number: {System.Text.Encoding.ASCII.GetString(number[..Math.Min(number.Length, 40)])}");
    }

    /// <summary>/proc/PID/net/dev: bytes received and sent over every interface but loopback.</summary>
    public static (long Received, long Sent) NetworkBytes(ReadOnlySpan<byte> text)
    {
        long received = 0, sent = 0;
        var lineNumber = 0;
        foreach (var range in text.Split((byte)'\n'))
        {
            // Two lines of headings first.
            if (lineNumber++ < 2)
            {
                continue;
            }

            var line = text[range];
            var colon = line.IndexOf((byte)':');
            if (colon < 0 || line[..colon].Trim((byte)' ').SequenceEqual("lo"u8))
            {
                continue;
            }

            // Receive: bytes packets errs drop fifo frame compressed multicast; transmit: bytes ...
            var fields = line[(colon + 1)..];
            if (Field(fields, 0) is { } receivedBytes && Field(fields, 8) is { } sentBytes)
            {
                received += receivedBytes;
                sent += sentBytes;
            }
        }

        return (received, sent);
    }

    /// <summary>v1 blkio.throttle.io_service_bytes: <c>MAJOR:MINOR Read N</c> / <c>Write N</c> lines, summed over devices.</summary>
    public static (long Read, long Written) BlkioBytes(ReadOnlySpan<byte> text)
    {
        long read = 0, written = 0;
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range];
            if (Field(line, 2) is not { } value)
            {
                continue;
            }

            var operation = FieldText(line, 1);
            if (operation.SequenceEqual("Read"u8))
            {
                read += value;
            }
            else if (operation.SequenceEqual("Write"u8))
            {
                written += value;
            }
        }

        return (read, written);
    }

    /// <summary>v2 io.stat: <c>MAJOR:MINOR rbytes=N wbytes=N ...</c> lines, summed over devices.</summary>
    public static (long Read, long Written) IoStatBytes(ReadOnlySpan<byte> text)
    {
        long read = 0, written = 0;
        foreach (var range in text.Split((byte)'\n'))
        {
            var line = text[range];
            foreach (var fieldRange in line.Split((byte)' '))
            {
                var field = line[fieldRange];
                if (field.StartsWith("rbytes="u8) && Utf8Parser.TryParse(field[7..], out long r, out _))
                {
                    read += r;
                }
                else if (field.StartsWith("wbytes="u8) && Utf8Parser.TryParse(field[7..], out long w, out _))
                {
                    written += w;
                }
            }
        }

        return (read, written);
    }

    /// <summary>The number in the <paramref name="index"/>th field of a line of fields separated by spaces; null when there are fewer or it is no number.</summary>
    private static long? Field(ReadOnlySpan<byte> fields, int index)
    {
        var field = FieldText(fields, index);
        return !field.IsEmpty && Utf8Parser.TryParse(field, out long value, out var consumed) && consumed == field.Length ? value : null;
    }

    /// <summary>The <paramref name="index"/>th field of a line of fields separated by one space or more; empty when there are fewer.</summary>
    private static ReadOnlySpan<byte> FieldText(ReadOnlySpan<byte> fields, int index)
    {
        var seen = 0;
        foreach (var range in fields.Split((byte)' '))
        {
            if (fields[range].IsEmpty)
            {
                continue;
            }

            if (seen++ == index)
            {
                return fields[range];
            }
        }

        return [];
    }
}
