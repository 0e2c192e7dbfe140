namespace Sky.Runtime;

/// <summary>
/// The RFC 3339 stamp and space the engine puts before each line when asked for timestamps, read straight from the
/// bytes: <c>2026-11-30T00:23:56.123456789Z</c> (nanoseconds, trailing zeros trimmed), kept to 100 ns ticks.
/// </summary>
internal static class EngineStamp
{
    /// <summary>Reads the stamp at the start of <paramref name="data"/> and moves past it and its space.</summary>
    public static DateTimeOffset Read(ref ReadOnlySpan<byte> data)
    {
        var space = data.IndexOf((byte)' ');
        if (space > 0 && (TryParseUtc(data[..space], out var time) || TryParseAny(data[..space], out time)))
        {
            data = data[(space + 1)..];
            return time;
        }

        // Not stamped (an engine that never stamps this output): the line is kept whole, at the epoch.
        return DateTimeOffset.UnixEpoch;
    }

    /// <summary>A whole stamp, as the json-file log keeps it; null when it is not one.</summary>
    public static DateTimeOffset? Parse(ReadOnlySpan<byte> stamp) =>
        TryParseUtc(stamp, out var time) || TryParseAny(stamp, out time) ? time : null;

    /// <summary>Moves past a stamp and its space, if <paramref name="data"/> starts with one.</summary>
    public static ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> data)
    {
        var rest = data;
        Read(ref rest);
        return rest;
    }

    /// <summary>The engine's usual form, UTC with a <c>Z</c>, parsed without any allocation.</summary>
    private static bool TryParseUtc(ReadOnlySpan<byte> s, out DateTimeOffset time)
    {
        time = default;
        if (s.Length < 20 || s[^1] != (byte)'Z' || s[4] != (byte)'-' || s[7] != (byte)'-' || s[10] != (byte)'T' || s[13] != (byte)':' || s[16] != (byte)':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        long ticks = 0;
        var fraction = s[19..^1];
        if (fraction.Length > 0)
        {
            if (fraction[0] != (byte)'.' || fraction.Length > 10)
            {
                return false;
            }

            for (var i = 1; i <= 7; i++)
            {
                var digit = i < fraction.Length ? fraction[i] - '0' : 0;
                if (digit is < 0 or > 9)
                {
                    return false;
                }

                ticks = (ticks * 10) + digit;
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        return true;
    }

    private static bool TryParseAny(ReadOnlySpan<byte> bytes, out DateTimeOffset time)
    {
        time = default;
        if (bytes.Length is < 20 or > 40)
        {
            return false;
        }

        Span<char> chars = stackalloc char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return DockerTimestamp.TryParse(chars, out time);
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
