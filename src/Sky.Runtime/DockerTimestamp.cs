using System.Globalization;

namespace Sky.Runtime;

/// <summary>
/// The engine's times: RFC 3339 with up to nine fractional digits (more than .NET parses), and Unix seconds
/// with a nanosecond fraction for the <c>since</c> and <c>until</c> parameters.
/// </summary>
internal static class DockerTimestamp
{
    private const string Seconds = "yyyy-MM-dd'T'HH:mm:ss";

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length < 20 || text[10] != 'T')
        {
            return false;
        }

        if (!DateTime.TryParseExact(text[..19], Seconds, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return false;
        }

        var rest = text[19..];
        long ticks = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            // Keep the first seven digits (100 ns ticks); a timestamp's nanoseconds beyond that are dropped.
            var fraction = rest[1..digits];
            for (var i = 0; i < 7; i++)
            {
                ticks = (ticks * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
            }

            rest = rest[digits..];
        }

        TimeSpan offset;
        if (rest is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && (rest[0] == '+' || rest[0] == '-')
            && TimeSpan.TryParseExact(rest[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var magnitude))
        {
            offset = rest[0] == '-' ? -magnitude : magnitude;
        }
        else
        {
            return false;
        }

        time = new DateTimeOffset(wall.AddTicks(ticks), offset);
        return true;
    }

    /// <summary><c>1700000000.123456700</c>: the form <c>since</c> accepts, precise below the second.</summary>
    public static string ToUnixSeconds(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{remainder * 100:D9}");
    }
}
