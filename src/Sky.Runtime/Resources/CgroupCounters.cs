using System.Globalization;

namespace Sky.Runtime.Resources;

/// <summary>The few kernel file formats a container's counters come in, parsed without I/O.</summary>
internal static class CgroupCounters
{
    /// <summary><c>key value</c> lines (memory.stat, cpu.stat).</summary>
    public static Dictionary<string, long> KeyValues(string text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && long.TryParse(line.AsSpan(space + 1).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                values[line[..space]] = value;
            }
        }

        return values;
    }

    /// <summary>/proc/PID/net/dev: bytes received and sent over every interface but loopback.</summary>
    public static (long Received, long Sent) NetworkBytes(string text)
    {
        long received = 0, sent = 0;
        foreach (var line in text.Split('\n').Skip(2))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || line[..colon].Trim() == "lo")
            {
                continue;
            }

            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 9)
            {
                received += long.Parse(fields[0], CultureInfo.InvariantCulture);
                sent += long.Parse(fields[8], CultureInfo.InvariantCulture);
            }
        }

        return (received, sent);
    }

    /// <summary>v1 blkio.throttle.io_service_bytes: <c>MAJOR:MINOR Read N</c> / <c>Write N</c> lines, summed over devices.</summary>
    public static (long Read, long Written) BlkioBytes(string text)
    {
        long read = 0, written = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3 && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                if (fields[1] == "Read")
                {
                    read += value;
                }
                else if (fields[1] == "Write")
                {
                    written += value;
                }
            }
        }

        return (read, written);
    }

    /// <summary>v2 io.stat: <c>MAJOR:MINOR rbytes=N wbytes=N ...</c> lines, summed over devices.</summary>
    public static (long Read, long Written) IoStatBytes(string text)
    {
        long read = 0, written = 0;
        foreach (var field in text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (field.StartsWith("rbytes=", StringComparison.Ordinal))
            {
                read += long.Parse(field.AsSpan(7), CultureInfo.InvariantCulture);
            }
            else if (field.StartsWith("wbytes=", StringComparison.Ordinal))
            {
                written += long.Parse(field.AsSpan(7), CultureInfo.InvariantCulture);
            }
        }

        return (read, written);
    }
}
